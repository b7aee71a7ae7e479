package io.nextbox.ordering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A past order to record; the total is the sum of its lines. */
public record NewOrder(String orderNumber, long subscriberId, Long subscriptionId, Long shipmentId, Instant orderedAt,
		OrderSource source, List<Line> lines) {

	public NewOrder {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("Order " + orderNumber + " has no lines");
		}
		lines = List.copyOf(lines);
	}

	public BigDecimal total() {
		return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** A plan line names the plan, an add-on line the product. */
	public record Line(OrderLineKind kind, Long planId, Long productId, Long offerId, int quantity,
			BigDecimal unitPrice) {

		public static Line plan(long planId, int quantity, BigDecimal unitPrice) {
			return new Line(OrderLineKind.PLAN, planId, null, null, quantity, unitPrice);
		}

		public static Line addOn(long productId, Long offerId, int quantity, BigDecimal unitPrice) {
			return new Line(OrderLineKind.ADD_ON, null, productId, offerId, quantity, unitPrice);
		}

		public BigDecimal amount() {
			return unitPrice.multiply(BigDecimal.valueOf(quantity));
		}

	}

}
