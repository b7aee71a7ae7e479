package io.nextbox.platform.web;

import java.io.IOException;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Two changes to the same thing at once: the later one fails on a stale version, a row lock it waited too long for,
 * or a deadlock. Its transaction was rolled back, so nothing of it was saved: it is answered 409 saying so, never
 * 500. An htmx request gets a bare 409, so the target it would have replaced stays as it is and the page's script
 * says next to the control that it changed a moment ago (see nextbox.js); any other request gets the 409 error page.
 */
@ControllerAdvice
class ConcurrentChangeAdvice {

	private static final Logger log = LoggerFactory.getLogger(ConcurrentChangeAdvice.class);

	@ExceptionHandler({ ConcurrencyFailureException.class, OptimisticLockException.class,
			PessimisticLockException.class, LockTimeoutException.class })
	ModelAndView concurrentChange(Exception ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		log.info("{} {} lost a race with another change and changed nothing: {}", request.getMethod(),
				request.getRequestURI(), ex.getMessage());
		if ("true".equals(request.getHeader("HX-Request"))) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return new ModelAndView();
		}
		response.sendError(HttpStatus.CONFLICT.value());
		return new ModelAndView();
	}

}
