package io.nextbox.account.web;

import io.nextbox.account.LinkRequestLimits;
import io.nextbox.account.LoginThrottle;
import io.nextbox.account.NextboxUser;
import io.nextbox.account.SignInLinks;
import io.nextbox.account.SignInLinks.Outcome;
import io.nextbox.account.SignInLinks.Result;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The login page: the password form (Spring Security processes its POST to {@code /login}) and "Email me a sign-in
 * link", with the pages that follow it: "check your email" with a code field, and the link's page, whose button
 * signs in (a GET never uses a link, since mail scanners open links). A password attempt the {@link LoginThrottle}
 * refused comes here instead, and is answered 429 with the wait.
 */
@Controller
class LoginController {

	static final String VIEW = "account/login";

	static final String CHECK_EMAIL_VIEW = "account/check-email";

	static final String LINK_VIEW = "account/sign-in-link";

	static final String FAILED_VIEW = "account/sign-in-failed";

	private static final String PORTAL = "redirect:/portal";

	private final SignInLinks links;

	private final SignInSession session;

	private final LinkRequestLimits linkLimits;

	LoginController(SignInLinks links, SignInSession session, LinkRequestLimits linkLimits) {
		this.links = links;
		this.session = session;
		this.linkLimits = linkLimits;
	}

	@GetMapping("/login")
	String loginForm() {
		return VIEW;
	}

	@PostMapping("/login/link")
	String requestLink(@RequestParam(required = false) String email, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		String address = email == null ? "" : email.strip();
		String problem = address.isEmpty() ? "login.link.emailRequired"
				: address.length() > 254 || !address.matches("[^@\\s]+@[^@\\s]+") ? "login.link.emailInvalid" : null;
		if (problem != null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("linkError", problem);
			model.addAttribute("linkEmail", address);
			return VIEW;
		}
		if (linkLimits.request(address, request.getRemoteAddr()) instanceof LoginThrottle.Refused refused) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.seconds()));
			model.addAttribute("linkThrottledMinutes", refused.minutes());
			model.addAttribute("linkEmail", address);
			return VIEW;
		}
		links.request(address);
		redirect.addFlashAttribute("email", address);
		return "redirect:/login/code";
	}

	@GetMapping("/login/code")
	String checkEmail(@AuthenticationPrincipal NextboxUser current, Model model) {
		if (current != null && !current.isMerchant()) {
			return PORTAL;
		}
		model.addAttribute("minutes", SignInLinks.VALID_FOR.toMinutes());
		return CHECK_EMAIL_VIEW;
	}

	@PostMapping("/login/code")
	String signInWithCode(@RequestParam(required = false) String email, @RequestParam(required = false) String code,
			@AuthenticationPrincipal NextboxUser current, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Result result = links.useCode(email == null ? "" : email, code);
		if (result.outcome() == Outcome.SIGNED_IN) {
			session.signIn(result.user(), request, response);
			return PORTAL;
		}
		if (current != null && email != null && current.email().equalsIgnoreCase(email.strip())
				&& !current.isMerchant()) {
			return PORTAL; // a second click after the first signed in
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("email", email == null ? null : email.strip());
		model.addAttribute("codeError", "signIn.check.wrongCode");
		model.addAttribute("minutes", SignInLinks.VALID_FOR.toMinutes());
		return CHECK_EMAIL_VIEW;
	}

	@GetMapping("/login/link/{token}")
	String linkPage(@PathVariable String token, @AuthenticationPrincipal NextboxUser current, Model model) {
		if (current != null && links.usedBy(token, current.accountId())) {
			return PORTAL; // this browser already signed in with it
		}
		model.addAttribute("token", token);
		return LINK_VIEW;
	}

	@PostMapping("/login/link/{token}")
	String signInWithLink(@PathVariable String token, @AuthenticationPrincipal NextboxUser current, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Result result = links.useToken(token);
		if (result.outcome() == Outcome.SIGNED_IN) {
			session.signIn(result.user(), request, response);
			return PORTAL;
		}
		if (current != null && result.accountId() != null && current.accountId() == result.accountId()) {
			return PORTAL; // a second click after the first signed in
		}
		response.setStatus(result.outcome() == Outcome.INVALID ? HttpStatus.NOT_FOUND.value()
				: HttpStatus.GONE.value());
		model.addAttribute("failedKey", result.invitation() && result.outcome() == Outcome.EXPIRED
				? "signIn.failed.expiredInvitation"
				: "signIn.failed." + result.outcome().name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("minutes", SignInLinks.VALID_FOR.toMinutes());
		return FAILED_VIEW;
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
