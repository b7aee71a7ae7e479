package io.nextbox.recommendation.web;

import java.util.List;

import io.nextbox.account.AccountService;
import io.nextbox.account.SubscriberSummary;
import io.nextbox.offer.Placement;
import io.nextbox.recommendation.RecommendationService;
import io.nextbox.recommendation.RecommendationService.Ranked;
import io.nextbox.store.Holdout;
import io.nextbox.store.StoreSettingsService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The merchant's window into the recommender: for one subscriber and placement, the cards they would get, in
 * order, with each score's parts and reason, and every offer that was left out with the rule that did it.
 */
@Controller
class PreviewController {

	static final String VIEW = "recommendation/preview";

	private final AccountService accounts;

	private final RecommendationService recommendations;

	private final StoreSettingsService settings;

	PreviewController(AccountService accounts, RecommendationService recommendations, StoreSettingsService settings) {
		this.accounts = accounts;
		this.recommendations = recommendations;
		this.settings = settings;
	}

	@GetMapping("/admin/preview")
	String preview(@RequestParam(required = false) String email,
			@RequestParam(defaultValue = "DASHBOARD") Placement placement, Model model) {
		model.addAttribute("email", email);
		model.addAttribute("placement", placement);
		model.addAttribute("placements", Placement.forOffers());
		model.addAttribute("ready", recommendations.isReady());
		if (email == null || email.isBlank()) {
			return VIEW;
		}
		SubscriberSummary subscriber = accounts.findSubscriber(email).orElse(null);
		model.addAttribute("subscriber", subscriber);
		if (subscriber == null) {
			model.addAttribute("notFound", true);
			return VIEW;
		}
		int holdoutPercent = settings.current().holdoutPercent();
		if (Holdout.isHeldOut(subscriber.id(), holdoutPercent)) {
			// the widget shows them nothing, whatever would rank: so does the preview
			model.addAttribute("holdoutPercent", holdoutPercent);
			return VIEW;
		}
		List<Ranked> ranked = recommendations.explain(subscriber.id(), placement);
		model.addAttribute("shown", ranked.stream().filter(Ranked::shown).toList());
		model.addAttribute("filtered", ranked.stream().filter(r -> !r.shown()).toList());
		model.addAttribute("cards", 4);
		model.addAttribute("explorationWeight", String.format(java.util.Locale.ENGLISH, "%.2f",
				recommendations.explorationWeight()));
		model.addAttribute("explorationMaxLift", String.format(java.util.Locale.ENGLISH, "%.2f",
				recommendations.explorationMaxLift()));
		return VIEW;
	}

}
