package io.nextbox.engagement;

import java.sql.Timestamp;
import java.time.Clock;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records {@code SHIPPED} for every accepted add-on that leaves in an order: an add-on counts as revenue only once it
 * has shipped, and at the placement whose card sold it (its claim's), so per-placement revenue is right. A line with
 * an offer but no claim (none is made today) counts under next box.
 * <p>
 * It runs after the order's transaction, in one of its own, and the event comes through Spring Modulith's publication
 * registry: one whose recording did not finish (the process died, the database failed) is resubmitted on the next
 * start. The order's row in {@code shipped_add_on_order}, written in the same transaction, makes a resubmitted or
 * repeated event record nothing twice.
 */
@Component
class ShippedAddOns {

	private final OfferEvents events;

	private final ClaimRepository claims;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ShippedAddOns(OfferEvents events, ClaimRepository claims, JdbcTemplate jdbc, Clock clock) {
		this.events = events;
		this.claims = claims;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(OrderPlaced order) {
		List<NewOrder.Line> sold = order.lines().stream().filter(line -> line.offerId() != null).toList();
		if (sold.isEmpty() || !firstTimeFor(order.orderId())) {
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

	/** Claims the order for this transaction; a second claim, sequential or concurrent, is refused by the key. */
	private boolean firstTimeFor(long orderId) {
		return jdbc.update("""
				insert into shipped_add_on_order (order_id, recorded_at)
				select ?, ? from (values (0)) one where not exists
				  (select 1 from shipped_add_on_order where order_id = ?)""", orderId, Timestamp.from(clock.instant()),
				orderId) == 1;
	}

}
