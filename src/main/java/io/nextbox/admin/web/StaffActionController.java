package io.nextbox.admin.web;

import java.util.Set;
import java.util.function.Supplier;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.nextbox.account.NextboxUser;
import io.nextbox.subscription.ActionRefusedException;
import io.nextbox.subscription.Actor;
import io.nextbox.subscription.NextBoxAddOns;
import io.nextbox.subscription.Outcome;
import io.nextbox.subscription.SubscriptionActions;
import io.nextbox.subscription.SubscriptionChangedException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Store staff acting for a subscriber from the subscriber's admin page: the portal's actions, through the same
 * service methods and rules, as {@link Actor#store} (not bound by the portal's switches, recorded as the store's
 * with the staff member's email, in the timeline and the audit log). One path like the portal's: a plain form
 * redirects back with a message, an htmx POST gets the subscriptions section; a refusal answers 422 with the reason
 * at its field, a request about a subscription changed since the page answers 409 with it as it is now.
 */
@Controller
@RequestMapping("/admin/subscribers/{subscriberId}/subscriptions/{id}")
class StaffActionController {

	/** A refused action of the page: which subscription, which field (or none) and why. */
	record Refusal(long subscriptionId, String field, String message) {

		private static final Set<String> SHOWN_AT_FIELD = Set.of("date", "until", "count", "unit",
				"quantity", "planId", "productId", "reason", "note", "swap");

		/** Shown at the field of its subscription's form. */
		public boolean at(long subscription, String name) {
			return subscriptionId == subscription && name.equals(field);
		}

		/** Shown above its subscription's forms: no field, or one the page has no input for. */
		public boolean general(long subscription) {
			return subscriptionId == subscription && (field == null || !SHOWN_AT_FIELD.contains(field));
		}

	}

	private final SubscriptionActions actions;

	private final NextBoxAddOns addOns;

	private final SubscriberPage page;

	private final MessageSource messages;

	StaffActionController(SubscriptionActions actions, NextBoxAddOns addOns, SubscriberPage page,
			MessageSource messages) {
		this.actions = actions;
		this.addOns = addOns;
		this.page = page;
		this.messages = messages;
	}

	/** Who asks about which subscription, and how to answer. */
	record Ask(long subscriberId, long id, NextboxUser user, HtmxRequest htmx, Model model, RedirectAttributes flash,
			HttpServletResponse response) {

		Actor store() {
			return Actor.store(user.email());
		}

	}

	@PostMapping("/{action:skip|unskip|reschedule|pause|resume|interval|quantity|plan|cancel|reactivate|add-on|swap}")
	String act(@PathVariable long subscriberId, @PathVariable long id, @PathVariable String action,
			@AuthenticationPrincipal NextboxUser user, @ModelAttribute("staffForm") StaffActionForm form,
			BindingResult binding, HtmxRequest htmx, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		Ask ask = new Ask(subscriberId, id, user, htmx, model, flash, response);
		return perform(ask, binding, () -> switch (action) {
			case "skip" -> actions.skip(subscriberId, id, form.seen(), ask.store());
			case "unskip" -> actions.unskip(subscriberId, id, form.seen(), ask.store());
			case "reschedule" -> actions.reschedule(subscriberId, id, form.getDate(), form.seen(), ask.store());
			case "pause" -> actions.pause(subscriberId, id, form.getUntil(), form.seen(), ask.store());
			case "resume" -> actions.resume(subscriberId, id, form.seen(), ask.store());
			case "interval" -> actions.changeInterval(subscriberId, id, form.getCount(), form.getUnit(), form.seen(),
					ask.store());
			case "quantity" -> actions.changeQuantity(subscriberId, id, form.getQuantity(), form.seen(), ask.store());
			case "plan" -> actions.changePlan(subscriberId, id, form.getPlanId(), form.seen(), ask.store());
			case "cancel" -> actions.cancel(subscriberId, id, form.getReason(), form.getNote(), form.seen(),
					ask.store());
			case "reactivate" -> actions.reactivate(subscriberId, id, form.seen(), ask.store());
			case "add-on" -> addOns.addProduct(subscriberId, id, form.getProductId(), ask.store());
			case "swap" -> actions.swap(subscriberId, id, form.swapFrom(), form.swapTo(), form.seen(), ask.store());
			default -> throw new IllegalArgumentException(action);
		});
	}

	@PostMapping("/lines/{lineId}/remove")
	String removeAddOn(@PathVariable long subscriberId, @PathVariable long id, @PathVariable long lineId,
			@AuthenticationPrincipal NextboxUser user, HtmxRequest htmx, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		Ask ask = new Ask(subscriberId, id, user, htmx, model, flash, response);
		return perform(ask, null, () -> addOns.removeLine(subscriberId, id, lineId, ask.store()));
	}

	private String perform(Ask ask, BindingResult binding, Supplier<Outcome> action) {
		try {
			if (binding != null && binding.hasErrors()) {
				FieldError error = binding.getFieldError();
				throw new ActionRefusedException(error == null ? null : error.getField(), "refused.invalidInput");
			}
			Outcome outcome = action.get();
			String message = message(outcome.code(), outcome.arguments());
			if (ask.htmx().isHtmxRequest()) {
				ask.model().addAttribute("message", message);
				page.prepareSubscriptions(ask.model(), ask.subscriberId());
				return SubscriberPage.SUBSCRIPTIONS;
			}
			ask.flash().addFlashAttribute("message", message);
			return "redirect:/admin/subscribers/" + ask.subscriberId() + "#subscription-" + ask.id();
		}
		catch (SubscriptionChangedException | ConcurrencyFailureException changed) {
			return answer(ask, HttpStatus.CONFLICT, new Refusal(ask.id(), null, message("conflict.subscriptionChanged")));
		}
		catch (ActionRefusedException refusal) {
			return answer(ask, HttpStatus.UNPROCESSABLE_CONTENT,
					new Refusal(ask.id(), refusal.field(), message(refusal.code(), refusal.arguments())));
		}
	}

	private String answer(Ask ask, HttpStatus status, Refusal refusal) {
		ask.response().setStatus(status.value());
		ask.model().addAttribute("refusal", refusal);
		if (ask.htmx().isHtmxRequest()) {
			page.prepareSubscriptions(ask.model(), ask.subscriberId());
			return SubscriberPage.SUBSCRIPTIONS;
		}
		page.prepare(ask.model(), ask.subscriberId());
		return SubscriberPage.VIEW;
	}

	/** The message in the store's voice ({@code staff.<code>}) where the subscriber's would read wrong. */
	private String message(String code, Object... arguments) {
		return messages.getMessage("staff." + code, arguments,
				messages.getMessage(code, arguments, LocaleContextHolder.getLocale()), LocaleContextHolder.getLocale());
	}

}
