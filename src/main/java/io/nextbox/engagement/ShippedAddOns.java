package io.nextbox.engagement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.nextbox.offer.OfferEvent;
import io.nextbox.offer.OfferEventType;
import io.nextbox.offer.OfferEvents;
import io.nextbox.offer.Placement;
import io.nextbox.ordering.NewOrder;
import io.nextbox.ordering.OrderPlaced;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records {@code SHIPPED} for every accepted add-on that leaves in an order, in the order's own transaction: an
 * add-on counts as revenue only once it has shipped, and at the placement whose card sold it (its claim's), so
 * per-placement revenue is right. A line with an offer but no claim (none is made today) counts under next box.
 */
@Component
class ShippedAddOns {

	private final OfferEvents events;

	private final ClaimRepository claims;

	ShippedAddOns(OfferEvents events, ClaimRepository claims) {
		this.events = events;
		this.claims = claims;
	}

	@EventListener
	void on(OrderPlaced order) {
		List<NewOrder.Line> sold = order.lines().stream().filter(line -> line.offerId() != null).toList();
		if (sold.isEmpty()) {
			return;
		}
		Map<String, Placement> soldAt = new HashMap<>();
		claims.findAllById(sold.stream().map(NewOrder.Line::claimKey).filter(Objects::nonNull).toList())
			.forEach(claim -> soldAt.put(claim.getKey(), claim.getPlacement()));
		events.record(sold.stream()
			.map(line -> new OfferEvent(line.offerId(), order.subscriberId(), order.subscriptionId(),
					order.shipmentId(), soldAt.getOrDefault(line.claimKey(), Placement.NEXT_SHIPMENT),
					OfferEventType.SHIPPED, line.amount(), false, order.orderedAt()))
			.toList());
	}

}
