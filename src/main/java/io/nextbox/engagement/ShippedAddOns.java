package io.nextbox.engagement;

import java.util.List;

import io.nextbox.offer.OfferEvent;
import io.nextbox.offer.OfferEventType;
import io.nextbox.offer.OfferEvents;
import io.nextbox.offer.Placement;
import io.nextbox.ordering.OrderPlaced;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records {@code SHIPPED} for every accepted add-on that leaves in an order, in the order's own transaction: an
 * add-on counts as revenue only once it has shipped.
 */
@Component
class ShippedAddOns {

	private final OfferEvents events;

	ShippedAddOns(OfferEvents events) {
		this.events = events;
	}

	@EventListener
	void on(OrderPlaced order) {
		List<OfferEvent> shipped = order.lines()
			.stream()
			.filter(line -> line.offerId() != null)
			.map(line -> new OfferEvent(line.offerId(), order.subscriberId(), order.subscriptionId(),
					order.shipmentId(), Placement.NEXT_SHIPMENT, OfferEventType.SHIPPED,
					line.amount(), false, order.orderedAt()))
			.toList();
		if (!shipped.isEmpty()) {
			events.record(shipped);
		}
	}

}
