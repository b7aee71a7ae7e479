package io.nextbox.account.web;

import java.util.Locale;

import io.nextbox.account.AccountSessions;
import io.nextbox.account.EmailChanges;
import io.nextbox.account.EmailChanges.Link;
import io.nextbox.account.EmailChanges.State;
import io.nextbox.account.NextboxUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page the confirmation link opens, signed in or not (it may be read on another device): GET shows the change
 * and a button (mail scanners open links), POST makes it. The sessions of the login stay signed in with the new
 * address; the one that confirmed goes back to its account page.
 */
@Controller
class EmailConfirmationController {

	static final String VIEW = "account/confirm-email";

	private final EmailChanges changes;

	private final AccountSessions sessions;

	private final SignInSession signInSession;

	EmailConfirmationController(EmailChanges changes, AccountSessions sessions, SignInSession signInSession) {
		this.changes = changes;
		this.sessions = sessions;
		this.signInSession = signInSession;
	}

	@GetMapping("/account/email/{token}")
	String page(@PathVariable String token, Model model, HttpServletResponse response) {
		return show(token, changes.check(token), model, response);
	}

	@PostMapping("/account/email/{token}")
	String confirm(@PathVariable String token, @AuthenticationPrincipal NextboxUser current, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
		Link link = changes.confirm(token);
		if (link.state() == State.CONFIRMED) {
			boolean signedInHere = current != null && current.accountId() == link.accountId();
			NextboxUser now = sessions.refreshOtherSessions(link.accountId(),
					signedInHere ? request.getSession().getId() : null);
			if (signedInHere) {
				signInSession.refresh(now, request, response);
				flash.addFlashAttribute("emailChanged", link.newEmail());
				return "redirect:/portal/account#account-email";
			}
		}
		return show(token, link, model, response);
	}

	private static String show(String token, Link link, Model model, HttpServletResponse response) {
		model.addAttribute("token", token);
		model.addAttribute("state", link.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
		model.addAttribute("oldEmail", link.oldEmail());
		model.addAttribute("newEmail", link.newEmail());
		model.addAttribute("hours", EmailChanges.VALID_FOR.toHours());
		response.setStatus(switch (link.state()) {
			case PENDING, CONFIRMED, ALREADY_CONFIRMED -> HttpStatus.OK.value();
			case TAKEN -> HttpStatus.CONFLICT.value();
			case EXPIRED -> HttpStatus.GONE.value();
			case UNKNOWN -> HttpStatus.NOT_FOUND.value();
		});
		return VIEW;
	}

}
