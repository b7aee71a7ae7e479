package io.nextbox.subscription.web;

import java.util.Optional;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.nextbox.account.NextboxUser;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.subscription.ActionNotOfferedException;
import io.nextbox.subscription.ActionRefusedException;
import io.nextbox.subscription.Actor;
import io.nextbox.subscription.Outcome;
import io.nextbox.subscription.SubscriptionActions;
import io.nextbox.subscription.SubscriptionChangedException;
import io.nextbox.subscription.SubscriptionService;
import io.nextbox.subscription.SwapChoice;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Swapping a product of the plan for another of its category: a page of the alternatives with the difference each
 * makes per delivery, a confirm step that says from which box it applies (loaded into the page by htmx, a page of its
 * own without JavaScript), then a plain form POST that redirects to the subscription with a message. A refusal
 * answers 422 with the alternatives and the reason; a page out of date answers 409 with them as they are now; a
 * repeat of the same POST (double click, second tab) answers as the first did.
 */
@Controller
@RequestMapping("/portal/subscriptions/{id}/swap/{productId}")
class SwapController {

	static final String VIEW = "subscription/swap";

	static final String CONFIRM_VIEW = "subscription/swap-confirm";

	private final SubscriptionService subscriptions;

	private final SubscriptionActions actions;

	private final StoreSettingsService settings;

	private final MessageSource messages;

	SwapController(SubscriptionService subscriptions, SubscriptionActions actions, StoreSettingsService settings,
			MessageSource messages) {
		this.subscriptions = subscriptions;
		this.actions = actions;
		this.settings = settings;
		this.messages = messages;
	}

	/** What a swap sends: the product to swap in and the version of the subscription the page showed. */
	static class SwapForm extends ActionForms.ActionForm {

		private Long to;

		public Long getTo() {
			return to;
		}

		public void setTo(Long to) {
			this.to = to;
		}

	}

	@GetMapping
	String choose(@PathVariable long id, @PathVariable long productId, @AuthenticationPrincipal NextboxUser user,
			Model model) {
		model.addAttribute("choice", choice(user, id, productId));
		return VIEW;
	}

	/** The swap about to be made: the difference per delivery and the first box it changes. */
	@GetMapping("/confirm")
	String confirm(@PathVariable long id, @PathVariable long productId, @RequestParam(required = false) String to,
			@AuthenticationPrincipal NextboxUser user, HtmxRequest htmx, Model model, HttpServletResponse response) {
		SwapChoice choice = choice(user, id, productId);
		Long wanted = parse(to);
		var option = choice.item().swappable() ? choice.option(wanted) : Optional.<SwapChoice.Option>empty();
		if (option.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("choice", choice);
			model.addAttribute("error", message("refused.chooseSwap"));
			return VIEW;
		}
		model.addAttribute("choice", choice);
		model.addAttribute("option", option.get());
		return htmx.isHtmxRequest() ? CONFIRM_VIEW + " :: review" : CONFIRM_VIEW;
	}

	@PostMapping
	String swap(@PathVariable long id, @PathVariable long productId, @AuthenticationPrincipal NextboxUser user,
			@ModelAttribute("swapForm") SwapForm form, BindingResult binding, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		try {
			if (binding.hasErrors()) {
				throw new ActionRefusedException("productId", "refused.invalidInput");
			}
			Outcome outcome = actions.swap(user.subscriberId(), id, productId, form.getTo(), form.seen(),
					Actor.subscriber(user.email()));
			flash.addFlashAttribute("message", message(outcome.code(), outcome.arguments()));
			return "redirect:/portal/subscriptions/" + id;
		}
		catch (SubscriptionChangedException | ConcurrencyFailureException changed) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", message("conflict.subscriptionChanged"));
		}
		catch (ActionRefusedException refusal) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("error", message(refusal.code(), refusal.arguments()));
		}
		model.addAttribute("choice", choice(user, id, productId));
		return VIEW;
	}

	/** The alternatives, or 403 while the store does not allow swaps, 404 for a product not in the plan's box. */
	private SwapChoice choice(NextboxUser user, long id, long productId) {
		if (!settings.current().portalActions().swap()) {
			throw new ActionNotOfferedException("swap");
		}
		return subscriptions.swapChoice(user.subscriberId(), id, productId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static Long parse(String value) {
		try {
			return value == null ? null : Long.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private String message(String code, Object... arguments) {
		return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

}
