package io.nextbox.account.web;

import io.nextbox.account.AccountSessions;
import io.nextbox.account.EmailChanges;
import io.nextbox.account.EmailPreferences;
import io.nextbox.account.NextboxUser;
import io.nextbox.account.PasswordChangeForm;
import io.nextbox.account.PasswordPolicy;
import io.nextbox.account.PasswordRefusedException;
import io.nextbox.account.SubscriberAccount;
import io.nextbox.account.SubscriberAccount.PasswordChange;
import io.nextbox.account.SubscriberAccount.Profile;
import io.nextbox.account.web.AccountForms.EmailForm;
import io.nextbox.account.web.AccountForms.NameForm;
import io.nextbox.account.web.AccountForms.PreferencesForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A subscriber's account page: name, email address (changed once the new one is confirmed), password, email
 * preferences, and signing out on every device. Each section is a form of its own; a refusal answers 422 with the
 * page and the reason at its field, a change redirects back to its section with a message.
 */
@Controller
@RequestMapping("/portal/account")
class AccountController {

	static final String VIEW = "account/settings";

	private static final String BACK = "redirect:/portal/account#account-";

	private final SubscriberAccount accounts;

	private final EmailChanges emailChanges;

	private final EmailPreferences preferences;

	private final AccountSessions sessions;

	private final SignInSession signInSession;

	private final PasswordPolicy policy;

	AccountController(SubscriberAccount accounts, EmailChanges emailChanges, EmailPreferences preferences,
			AccountSessions sessions, SignInSession signInSession, PasswordPolicy policy) {
		this.accounts = accounts;
		this.emailChanges = emailChanges;
		this.preferences = preferences;
		this.sessions = sessions;
		this.signInSession = signInSession;
		this.policy = policy;
	}

	@GetMapping
	String page(@AuthenticationPrincipal NextboxUser user, Model model) {
		Profile profile = accounts.profile(user.accountId());
		model.addAttribute("profile", profile);
		model.addAttribute("pending", emailChanges.pending(user.accountId()).orElse(null));
		model.addAttribute("hours", EmailChanges.VALID_FOR.toHours());
		if (!model.containsAttribute("nameForm")) {
			NameForm name = new NameForm();
			name.setFirstName(profile.firstName());
			name.setLastName(profile.lastName());
			model.addAttribute("nameForm", name);
		}
		if (!model.containsAttribute("emailForm")) {
			model.addAttribute("emailForm", new EmailForm());
		}
		if (!model.containsAttribute("passwordForm")) {
			model.addAttribute("passwordForm", new PasswordChangeForm());
		}
		if (!model.containsAttribute("preferencesForm")) {
			model.addAttribute("preferencesForm", current(user));
		}
		return VIEW;
	}

	@PostMapping("/name")
	String rename(@AuthenticationPrincipal NextboxUser user, @ModelAttribute("nameForm") NameForm form,
			BindingResult binding, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes flash) {
		String first = stripped(form.getFirstName());
		String last = stripped(form.getLastName());
		if (first.isEmpty()) {
			binding.rejectValue("firstName", "account.name.firstRequired");
		}
		else if (tooLong(first)) {
			binding.rejectValue("firstName", "account.name.tooLong", new Object[] { SubscriberAccount.MAX_NAME }, null);
		}
		if (tooLong(last)) {
			binding.rejectValue("lastName", "account.name.tooLong", new Object[] { SubscriberAccount.MAX_NAME }, null);
		}
		if (binding.hasErrors()) {
			return refused(user, model, response);
		}
		accounts.rename(user.accountId(), first, last);
		refreshSessions(user, request, response);
		flash.addFlashAttribute("saved", "name");
		return BACK + "name";
	}

	@PostMapping("/email")
	String changeEmail(@AuthenticationPrincipal NextboxUser user, @ModelAttribute("emailForm") EmailForm form,
			BindingResult binding, Model model, HttpServletResponse response) {
		String address = stripped(form.getEmail());
		if (address.isEmpty()) {
			binding.rejectValue("email", "account.email.required");
		}
		else if (!EmailChanges.isAddress(address)) {
			binding.rejectValue("email", "account.email.invalid");
		}
		else if (address.equalsIgnoreCase(user.email())) {
			binding.rejectValue("email", "account.email.same");
		}
		if (binding.hasErrors()) {
			return refused(user, model, response);
		}
		if (emailChanges.request(user.accountId(), address) == EmailChanges.Requested.TOO_MANY) {
			binding.rejectValue("email", "account.email.tooMany",
					new Object[] { EmailChanges.MAX_REQUESTS_PER_HOUR }, null);
			String page = refused(user, model, response);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return page;
		}
		return BACK + "email";
	}

	@PostMapping("/password")
	String changePassword(@AuthenticationPrincipal NextboxUser user,
			@ModelAttribute("passwordForm") PasswordChangeForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes flash) {
		policy.check(form.getNewPassword(), form.getConfirmation(), binding, "newPassword", "confirmation");
		if (!binding.hasErrors()) {
			try {
				if (accounts.changePassword(user.accountId(), form.getCurrentPassword(),
						form.getNewPassword()) == PasswordChange.WRONG_CURRENT) {
					binding.rejectValue("currentPassword", "password.current.wrong");
				}
			}
			catch (PasswordRefusedException ex) {
				PasswordPolicy.reject(binding, "newPassword", ex.refusal());
			}
		}
		if (binding.hasErrors()) {
			form.forget();
			return refused(user, model, response);
		}
		flash.addFlashAttribute("saved", "password");
		return BACK + "password";
	}

	@PostMapping("/preferences")
	String choosePreferences(@AuthenticationPrincipal NextboxUser user,
			@ModelAttribute("preferencesForm") PreferencesForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes flash) {
		if (binding.hasErrors()) {
			// what was sent is not a choice: the form shows the choices as they are
			model.addAttribute("preferencesRefused", true);
			model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "preferencesForm");
			model.addAttribute("preferencesForm", current(user));
			return refused(user, model, response);
		}
		preferences.choose(user.subscriberId(),
				new EmailPreferences.Choices(form.isBoxReminders(), form.isReminderSuggestions()));
		flash.addFlashAttribute("saved", "preferences");
		return BACK + "preferences";
	}

	/**
	 * Ends every session of this login, this one included, and stops its unused sign-in links. A second click
	 * arrives without a session and is answered by the login page like any expired form.
	 */
	@PostMapping("/sign-out-everywhere")
	String signOutEverywhere(@AuthenticationPrincipal NextboxUser user, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response) {
		sessions.signOutEverywhere(user.accountId());
		new SecurityContextLogoutHandler().logout(request, response, authentication);
		return "redirect:/login?everywhere";
	}

	/** This session and every other one of the login show its name and address as they are now. */
	private void refreshSessions(NextboxUser user, HttpServletRequest request, HttpServletResponse response) {
		NextboxUser now = sessions.refreshOtherSessions(user.accountId(), request.getSession().getId());
		signInSession.refresh(now, request, response);
	}

	private String refused(NextboxUser user, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(user, model);
	}

	private PreferencesForm current(NextboxUser user) {
		EmailPreferences.Choices choices = preferences.of(user.subscriberId());
		PreferencesForm form = new PreferencesForm();
		form.setBoxReminders(choices.boxReminders());
		form.setReminderSuggestions(choices.reminderSuggestions());
		return form;
	}


	private static String stripped(String text) {
		return text == null ? "" : text.strip();
	}

	private static boolean tooLong(String text) {
		return text.codePointCount(0, text.length()) > SubscriberAccount.MAX_NAME;
	}

}
