package io.nextbox.ordering.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.nextbox.account.InvitationBatches;
import io.nextbox.ordering.HistoryImporter;
import io.nextbox.ordering.ImportStatus;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The merchant's order-history import: upload a CSV, watch it being checked and imported. */
@Controller
class ImportController {

	static final String VIEW = "ordering/import";

	static final String STATUS = "ordering/import-status";

	private final HistoryImporter importer;

	private final InvitationBatches invitations;

	ImportController(HistoryImporter importer, InvitationBatches invitations) {
		this.importer = importer;
		this.invitations = invitations;
	}

	/** The page, also as the answer to a file above the upload limit (see {@link UploadLimitFilter}). */
	@GetMapping("/admin/import")
	String importForm(@RequestAttribute(name = UploadLimitFilter.TOO_LARGE, required = false) Boolean tooLarge,
			Model model) {
		if (Boolean.TRUE.equals(tooLarge)) {
			model.addAttribute("uploadError", "import.tooLarge");
		}
		model.addAttribute("imports", importer.recent());
		return VIEW;
	}

	@PostMapping("/admin/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash)
			throws IOException {
		if (file == null || file.isEmpty()) {
			flash.addFlashAttribute("uploadError", "import.noFile");
			return "redirect:/admin/import";
		}
		Path copy = Files.createTempFile("nextbox-import-", ".csv");
		file.transferTo(copy);
		String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
		return "redirect:/admin/import/" + importer.start(name, copy);
	}

	@GetMapping("/admin/import/{id}")
	String status(@PathVariable String id, HtmxRequest htmx, Model model) {
		ImportStatus job = find(id);
		model.addAttribute("job", job);
		if ("DONE".equals(job.status())) {
			model.addAttribute("notYetInvited", invitations.notYetInvited());
			model.addAttribute("latestBatch", invitations.latestBatchId());
			model.addAttribute("runningBatch", invitations.runningBatch().orElse(null));
		}
		return htmx.isHtmxRequest() ? STATUS + " :: status" : STATUS;
	}

	/** Every customer an import created, one address a line. */
	@GetMapping("/admin/import/{id}/customers.csv")
	void newCustomers(@PathVariable String id, HttpServletResponse response) throws IOException {
		ImportStatus job = find(id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"new-customers-" + job.id() + ".csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write("email\r\n");
		importer.newCustomers(job.id(), out);
		out.flush();
	}

	/** An import by the id in the address; anything that is not one is a page not found. */
	private ImportStatus find(String id) {
		if (!id.matches("[0-9]{1,18}")) {
			throw new ImportNotFoundException();
		}
		return importer.status(Long.parseLong(id)).orElseThrow(ImportNotFoundException::new);
	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static final class ImportNotFoundException extends RuntimeException {

		ImportNotFoundException() {
			super("No such import", null, false, false);
		}

	}

}
