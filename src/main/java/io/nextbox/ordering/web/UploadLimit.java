package io.nextbox.ordering.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A file above the upload limit is a message on the import page, not an error page. */
@ControllerAdvice
class UploadLimit {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(RedirectAttributes flash) {
		flash.addFlashAttribute("uploadError", "import.tooLarge");
		return "redirect:/admin/import";
	}

}
