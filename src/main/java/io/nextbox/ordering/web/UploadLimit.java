package io.nextbox.ordering.web;

import java.util.List;
import java.util.Map;

import io.nextbox.ordering.HistoryImporter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A file above the upload limit is the import page with its message, with 413, not an error page: for an upload
 * that reaches Spring MVC's own multipart check ({@link UploadLimitFilter} answers those the container refuses).
 */
@ControllerAdvice
class UploadLimit {

	/** Absent from web slices of other modules, which load every advice. */
	private final ObjectProvider<HistoryImporter> importer;

	UploadLimit(ObjectProvider<HistoryImporter> importer) {
		this.importer = importer;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request)
			throws MaxUploadSizeExceededException {
		if (!UploadLimitFilter.PATH.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
			throw ex;
		}
		HistoryImporter imports = importer.getIfAvailable();
		return new ModelAndView(ImportController.VIEW, Map.of("uploadError", "import.tooLarge", "imports",
				imports == null ? List.of() : imports.recent()), HttpStatus.CONTENT_TOO_LARGE);
	}

}
