package io.nextbox.admin.web;

import java.util.Locale;
import java.util.UUID;

import io.nextbox.account.MerchantInvitations;
import io.nextbox.account.MerchantInvitations.Invite;
import io.nextbox.account.MerchantService;
import io.nextbox.account.MerchantService.Removal;
import io.nextbox.account.NextboxUser;
import io.nextbox.account.PasswordChangeForm;
import io.nextbox.account.PasswordPolicy;
import io.nextbox.account.PasswordRefusedException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The store's staff (the merchants), inviting and removing one, and changing your own password. */
@Controller
class StaffController {

	static final String VIEW = "admin/staff";

	static final String PASSWORD_VIEW = "admin/password";

	private final MerchantService merchants;

	private final PasswordPolicy policy;

	private final MerchantInvitations invitations;

	StaffController(MerchantService merchants, PasswordPolicy policy, MerchantInvitations invitations) {
		this.merchants = merchants;
		this.policy = policy;
		this.invitations = invitations;
	}

	@GetMapping("/admin/staff")
	String staff(@AuthenticationPrincipal NextboxUser user, Model model) {
		model.addAttribute("merchants", merchants.merchants());
		model.addAttribute("me", user.accountId());
		// every form on the page gets its own key: posting it twice is one invitation
		model.addAttribute("keys", new RequestKeys());
		return VIEW;
	}

	/** Fresh request keys for the page's invitation forms. */
	static final class RequestKeys {

		public String next() {
			return UUID.randomUUID().toString();
		}

	}

	/**
	 * Invites a merchant by email (or sends a pending one a fresh link). A refusal is answered on the staff page with
	 * 422 and the address kept; a repeat of an answered form says what the first did.
	 */
	@PostMapping("/admin/staff/invite")
	String invite(@AuthenticationPrincipal NextboxUser user, @RequestParam(required = false) String email,
			@RequestParam(required = false) String key, Model model, HttpServletResponse response,
			RedirectAttributes flash) {
		Invite invite = invitations.invite(email, key);
		String message = "staff.invite." + switch (invite.outcome()) {
			case SENT -> "sent";
			case RESENT -> "resent";
			case ALREADY_SENT -> "already";
			case INVALID -> "invalid";
			case SUBSCRIBER -> "subscriber";
			case ACTIVE_MERCHANT -> "merchant";
			case MAIL_FAILED -> "mailFailed";
		};
		if (!invite.refused()) {
			flash.addFlashAttribute("staffInvited", message);
			flash.addFlashAttribute("staffInvitedEmail", invite.email());
			return "redirect:/admin/staff";
		}
		response.setStatus(invite.outcome() == MerchantInvitations.Outcome.MAIL_FAILED
				? HttpStatus.SERVICE_UNAVAILABLE.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("inviteError", message);
		model.addAttribute("inviteEmail", email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
		return staff(user, model);
	}

	/**
	 * Removes a merchant; the refusals (yourself, the last one) are answered on the staff page with 422. Removing
	 * one already removed (a double click, a second tab) says it is done, as the first click did.
	 */
	@PostMapping("/admin/staff/{id}/remove")
	String remove(@AuthenticationPrincipal NextboxUser user, @PathVariable long id, Model model,
			HttpServletResponse response, RedirectAttributes flash) {
		Removal removal = merchants.removeMerchant(user.accountId(), id);
		if (removal == Removal.REMOVED || removal == Removal.ALREADY_GONE) {
			flash.addFlashAttribute("staffRemoved", true);
			return "redirect:/admin/staff";
		}
		model.addAttribute("staffRefusal", removal == Removal.YOURSELF ? "staff.remove.yourself" : "staff.remove.last");
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return staff(user, model);
	}

	@GetMapping("/admin/password")
	String changePasswordForm(Model model) {
		model.addAttribute("changePasswordForm", new PasswordChangeForm());
		return PASSWORD_VIEW;
	}

	@PostMapping("/admin/password")
	String changePassword(@AuthenticationPrincipal NextboxUser user,
			@ModelAttribute("changePasswordForm") PasswordChangeForm form, BindingResult binding,
			HttpServletResponse response, RedirectAttributes flash) {
		policy.check(form.getNewPassword(), form.getConfirmation(), binding, "newPassword", "confirmation");
		if (!binding.hasErrors()) {
			try {
				if (!merchants.changePassword(user.accountId(), form.getCurrentPassword(), form.getNewPassword())) {
					binding.rejectValue("currentPassword", "password.current.wrong");
				}
			}
			catch (PasswordRefusedException ex) {
				PasswordPolicy.reject(binding, "newPassword", ex.refusal());
			}
		}
		if (binding.hasErrors()) {
			form.forget();
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return PASSWORD_VIEW;
		}
		flash.addFlashAttribute("passwordChanged", true);
		return "redirect:/admin/password";
	}


}
