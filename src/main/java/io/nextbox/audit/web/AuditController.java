package io.nextbox.audit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.nextbox.audit.AuditArea;
import io.nextbox.audit.AuditEntries;
import io.nextbox.audit.AuditFilter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page: newest first, filtered by a plain GET form. */
@Controller
class AuditController {

	static final String VIEW = "audit/log";

	static final int PAGE_SIZE = 25;

	/** Longest text the who and subject filters take (the columns' own lengths are about as long). */
	static final int MAX_TEXT = 254;

	private final AuditEntries entries;

	private final Clock clock;

	AuditController(AuditEntries entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	@GetMapping("/admin/audit")
	String log(@RequestParam(defaultValue = "") String area, @RequestParam(defaultValue = "") String who,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") String page, Model model,
			HttpServletResponse response) {
		Map<String, String> problems = new LinkedHashMap<>();
		AuditArea chosenArea = area(area, problems);
		LocalDate fromDay = day("from", from, problems);
		LocalDate toDay = day("to", to, problems);
		if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
			problems.put("to", "audit.filter.to.beforeFrom");
			toDay = null;
		}
		String whoText = text("who", who, problems);
		String subjectText = text("q", q, problems);
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		model.addAttribute("entries", entries.find(new AuditFilter(chosenArea, whoText, fromDay, toDay, subjectText),
				pageNumber(page), PAGE_SIZE));
		model.addAttribute("areas", AuditArea.values());
		model.addAttribute("area", area.trim().toUpperCase(Locale.ROOT));
		model.addAttribute("who", who);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("q", q);
		model.addAttribute("problems", problems);
		model.addAttribute("zone", clock.getZone());
		return VIEW;
	}

	private static AuditArea area(String text, Map<String, String> problems) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return AuditArea.valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.put("area", "audit.filter.area.invalid");
			return null;
		}
	}

	private static LocalDate day(String field, String text, Map<String, String> problems) {
		if (text.isBlank()) {
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(text.trim());
			if (day.getYear() < 1900 || day.getYear() > 9999) {
				throw new DateTimeParseException("out of range", text, 0);
			}
			return day;
		}
		catch (DateTimeParseException ex) {
			problems.put(field, "audit.filter.date.invalid");
			return null;
		}
	}

	private static String text(String field, String text, Map<String, String> problems) {
		if (text.length() > MAX_TEXT) {
			problems.put(field, "audit.filter.text.tooLong");
			return null;
		}
		return text;
	}

	private static int pageNumber(String page) {
		try {
			return Integer.parseInt(page.trim());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
