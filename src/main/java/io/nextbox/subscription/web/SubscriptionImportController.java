package io.nextbox.subscription.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import io.nextbox.account.InvitationBatches;
import io.nextbox.subscription.SubscriptionImporter;
import io.nextbox.subscription.SubscriptionImporter.Report;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The merchant brings the store's subscriptions over from another platform with one CSV file. */
@Controller
class SubscriptionImportController {

	static final String VIEW = "subscription/import";

	/** Set by the upload limit filter (ordering) on an upload above the limit, answered with this page and 413. */
	private static final String TOO_LARGE = "nextbox.import.tooLarge";

	private final SubscriptionImporter importer;

	private final InvitationBatches invitations;

	SubscriptionImportController(SubscriptionImporter importer, InvitationBatches invitations) {
		this.importer = importer;
		this.invitations = invitations;
	}

	/** The form, and after an import what it did, with the invitation of everyone not yet invited. */
	@GetMapping("/admin/import/subscriptions")
	String form(@RequestAttribute(name = TOO_LARGE, required = false) Boolean tooLarge, Model model) {
		if (Boolean.TRUE.equals(tooLarge)) {
			model.addAttribute("uploadError", "import.tooLarge");
		}
		if (model.getAttribute("report") instanceof Report report && !report.refused()) {
			model.addAttribute("notYetInvited", invitations.notYetInvited());
			model.addAttribute("latestBatch", invitations.latestBatchId());
			model.addAttribute("runningBatch", invitations.runningBatch().orElse(null));
		}
		return VIEW;
	}

	/**
	 * Imports the file; a refused one is answered with every problem and 422. Uploading the same file again (a
	 * double click, a retry) records nothing twice and says the subscriptions were already there.
	 */
	@PostMapping("/admin/import/subscriptions")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			HttpServletResponse response, RedirectAttributes flash) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("uploadError", "import.noFile");
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return VIEW;
		}
		Report report;
		try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			report = importer.importFile(reader);
		}
		if (report.refused()) {
			model.addAttribute("report", report);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return VIEW;
		}
		flash.addFlashAttribute("report", report);
		return "redirect:/admin/import/subscriptions";
	}

}
