package io.nextbox.subscription;

import java.math.BigDecimal;
import java.util.Optional;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.PlanSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding an add-on to a subscription's next box and taking it out again, until the box's cutoff. The caller's
 * transaction decides: the widget claims its key and adds the line in one. Like every action on a subscription,
 * each locks the subscription's row first, so a line never lands in a box that a skip is moving on.
 */
@Service
public class NextBoxAddOns {

	/** A box holds at most this many add-on lines. */
	public static final int MAX_ADD_ON_LINES = 10;

	private final SubscriptionRepository subscriptions;

	private final ShipmentRepository shipments;

	private final ShipmentBook book;

	private final ShipmentRules rules;

	private final CatalogService catalog;

	NextBoxAddOns(SubscriptionRepository subscriptions, ShipmentRepository shipments, ShipmentBook book,
			ShipmentRules rules, CatalogService catalog) {
		this.subscriptions = subscriptions;
		this.shipments = shipments;
		this.book = book;
		this.rules = rules;
		this.catalog = catalog;
	}

	/** What the box looks like after a change: for the total shown elsewhere on the page. */
	public record BoxChange(long subscriptionId, long shipmentId, Long lineId, BigDecimal total) {
	}

	/**
	 * Puts one of {@code productId} into the next box at {@code unitPrice}, the price the subscriber saw. Refused
	 * ({@link ActionRefusedException}) past the cutoff, when the box already holds the product, or when it is full.
	 */
	@Transactional
	public BoxChange add(long subscriberId, long subscriptionId, long productId, Long offerId, BigDecimal unitPrice,
			String claimKey) {
		Subscription subscription = subscriptions.lockOwned(subscriberId, subscriptionId);
		if (!subscription.is(SubscriptionStatus.ACTIVE)) {
			throw new ActionRefusedException(null, "refused.notActive");
		}
		Shipment box = book.open(subscription)
			.orElseThrow(() -> new ActionRefusedException(null, "refused.noNextShipment"));
		if (rules.isLocked(box)) {
			throw new ActionRefusedException(null, "refused.locked", SubscriptionActions.day(box.getShipDate()));
		}
		if (box.holds(productId)) {
			throw new ActionRefusedException(null, "refused.alreadyInBox");
		}
		if (box.getLines().size() >= MAX_ADD_ON_LINES) {
			throw new ActionRefusedException(null, "refused.boxFull", MAX_ADD_ON_LINES);
		}
		ShipmentLine line = box.addLine(new ShipmentLine(productId, offerId, 1, unitPrice, rules.now(), claimKey));
		shipments.flush();
		return new BoxChange(subscriptionId, box.getId(), line.getId(), total(subscription, box));
	}

	/** Takes an add-on line out of its box again, until the cutoff. */
	@Transactional
	public BoxChange remove(long subscriberId, long subscriptionId, long lineId) {
		Subscription subscription = subscriptions.lockOwned(subscriberId, subscriptionId);
		Shipment box = book.open(subscription)
			.filter(open -> open.getLines().stream().anyMatch(line -> line.getId() == lineId))
			.orElseThrow(() -> new ActionRefusedException(null, "refused.notInBox"));
		if (rules.isLocked(box)) {
			throw new ActionRefusedException(null, "refused.locked", SubscriptionActions.day(box.getShipDate()));
		}
		box.removeLine(lineId);
		shipments.flush();
		return new BoxChange(subscriptionId, box.getId(), null, total(subscription, box));
	}

	/** The next box's total (plan and add-ons), when the subscription has one. */
	@Transactional(readOnly = true)
	public Optional<BigDecimal> nextBoxTotal(long subscriberId, long subscriptionId) {
		Subscription subscription = subscriptions.owned(subscriberId, subscriptionId);
		return book.open(subscription).map(box -> total(subscription, box));
	}

	private BigDecimal total(Subscription subscription, Shipment box) {
		PlanSummary plan = catalog.plan(subscription.getPlanId()).orElseThrow();
		return plan.price().multiply(BigDecimal.valueOf(subscription.getQuantity())).add(box.addOnTotal());
	}


}
