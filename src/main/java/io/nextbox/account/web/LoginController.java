package io.nextbox.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; Spring Security processes the POST to the same URL. */
@Controller
class LoginController {

	static final String VIEW = "account/login";

	@GetMapping("/login")
	String loginForm() {
		return VIEW;
	}

}
