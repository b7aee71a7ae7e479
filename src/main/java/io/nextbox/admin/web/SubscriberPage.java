package io.nextbox.admin.web;

import java.util.Comparator;
import java.util.List;

import io.nextbox.account.AccountService;
import io.nextbox.account.Invitations;
import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.ProductSummary;
import io.nextbox.offer.OfferEvents;
import io.nextbox.ordering.OrderHistory;
import io.nextbox.subscription.SubscriptionDetails;
import io.nextbox.subscription.SubscriptionService;
import io.nextbox.subscription.SubscriptionSummary;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a subscriber's admin page shows: the subscriber, each subscription with what staff can do to it now, the
 * orders, the offer history per offer and day, the invitation. Shared by the page and the staff actions, which show
 * it again with a refusal.
 */
@Component
class SubscriberPage {

	static final String VIEW = "admin/subscriber";

	static final String SUBSCRIPTIONS = VIEW + " :: subscriptions";

	private final AccountService accounts;

	private final SubscriptionService subscriptions;

	private final OrderHistory orders;

	private final OfferEvents offerEvents;

	private final Invitations invitations;

	private final CatalogService catalog;

	SubscriberPage(AccountService accounts, SubscriptionService subscriptions, OrderHistory orders,
			OfferEvents offerEvents, Invitations invitations, CatalogService catalog) {
		this.accounts = accounts;
		this.subscriptions = subscriptions;
		this.orders = orders;
		this.offerEvents = offerEvents;
		this.invitations = invitations;
		this.catalog = catalog;
	}

	/** The whole page. */
	void prepare(Model model, long subscriberId) {
		model.addAttribute("subscriber", accounts.subscriber(subscriberId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		prepareSubscriptions(model, subscriberId);
		model.addAttribute("orders", orders.ordersOf(subscriberId, 0, 10));
		model.addAttribute("offerHistory", offerEvents.historyOf(subscriberId, 50));
		model.addAttribute("invitation", invitations.stateOf(subscriberId));
	}

	/** The subscriptions section only: what an htmx action swaps. */
	void prepareSubscriptions(Model model, long subscriberId) {
		if (!model.containsAttribute("subscriber")) {
			model.addAttribute("subscriber", accounts.subscriber(subscriberId)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		}
		List<SubscriptionDetails> details = subscriptions.subscriptionsOf(subscriberId)
			.stream()
			.map(SubscriptionSummary::id)
			.map(id -> subscriptions.detailsForStore(subscriberId, id))
			.toList();
		model.addAttribute("subscriptions", details);
		model.addAttribute("swapChoices", details.stream()
			.collect(java.util.stream.Collectors.toMap(detail -> detail.subscription().id(),
					detail -> detail.box()
						.stream()
						.filter(io.nextbox.subscription.BoxItem::swappable)
						.map(item -> subscriptions.swapChoiceForStore(subscriberId, detail.subscription().id(),
								item.planProductId()))
						.flatMap(java.util.Optional::stream)
						.toList())));
		model.addAttribute("addOnProducts", catalog.allProducts()
			.values()
			.stream()
			.filter(product -> product.addOnEligible() && product.inStock() && !product.retired())
			.sorted(Comparator.comparing(ProductSummary::name))
			.toList());
	}

}
