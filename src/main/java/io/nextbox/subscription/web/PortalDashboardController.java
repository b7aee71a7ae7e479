package io.nextbox.subscription.web;

import io.nextbox.account.NextboxUser;
import io.nextbox.subscription.SubscriptionService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The subscriber's home: their subscriptions and what ships next. */
@Controller
class PortalDashboardController {

	static final String VIEW = "subscription/dashboard";

	private final SubscriptionService subscriptions;

	PortalDashboardController(SubscriptionService subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping("/portal")
	String dashboard(@AuthenticationPrincipal NextboxUser user, Model model) {
		model.addAttribute("subscriptions", subscriptions.subscriptionsOf(user.subscriberId()));
		return VIEW;
	}

}
