package io.nextbox.subscription.web;

import java.util.List;
import java.util.function.Supplier;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.nextbox.account.NextboxUser;
import io.nextbox.subscription.ActionRefusedException;
import io.nextbox.subscription.Actor;
import io.nextbox.subscription.CancelAttempts;
import io.nextbox.subscription.CancelReason;
import io.nextbox.subscription.Outcome;
import io.nextbox.subscription.SubscriptionActions;
import io.nextbox.subscription.SubscriptionChangedException;
import io.nextbox.subscription.SubscriptionDetails;
import io.nextbox.subscription.SubscriptionService;
import io.nextbox.subscription.web.ActionForms.ActionForm;
import io.nextbox.subscription.web.ActionForms.CancelForm;
import io.nextbox.subscription.web.ActionForms.IntervalForm;
import io.nextbox.subscription.web.ActionForms.PauseForm;
import io.nextbox.subscription.web.ActionForms.PlanForm;
import io.nextbox.subscription.web.ActionForms.QuantityForm;
import io.nextbox.subscription.web.ActionForms.RescheduleForm;
import io.nextbox.subscription.web.ActionForms.SkipForm;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The subscription page and its actions. Every action is a plain form POST that redirects back with a message
 * (post/redirect/get, works without JavaScript); the same POST sent by htmx answers with the page's panel only.
 * A refused change answers 422 with the page, or the panel, and the reason next to the field. Every form names the
 * version of the subscription it acts on: a repeat of a request answers as the first did, and a request about a
 * subscription that has changed since its page was shown answers 409 with the subscription as it is now.
 */
@Controller
@RequestMapping("/portal/subscriptions/{id}")
class SubscriptionController {

	static final String VIEW = "subscription/detail";

	static final String PANEL = VIEW + " :: panel";

	static final String CANCEL_VIEW = "subscription/cancel";

	static final String PLAN_VIEW = "subscription/plan";

	/** The page of a change made now and then (date, frequency, pause, plan), and its card loaded by htmx. */
	static final String CHANGE_VIEW = "subscription/change";

	/** The model names of the forms an action binds, which a page showing the subscription anew must not reuse. */
	private static final List<String> FORMS = List.of("skipForm", "actionForm", "rescheduleForm", "pauseForm",
			"intervalForm", "quantityForm", "planForm", "cancelForm");

	private final SubscriptionService subscriptions;

	private final SubscriptionActions actions;

	private final MessageSource messages;

	private final CancelAttempts cancelAttempts;

	SubscriptionController(SubscriptionService subscriptions, SubscriptionActions actions, MessageSource messages,
			CancelAttempts cancelAttempts) {
		this.subscriptions = subscriptions;
		this.actions = actions;
		this.messages = messages;
		this.cancelAttempts = cancelAttempts;
	}

	/**
	 * What every action handler gets: who asks, about which subscription, and how to answer; {@code change}: the
	 * change page whose form asked (a refusal is shown there), or null for a form on the subscription page.
	 */
	record Ask(long id, NextboxUser user, HtmxRequest htmx, Model model, RedirectAttributes flash,
			HttpServletResponse response, String change) {

		Ask(long id, NextboxUser user, HtmxRequest htmx, Model model, RedirectAttributes flash,
				HttpServletResponse response) {
			this(id, user, htmx, model, flash, response, null);
		}

	}

	@GetMapping
	String show(@PathVariable long id, @AuthenticationPrincipal NextboxUser user, Model model) {
		prepare(model, subscriptions.details(user.subscriberId(), id));
		return VIEW;
	}

	@GetMapping("/reschedule")
	String rescheduleForm(@PathVariable long id, @AuthenticationPrincipal NextboxUser user, HtmxRequest htmx,
			Model model) {
		return change("reschedule", subscriptions.details(user.subscriberId(), id), htmx, model);
	}

	@GetMapping("/interval")
	String intervalForm(@PathVariable long id, @AuthenticationPrincipal NextboxUser user, HtmxRequest htmx,
			Model model) {
		return change("interval", subscriptions.details(user.subscriberId(), id), htmx, model);
	}

	@GetMapping("/pause")
	String pauseForm(@PathVariable long id, @AuthenticationPrincipal NextboxUser user, HtmxRequest htmx,
			Model model) {
		return change("pause", subscriptions.details(user.subscriberId(), id), htmx, model);
	}

