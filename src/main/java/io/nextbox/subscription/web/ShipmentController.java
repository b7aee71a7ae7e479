package io.nextbox.subscription.web;

import io.nextbox.account.NextboxUser;
import io.nextbox.subscription.SubscriptionService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The next box of a subscription: what is in it, what it costs, when it ships and until when it can change. */
@Controller
class ShipmentController {

	static final String VIEW = "subscription/shipment";

	private final SubscriptionService subscriptions;

	ShipmentController(SubscriptionService subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping("/portal/subscriptions/{id}/shipment")
	String nextShipment(@PathVariable long id, @AuthenticationPrincipal NextboxUser user, Model model) {
		model.addAttribute("details", subscriptions.details(user.subscriberId(), id));
		return VIEW;
	}

}
