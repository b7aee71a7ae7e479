package io.nextbox.engagement.web;

import java.util.List;
import java.util.regex.Pattern;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.nextbox.account.NextboxUser;
import io.nextbox.engagement.BoxUpdate;
import io.nextbox.engagement.Card;
import io.nextbox.engagement.WidgetService;
import io.nextbox.offer.Placement;
import io.nextbox.subscription.ActionRefusedException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The offer widgets. {@code GET /portal/widgets/{placement}} answers htmx with the widget fragment its page
 * loads by itself, and a browser without JavaScript with a page of its own listing the same cards. The buttons
 * are plain forms: with htmx they swap the card in place and update the next box's total elsewhere on the page
 * (an out-of-band swap); without, they redirect back with a message.
 */
@Controller
class WidgetController {

	static final String PAGE = "engagement/offers";

	static final String WIDGET = "engagement/widget :: widget";

	static final String CARD = "engagement/widget :: card-update";

	static final String UPGRADE = "engagement/upgrade";

	/** The htmx event a page hears when an add-on went into the next box or out of it. */
	static final String BOX_CHANGED = "boxChanged";

	/** The pages that show a widget, and the widgets' own page: where a card's buttons may send the visitor back. */
	private static final Pattern BACK = Pattern.compile("/portal(/subscriptions/[0-9]{1,18}(/shipment|/cancel)?"
			+ "|/orders/[A-Za-z0-9._~-]{1,64}|/orders|/widgets/(DASHBOARD|NEXT_SHIPMENT|POST_PURCHASE|CANCEL_FLOW))?");

	private final WidgetService widgets;

	private final MessageSource messages;

	WidgetController(WidgetService widgets, MessageSource messages) {
		this.widgets = widgets;
		this.messages = messages;
	}

	@GetMapping("/portal/widgets/{placement}")
	String widget(@PathVariable Placement placement, @RequestParam(defaultValue = "/portal") String back,
			@AuthenticationPrincipal NextboxUser user, HtmxRequest htmx, Model model) {
		List<Card> cards = widgets.cards(user.subscriberId(), placement);
		model.addAttribute("cards", cards);
		model.addAttribute("placement", placement);
		model.addAttribute("back", htmx.isHtmxRequest() ? safe(back) : "/portal/widgets/" + placement);
		return htmx.isHtmxRequest() ? WIDGET : PAGE;
	}

	@PostMapping("/portal/widgets/add")
	String add(@RequestParam String key, @RequestParam(defaultValue = "/portal") String back,
			@AuthenticationPrincipal NextboxUser user, HtmxRequest htmx, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		back = safe(back);
		try {
			BoxUpdate update = widgets.accept(user.subscriberId(), key);
			boxChanged(htmx, response);
			return answer(update, message("widget.added", update.card().title()), back, htmx, model, flash);
		}
		catch (ActionRefusedException refusal) {
			return refused(refusal, key, back, htmx, model, flash, response);
		}
	}

	@PostMapping("/portal/widgets/undo")
	String undo(@RequestParam String key, @RequestParam(defaultValue = "/portal") String back,
			@AuthenticationPrincipal NextboxUser user, HtmxRequest htmx, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		back = safe(back);
		try {
			BoxUpdate update = widgets.undo(user.subscriberId(), key);
			boxChanged(htmx, response);
			return answer(update, message("widget.undone", update.card().title()), back, htmx, model, flash);
		}
		catch (ActionRefusedException refusal) {
			return refused(refusal, key, back, htmx, model, flash, response);
		}
	}

	@PostMapping("/portal/widgets/dismiss")
	String dismiss(@RequestParam String key, @RequestParam(defaultValue = "/portal") String back,
			@AuthenticationPrincipal NextboxUser user, HtmxRequest htmx, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		back = safe(back);
		try {
			widgets.dismiss(user.subscriberId(), key);
		}
		catch (ActionRefusedException refusal) {
			return refused(refusal, key, back, htmx, model, flash, response);
		}
		if (htmx.isHtmxRequest()) {
			response.setStatus(HttpStatus.OK.value());
			return "engagement/widget :: dismissed";
		}
		return "redirect:" + safe(back);
	}

	@GetMapping("/portal/widgets/upgrade")
	String reviewUpgrade(@RequestParam String key, @RequestParam(defaultValue = "/portal") String back,
			@AuthenticationPrincipal NextboxUser user, HtmxRequest htmx, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		back = safe(back);
		try {
			model.addAttribute("card", widgets.upgradeCard(user.subscriberId(), key));
			model.addAttribute("back", safe(back));
			return htmx.isHtmxRequest() ? UPGRADE + " :: review" : UPGRADE;
		}
		catch (ActionRefusedException refusal) {
			return refused(refusal, key, back, htmx, model, flash, response);
		}
	}

	@PostMapping("/portal/widgets/upgrade")
	String upgrade(@RequestParam String key, @RequestParam(defaultValue = "/portal") String back,
			@AuthenticationPrincipal NextboxUser user, HtmxRequest htmx, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		back = safe(back);
		try {
			String plan = widgets.upgrade(user.subscriberId(), key, user.email());
			flash.addFlashAttribute("message", message("widget.upgraded", plan));
			if (htmx.isHtmxRequest()) {
				response.setHeader("HX-Redirect", safe(back));
				return "engagement/widget :: dismissed";
			}
			return "redirect:" + safe(back);
		}
		catch (ActionRefusedException refusal) {
			return refused(refusal, key, back, htmx, model, flash, response);
		}
	}

	private String answer(BoxUpdate update, String message, String back, HtmxRequest htmx, Model model,
			RedirectAttributes flash) {
		if (htmx.isHtmxRequest()) {
			model.addAttribute("card", update.card());
			model.addAttribute("total", update.total());
			model.addAttribute("subscriptionId", update.subscriptionId());
			model.addAttribute("back", safe(back));
			return CARD;
		}
		flash.addFlashAttribute("message", message);
		return "redirect:" + safe(back);
	}

	private String refused(ActionRefusedException refusal, String key, String back, HtmxRequest htmx, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		String error = message(refusal.code(), refusal.arguments());
		if (htmx.isHtmxRequest()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("key", key);
			model.addAttribute("error", error);
			return "engagement/widget :: refused";
		}
		flash.addFlashAttribute("error", error);
		return "redirect:" + safe(back);
	}

	/** Tells the page that the next box changed: the next-box page shows its lines again, with the new one. */
	private static void boxChanged(HtmxRequest htmx, HttpServletResponse response) {
		if (htmx.isHtmxRequest()) {
			response.setHeader("HX-Trigger", BOX_CHANGED);
		}
	}

	/**
	 * Only the portal pages a widget sits on: a crafted {@code back} (another site, a template, a line break)
	 * never sends anyone elsewhere and never breaks the redirect; anything else goes back to the dashboard.
	 */
	static String safe(String back) {
		return back != null && BACK.matcher(back).matches() ? back : "/portal";
	}

	private String message(String code, Object... arguments) {
		return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

}