	@PostMapping("/skip")
	String skip(@PathVariable long id, @AuthenticationPrincipal NextboxUser user,
			@ModelAttribute("skipForm") SkipForm form, BindingResult binding, HtmxRequest htmx, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		return perform(new Ask(id, user, htmx, model, flash, response), binding,
				() -> actions.skip(user.subscriberId(), id, form.seen(), subscriber(user)));
	}

	@PostMapping("/unskip")
	String unskip(@PathVariable long id, @AuthenticationPrincipal NextboxUser user,
			@ModelAttribute("actionForm") ActionForm form, BindingResult binding, HtmxRequest htmx, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		return perform(new Ask(id, user, htmx, model, flash, response), binding,
				() -> actions.unskip(user.subscriberId(), id, form.seen(), subscriber(user)));
	}

	@PostMapping("/reschedule")
	String reschedule(@PathVariable long id, @AuthenticationPrincipal NextboxUser user,
			@ModelAttribute("rescheduleForm") RescheduleForm form, BindingResult binding, HtmxRequest htmx,
			Model model, RedirectAttributes flash, HttpServletResponse response) {
		return perform(new Ask(id, user, htmx, model, flash, response, "reschedule"), binding,
				() -> actions.reschedule(user.subscriberId(), id, form.getDate(), form.seen(), subscriber(user)));
	}

	@PostMapping("/pause")
	String pause(@PathVariable long id, @AuthenticationPrincipal NextboxUser user,
			@ModelAttribute("pauseForm") PauseForm form, BindingResult binding, HtmxRequest htmx, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		return perform(new Ask(id, user, htmx, model, flash, response, "pause"), binding,
				() -> actions.pause(user.subscriberId(), id, form.getUntil(), form.seen(), subscriber(user)));
	}

	@PostMapping("/resume")
	String resume(@PathVariable long id, @AuthenticationPrincipal NextboxUser user,
			@ModelAttribute("actionForm") ActionForm form, BindingResult binding, HtmxRequest htmx, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		return perform(new Ask(id, user, htmx, model, flash, response), binding,
				() -> actions.resume(user.subscriberId(), id, form.seen(), subscriber(user)));
	}

	@PostMapping("/interval")
	String interval(@PathVariable long id, @AuthenticationPrincipal NextboxUser user,
			@ModelAttribute("intervalForm") IntervalForm form, BindingResult binding, HtmxRequest htmx, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		return perform(new Ask(id, user, htmx, model, flash, response, "interval"), binding,
				() -> actions.changeInterval(user.subscriberId(), id, form.getCount(), form.getUnit(), form.seen(),
						subscriber(user)));
	}

	@PostMapping("/quantity")
	String quantity(@PathVariable long id, @AuthenticationPrincipal NextboxUser user,
			@ModelAttribute("quantityForm") QuantityForm form, BindingResult binding, HtmxRequest htmx, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		return perform(new Ask(id, user, htmx, model, flash, response), binding,
				() -> actions.changeQuantity(user.subscriberId(), id, form.getQuantity(), form.seen(), subscriber(user)));
	}

	/** The price difference, stated before the change is confirmed. */
	@GetMapping("/plan")
	String reviewPlan(@PathVariable long id, @AuthenticationPrincipal NextboxUser user,
			@ModelAttribute("planForm") PlanForm form, BindingResult binding, HtmxRequest htmx, Model model,
			HttpServletResponse response) {
		SubscriptionDetails details = subscriptions.details(user.subscriberId(), id);
		if (form.getPlanId() == null && !binding.hasErrors()) {
			return change("plan", details, htmx, model);
		}
		var option = details.planOptions()
			.stream()
			.filter(candidate -> !candidate.current() && form.getPlanId() != null
					&& candidate.planId() == form.getPlanId())
			.findFirst();
		if (binding.hasErrors() || option.isEmpty()) {
			binding.rejectValue("planId", "refused.choosePlan");
			return refused(new Ask(id, user, htmx, model, null, response, "plan"), details,
					message("refused.choosePlan"));
		}
		model.addAttribute("details", details);
		model.addAttribute("option", option.get());
		return htmx.isHtmxRequest() ? PLAN_VIEW + " :: review" : PLAN_VIEW;
	}

