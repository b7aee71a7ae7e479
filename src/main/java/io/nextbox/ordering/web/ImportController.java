package io.nextbox.ordering.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.nextbox.ordering.HistoryImporter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The merchant's order-history import: upload a CSV, watch it being checked and imported. */
@Controller
class ImportController {

	static final String VIEW = "ordering/import";

	static final String STATUS = "ordering/import-status";

	private final HistoryImporter importer;

	ImportController(HistoryImporter importer) {
		this.importer = importer;
	}

	@GetMapping("/admin/import")
	String importForm(Model model) {
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
	String status(@PathVariable long id, HtmxRequest htmx, Model model) {
		model.addAttribute("job", importer.status(id));
		return htmx.isHtmxRequest() ? STATUS + " :: status" : STATUS;
	}

}
