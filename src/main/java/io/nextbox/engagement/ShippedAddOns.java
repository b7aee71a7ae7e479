package io.nextbox.engagement;

import java.time.Clock;
import java.util.List;

import io.nextbox.offer.OfferEvent;
import io.nextbox.offer.OfferEventType;
import io.nextbox.offer.OfferEvents;
import io.nextbox.offer.Placement;
import io.nextbox.ordering.OrderPlaced;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records {@code SHIPPED} for every accepted add-on that leaves in an order, after the order's transaction, in one of
 * its own: an add-on counts as revenue only once it has shipped. The event comes through Spring Modulith's publication
 * registry, so one whose recording did not finish (the process died, the database failed) is resubmitted on the next
 * start; the order's row in {@code shipped_add_on_order}, written in the same transaction, makes a resubmitted or
 * repeated event record nothing twice.
 */
@Component
class ShippedAddOns {

	private final OfferEvents events;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ShippedAddOns(OfferEvents events, JdbcTemplate jdbc, Clock clock) {
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(OrderPlaced order) {
		List<OfferEvent> shipped = order.lines()
			.stream()
			.filter(line -> line.offerId() != null)
			.map(line -> new OfferEvent(line.offerId(), order.subscriberId(), order.subscriptionId(),
					order.shipmentId(), Placement.NEXT_SHIPMENT, OfferEventType.SHIPPED,
					line.amount(), false, order.orderedAt()))
			.toList();
		if (!shipped.isEmpty() && firstTimeFor(order.orderId())) {
			events.record(shipped);
		}
	}

	/** Claims the order for this transaction; a second claim, sequential or concurrent, is refused by the key. */
	private boolean firstTimeFor(long orderId) {
		return jdbc.update("""
				insert into shipped_add_on_order (order_id, recorded_at)
				select ?, ? from (values (0)) one where not exists
				  (select 1 from shipped_add_on_order where order_id = ?)""", orderId,
				java.sql.Timestamp.from(clock.instant()), orderId) == 1;
	}

}
