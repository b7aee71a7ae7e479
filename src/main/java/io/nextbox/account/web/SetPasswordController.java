package io.nextbox.account.web;

import io.nextbox.account.PasswordLinks;
import io.nextbox.account.PasswordLinks.TokenState;
import io.nextbox.account.PasswordPolicy;
import io.nextbox.account.PasswordRefusedException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a one-time link opens, without a login: GET shows the form (the link is not spent by opening it, so a
 * mail scanner cannot use it up), POST sets the password once. A used, expired or unknown link gets a page that
 * says so, the second POST of the same link included.
 */
@Controller
class SetPasswordController {

	static final String VIEW = "account/set-password";

	static final String LINK_VIEW = "account/password-link";

	static final String DONE_VIEW = "account/password-done";

	private final PasswordLinks links;

	private final PasswordPolicy policy;

	SetPasswordController(PasswordLinks links, PasswordPolicy policy) {
		this.links = links;
		this.policy = policy;
	}

	@GetMapping("/password/set")
	String setPasswordForm(@RequestParam(name = "token", required = false) String token, Model model,
			HttpServletResponse response) {
		TokenState state = links.check(token);
		if (state != TokenState.VALID) {
			return linkPage(state, model, response);
		}
		SetPasswordForm form = new SetPasswordForm();
		form.setToken(token);
		model.addAttribute("setPasswordForm", form);
		return VIEW;
	}

	@PostMapping("/password/set")
	String setPassword(@ModelAttribute("setPasswordForm") SetPasswordForm form, BindingResult binding, Model model,
			HttpServletResponse response) {
		TokenState state = links.check(form.getToken());
		if (state != TokenState.VALID) {
			return linkPage(state, model, response);
		}
		policy.check(form.getPassword(), form.getConfirmation(), binding, "password", "confirmation");
		if (binding.hasErrors()) {
			form.setPassword(null);
			form.setConfirmation(null);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return VIEW;
		}
		try {
			state = links.setPassword(form.getToken(), form.getPassword());
		}
		catch (PasswordRefusedException ex) {
			PasswordPolicy.reject(binding, "password", ex.refusal());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return VIEW;
		}
		if (state != TokenState.SET) {
			return linkPage(state, model, response);
		}
		return "redirect:/password/done";
	}

	@GetMapping("/password/done")
	String passwordSet() {
		return DONE_VIEW;
	}

	/** Why the link cannot be used: 410 for a used or expired one, 404 for one that never existed. */
	private static String linkPage(TokenState state, Model model, HttpServletResponse response) {
		model.addAttribute("linkState", state.name().toLowerCase(java.util.Locale.ROOT));
		response.setStatus(state == TokenState.UNKNOWN ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
		return LINK_VIEW;
	}

}
