package io.nextbox.account.web;

import io.nextbox.account.LoginThrottle;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;

/**
 * The login form; Spring Security processes the POST to the same URL, except an attempt the {@link LoginThrottle}
 * refused, which comes here and is answered 429 with the wait.
 */
@Controller
class LoginController {

	static final String VIEW = "account/login";

	@GetMapping("/login")
	String loginForm() {
		return VIEW;
	}

	@PostMapping("/login")
	String refused(@RequestAttribute(name = LoginThrottle.ATTEMPT, required = false) Object attempt, Model model,
			HttpServletResponse response) {
		if (!(attempt instanceof LoginThrottle.Refused refused)) {
			return "redirect:/login";
		}
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.seconds()));
		model.addAttribute("throttledMinutes", refused.minutes());
		return VIEW;
	}

}