	@PostMapping("/plan")
	String changePlan(@PathVariable long id, @AuthenticationPrincipal NextboxUser user,
			@ModelAttribute("planForm") PlanForm form, BindingResult binding, HtmxRequest htmx, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		return perform(new Ask(id, user, htmx, model, flash, response, "plan"), binding,
				() -> actions.changePlan(user.subscriberId(), id, form.getPlanId(), form.seen(), subscriber(user)));
	}

	@GetMapping("/cancel")
	String cancelForm(@PathVariable long id, @RequestParam(required = false) CancelReason reason,
			@AuthenticationPrincipal NextboxUser user, Model model) {
		SubscriptionDetails details = subscriptions.details(user.subscriberId(), id);
		CancelForm form = new CancelForm();
		form.setReason(reason);
		model.addAttribute("details", details);
		model.addAttribute("cancelForm", form);
		model.addAttribute("saveOffers", shown(user, id, reason, details));
		return CANCEL_VIEW;
	}

	/** The alternatives to cancelling that fit a reason, swapped into the cancel page as the reason is chosen. */
	@GetMapping("/cancel/save")
	String saveOffers(@PathVariable long id, @RequestParam(required = false) CancelReason reason,
			@AuthenticationPrincipal NextboxUser user, Model model) {
		SubscriptionDetails details = subscriptions.details(user.subscriberId(), id);
		model.addAttribute("details", details);
		model.addAttribute("reason", reason);
		model.addAttribute("saveOffers", shown(user, id, reason, details));
		return CANCEL_VIEW + " :: save-offers";
	}

	/** The save offers for the reason chosen, recorded with it for the merchant's cancel flow figures. */
	private List<SaveOffer> shown(NextboxUser user, long id, CancelReason reason, SubscriptionDetails details) {
		List<SaveOffer> offers = SaveOffer.forReason(reason, details);
		if (reason != null) {
			cancelAttempts.reasonChosen(user.subscriberId(), id, reason, offers.stream().map(SaveOffer::action).toList());
		}
		return offers;
	}

