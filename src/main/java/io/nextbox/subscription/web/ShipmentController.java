package io.nextbox.subscription.web;

import java.util.function.Supplier;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.nextbox.account.NextboxUser;
import io.nextbox.subscription.ActionRefusedException;
import io.nextbox.subscription.Actor;
import io.nextbox.subscription.NextBoxAddOns;
import io.nextbox.subscription.Outcome;
import io.nextbox.subscription.SubscriptionService;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The next box of a subscription: what is in it (the plan's products and every add-on), what it costs, when it
 * ships and until when it can change. Until the cutoff every add-on line can be taken out, or its quantity
 * changed where the store allows it: plain forms that redirect back (post/redirect/get), and with htmx the same
 * POST answers with the box alone.
 */
@Controller
@RequestMapping("/portal/subscriptions/{id}/shipment")
class ShipmentController {

	static final String VIEW = "subscription/shipment";

	static final String BOX = VIEW + " :: box";

	private static final int ATTEMPTS = 3;

	private final SubscriptionService subscriptions;

	private final NextBoxAddOns addOns;

	private final MessageSource messages;

	ShipmentController(SubscriptionService subscriptions, NextBoxAddOns addOns, MessageSource messages) {
		this.subscriptions = subscriptions;
		this.addOns = addOns;
		this.messages = messages;
	}

	/** The quantity asked for an add-on line; text that is not a number is refused with a message, not a 400. */
	static class LineQuantityForm {

		private Integer quantity;

		public Integer getQuantity() {
			return quantity;
		}

		public void setQuantity(Integer quantity) {
			this.quantity = quantity;
		}

	}

	@GetMapping
	String nextShipment(@PathVariable long id, @AuthenticationPrincipal NextboxUser user, Model model) {
		model.addAttribute("details", subscriptions.details(user.subscriberId(), id));
		return VIEW;
	}

	@PostMapping("/lines/{lineId}/remove")
	String remove(@PathVariable long id, @PathVariable long lineId, @AuthenticationPrincipal NextboxUser user,
			HtmxRequest htmx, Model model, RedirectAttributes flash, HttpServletResponse response) {
		return perform(id, user, htmx, model, flash, response,
				() -> addOns.removeLine(user.subscriberId(), id, lineId, Actor.subscriber(user.email())));
	}

	@PostMapping("/lines/{lineId}/quantity")
	String quantity(@PathVariable long id, @PathVariable long lineId, @AuthenticationPrincipal NextboxUser user,
			@ModelAttribute("lineQuantityForm") LineQuantityForm form, BindingResult binding, HtmxRequest htmx,
			Model model, RedirectAttributes flash, HttpServletResponse response) {
		return perform(id, user, htmx, model, flash, response, () -> {
			if (binding.hasErrors()) {
				throw new ActionRefusedException("quantity", "refused.invalidInput");
			}
			return addOns.changeLineQuantity(user.subscriberId(), id, lineId, form.getQuantity(),
					Actor.subscriber(user.email()));
		});
	}

	private String perform(long id, NextboxUser user, HtmxRequest htmx, Model model, RedirectAttributes flash,
			HttpServletResponse response, Supplier<Outcome> action) {
		try {
			Outcome outcome = retryingConflicts(action);
			String message = message(outcome.code(), outcome.arguments());
			if (htmx.isHtmxRequest()) {
				model.addAttribute("message", message);
				model.addAttribute("details", subscriptions.details(user.subscriberId(), id));
				return BOX;
			}
			flash.addFlashAttribute("message", message);
			return "redirect:/portal/subscriptions/" + id + "/shipment";
		}
		catch (ActionRefusedException refusal) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("error", message(refusal.code(), refusal.arguments()));
			model.addAttribute("details", subscriptions.details(user.subscriberId(), id));
			return htmx.isHtmxRequest() ? BOX : VIEW;
		}
	}

	/** Two tabs removing the same line at once: the loser tries again, finds it gone, and answers as the winner. */
	private static Outcome retryingConflicts(Supplier<Outcome> action) {
		for (int attempt = 1;; attempt++) {
			try {
				return action.get();
			}
			catch (ConcurrencyFailureException conflict) {
				if (attempt == ATTEMPTS) {
					throw conflict;
				}
			}
		}
	}

	private String message(String code, Object... arguments) {
		return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

}
