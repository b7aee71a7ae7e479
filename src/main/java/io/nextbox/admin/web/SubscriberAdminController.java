package io.nextbox.admin.web;

import io.nextbox.account.AccountService;
import io.nextbox.account.InvitationBatches;
import io.nextbox.account.Invitations;
import io.nextbox.offer.OfferEvents;
import io.nextbox.ordering.OrderHistory;
import io.nextbox.subscription.SubscriptionService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The merchant's read-only view of subscribers: search by email, then subscriptions, orders and offer history. */
@Controller
class SubscriberAdminController {

	static final String LIST = "admin/subscribers";

	static final String DETAIL = "admin/subscriber";

	private final AccountService accounts;

	private final SubscriptionService subscriptions;

	private final OrderHistory orders;

	private final OfferEvents offerEvents;

	private final Invitations invitations;

	private final InvitationBatches batches;

	SubscriberAdminController(AccountService accounts, SubscriptionService subscriptions, OrderHistory orders,
			OfferEvents offerEvents, Invitations invitations, InvitationBatches batches) {
		this.accounts = accounts;
		this.subscriptions = subscriptions;
		this.orders = orders;
		this.offerEvents = offerEvents;
		this.invitations = invitations;
		this.batches = batches;
	}

	@GetMapping("/admin/subscribers")
	String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("subscribers", accounts.searchSubscribers(q, page, 25));
		model.addAttribute("notYetInvited", batches.notYetInvited());
		model.addAttribute("latestBatch", batches.latestBatchId());
		model.addAttribute("runningBatch", batches.runningBatch().orElse(null));
		return LIST;
	}

	@GetMapping("/admin/subscribers/{id}")
	String subscriber(@PathVariable long id, Model model) {
		model.addAttribute("subscriber",
				accounts.subscriber(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("subscriptions", subscriptions.subscriptionsOf(id));
		model.addAttribute("orders", orders.ordersOf(id, 0, 10));
		model.addAttribute("offerHistory", offerEvents.historyOf(id, 50));
		model.addAttribute("invitation", invitations.stateOf(id));
		return DETAIL;
	}

}