	@PostMapping("/cancel")
	String cancel(@PathVariable long id, @AuthenticationPrincipal NextboxUser user,
			@ModelAttribute("cancelForm") CancelForm form, BindingResult binding, HtmxRequest htmx, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		try {
			if (binding.hasErrors()) {
				throw binding.hasFieldErrors("reason") ? new ActionRefusedException("reason", "refused.reasonRequired")
						: invalidInput(binding);
			}
			Outcome outcome = actions.cancel(user.subscriberId(), id, form.getReason(), form.getNote(), form.seen(),
					subscriber(user));
			flash.addFlashAttribute("message", message(outcome.code(), outcome.arguments()));
			return "redirect:/portal/subscriptions/" + id;
		}
		catch (SubscriptionChangedException | ConcurrencyFailureException changed) {
			return changed(new Ask(id, user, htmx, model, flash, response));
		}
		catch (ActionRefusedException refusal) {
			if (refusal.field() != null && !binding.hasFieldErrors(refusal.field())) {
				binding.rejectValue(refusal.field(), refusal.code(), refusal.arguments(), null);
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			SubscriptionDetails details = subscriptions.details(user.subscriberId(), id);
			model.addAttribute("details", details);
			model.addAttribute("saveOffers", SaveOffer.forReason(form.getReason(), details));
			model.addAttribute("error", message(refusal.code(), refusal.arguments()));
			return CANCEL_VIEW;
		}
	}

	@PostMapping("/reactivate")
	String reactivate(@PathVariable long id, @AuthenticationPrincipal NextboxUser user,
			@ModelAttribute("actionForm") ActionForm form, BindingResult binding, HtmxRequest htmx, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		return perform(new Ask(id, user, htmx, model, flash, response), binding,
				() -> actions.reactivate(user.subscriberId(), id, form.seen(), subscriber(user)));
	}

	private String perform(Ask ask, BindingResult binding, Supplier<Outcome> action) {
		try {
			if (binding != null && binding.hasErrors()) {
				throw invalidInput(binding);
			}
			Outcome outcome = action.get();
			String message = message(outcome.code(), outcome.arguments());
			if (ask.htmx().isHtmxRequest()) {
				ask.model().addAttribute("message", message);
				prepare(ask.model(), subscriptions.details(ask.user().subscriberId(), ask.id()));
				return PANEL;
			}
			ask.flash().addFlashAttribute("message", message);
			return "redirect:/portal/subscriptions/" + ask.id();
		}
		catch (SubscriptionChangedException | ConcurrencyFailureException changed) {
			return changed(ask);
		}
		catch (ActionRefusedException refusal) {
			if (binding != null && refusal.field() != null && !binding.hasFieldErrors(refusal.field())) {
				binding.rejectValue(refusal.field(), refusal.code(), refusal.arguments(), null);
			}
			return refused(ask, subscriptions.details(ask.user().subscriberId(), ask.id()),
					message(refusal.code(), refusal.arguments()));
		}
	}

	/** A form that did not bind: text where a number or a date belongs, or a value that is not on the list. */
	private static ActionRefusedException invalidInput(BindingResult binding) {
		FieldError error = binding.getFieldError();
		return new ActionRefusedException(error == null ? null : error.getField(), "refused.invalidInput");
	}

	/**
	 * The subscription changed between the page and the request (another tab, a concurrent click, the shipment
	 * run): nothing was done, and the page shows the subscription as it is now, every form fresh from it.
	 */
	private String changed(Ask ask) {
		ask.response().setStatus(HttpStatus.CONFLICT.value());
		for (String form : FORMS) {
			ask.model().asMap().remove(form);
			ask.model().asMap().remove(BindingResult.MODEL_KEY_PREFIX + form);
		}
		ask.model().addAttribute("error", message("conflict.subscriptionChanged"));
		prepare(ask.model(), subscriptions.details(ask.user().subscriberId(), ask.id()));
		return ask.htmx().isHtmxRequest() ? PANEL : VIEW;
	}

	private String refused(Ask ask, SubscriptionDetails details, String error) {
		ask.response().setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		ask.model().addAttribute("error", error);
		if (ask.change() != null) {
			if (ask.htmx().isHtmxRequest()) {
				// the form asked from its card on the subscription page: the card answers, not the whole panel
				ask.response().setHeader("HX-Retarget", "#action-" + ask.change());
				ask.response().setHeader("HX-Reswap", "outerHTML");
			}
			return change(ask.change(), details, ask.htmx(), ask.model());
		}
		prepare(ask.model(), details);
		return ask.htmx().isHtmxRequest() ? PANEL : VIEW;
	}

	/**
	 * A change made now and then: its own page (plain GET, works without JavaScript), or its card when htmx loads it
	 * into the subscription page. A change not offered now (switched off, or the subscription's state) sends the
	 * subscriber back to the subscription page, which shows what can be done.
	 */
	private static String change(String change, SubscriptionDetails details, HtmxRequest htmx, Model model) {
		if (!offered(change, details.actions())) {
			return "redirect:/portal/subscriptions/" + details.subscription().id();
		}
		prepare(model, details);
		addIfMissing(model, "rescheduleForm", () -> RescheduleForm.of(details));
		addIfMissing(model, "pauseForm", PauseForm::new);
		addIfMissing(model, "intervalForm", () -> IntervalForm.of(details));
		addIfMissing(model, "planForm", PlanForm::new);
		model.addAttribute("action", change);
		model.addAttribute("inline", htmx.isHtmxRequest());
		return htmx.isHtmxRequest() ? CHANGE_VIEW + " :: " + change : CHANGE_VIEW;
	}

	private static boolean offered(String change, SubscriptionDetails.AvailableActions can) {
		return switch (change) {
			case "reschedule" -> can.reschedule();
			case "interval" -> can.changeInterval();
			case "pause" -> can.pause();
			case "plan" -> can.changePlan();
			default -> throw new IllegalArgumentException(change);
		};
	}

	/** Puts the details and the page's form, unless already bound from this request, into the model. */
	private static void prepare(Model model, SubscriptionDetails details) {
		model.addAttribute("details", details);
		addIfMissing(model, "quantityForm", () -> QuantityForm.of(details));
	}

	private static void addIfMissing(Model model, String name, Supplier<Object> form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form.get());
		}
	}

	private static Actor subscriber(NextboxUser user) {
		return Actor.subscriber(user.email());
	}

	private String message(String code, Object... arguments) {
		return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

}
