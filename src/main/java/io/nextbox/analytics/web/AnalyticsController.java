package io.nextbox.analytics.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.nextbox.analytics.AnalyticsSort;
import io.nextbox.analytics.AnalyticsTrends;
import io.nextbox.analytics.CancelFlowFigures;
import io.nextbox.analytics.DateRange;
import io.nextbox.analytics.HoldoutLift;
import io.nextbox.analytics.InvalidFilterException;
import io.nextbox.analytics.OfferAnalytics;
import io.nextbox.analytics.Placements;
import io.nextbox.analytics.RecurringRevenueAdded;
import io.nextbox.offer.Placement;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The merchant's offer analytics: the table per offer, one offer over time, and both as CSV. */
@Controller
class AnalyticsController {

	static final String REPORT = "analytics/report";

	static final String OFFER = "analytics/offer";

	private final OfferAnalytics analytics;

	private final HoldoutLift lift;

	private final AnalyticsTrends trends;

	private final CancelFlowFigures cancelFlow;

	private final RecurringRevenueAdded recurring;

	AnalyticsController(OfferAnalytics analytics, HoldoutLift lift, AnalyticsTrends trends,
			CancelFlowFigures cancelFlow, RecurringRevenueAdded recurring) {
		this.analytics = analytics;
		this.lift = lift;
		this.trends = trends;
		this.cancelFlow = cancelFlow;
		this.recurring = recurring;
	}

	@GetMapping("/admin/analytics")
	String report(@RequestParam(required = false) String range, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String placement,
			@RequestParam(required = false) String sort, Model model, HttpServletResponse response) {
		filter(model, range, from, to, placement);
		try {
			DateRange dates = DateRange.parse(range, from, to, analytics.today());
			Placement where = Placements.parse(placement);
			model.addAttribute("report", analytics.report(dates, where, AnalyticsSort.parse(sort)));
			model.addAttribute("lift", lift.measure(dates, where));
			model.addAttribute("trend", trends.storeWide(dates, where));
			model.addAttribute("mrr", recurring.over(dates, where));
			model.addAttribute("cancelFlow", cancelFlow.report(dates));
		}
		catch (InvalidFilterException invalid) {
			refuse(model, invalid, response);
		}
		return REPORT;
	}

	@GetMapping("/admin/analytics/offers/{id}")
	String offer(@PathVariable long id, @RequestParam(required = false) String range,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String placement, Model model, HttpServletResponse response) {
		filter(model, range, from, to, placement);
		model.addAttribute("offerId", id);
		try {
			DateRange dates = DateRange.parse(range, from, to, analytics.today());
			model.addAttribute("timeline", analytics.timeline(id, dates, Placements.parse(placement)));
		}
		catch (InvalidFilterException invalid) {
			refuse(model, invalid, response);
		}
		return OFFER;
	}

	@GetMapping("/admin/analytics/offers.csv")
	void offersCsv(@RequestParam(required = false) String range, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String placement,
			@RequestParam(required = false) String sort, HttpServletResponse response) throws IOException {
		DateRange dates;
		Placement where;
		try {
			dates = DateRange.parse(range, from, to, analytics.today());
			where = Placements.parse(placement);
		}
		catch (InvalidFilterException invalid) {
			response.sendError(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return;
		}
		csv(response, "offers-" + dates.from() + "-" + dates.to() + ".csv");
		analytics.writeTable(analytics.report(dates, where, AnalyticsSort.parse(sort)), response.getWriter());
	}

	@GetMapping("/admin/analytics/events.csv")
	void eventsCsv(@RequestParam(required = false) String range, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String placement,
			HttpServletResponse response) throws IOException {
		DateRange dates;
		Placement where;
		try {
			dates = DateRange.parse(range, from, to, analytics.today());
			where = Placements.parse(placement);
		}
		catch (InvalidFilterException invalid) {
			response.sendError(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return;
		}
		csv(response, "offer-events-" + dates.from() + "-" + dates.to() + ".csv");
		analytics.writeEvents(dates, where, response.getWriter());
	}

	private static void csv(HttpServletResponse response, String filename) {
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType("text/csv");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
	}

	private static void filter(Model model, String range, String from, String to, String placement) {
		model.addAttribute("range", range == null || range.isBlank()
				? ((from == null || from.isBlank()) && (to == null || to.isBlank()) ? "30" : DateRange.CUSTOM) : range);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("placement", placement == null || placement.isBlank() ? Placements.ALL : placement);
		model.addAttribute("placements", Placements.choices());
		model.addAttribute("presets", java.util.List.of("7", "30", "90", DateRange.CUSTOM));
		model.addAttribute("problems", Map.of());
	}

	private static void refuse(Model model, InvalidFilterException invalid, HttpServletResponse response) {
		model.addAttribute("problems", invalid.problems());
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
	}

}
