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

	/**
	 * A plan line names the plan, an add-on line the product, a swap line the product shipped in place of one of the
	 * plan's ({@code replacesProductId}), priced at the difference between the two (negative when it costs less).
	 * {@code claimKey} is the offer card's claim that put an
	 * add-on into the box, told to listeners of {@link OrderPlaced} (so a shipped add-on is credited to the placement
	 * that sold it) and not stored with the order.
	 */
	public record Line(OrderLineKind kind, Long planId, Long productId, Long offerId, int quantity,
			BigDecimal unitPrice, String claimKey, Long replacesProductId) {

		public Line(OrderLineKind kind, Long planId, Long productId, Long offerId, int quantity, BigDecimal unitPrice,
				String claimKey) {
			this(kind, planId, productId, offerId, quantity, unitPrice, claimKey, null);
		}

		public static Line plan(long planId, int quantity, BigDecimal unitPrice) {
			return new Line(OrderLineKind.PLAN, planId, null, null, quantity, unitPrice, null);
		}

		public static Line addOn(long productId, Long offerId, int quantity, BigDecimal unitPrice) {
			return addOn(productId, offerId, quantity, unitPrice, null);
		}

		public static Line addOn(long productId, Long offerId, int quantity, BigDecimal unitPrice, String claimKey) {
			return new Line(OrderLineKind.ADD_ON, null, productId, offerId, quantity, unitPrice, claimKey);
		}

		public static Line swap(long productId, long replacesProductId, int quantity, BigDecimal difference) {
			return new Line(OrderLineKind.SWAP, null, productId, null, quantity, difference, null, replacesProductId);
		}

		public BigDecimal amount() {
			return unitPrice.multiply(BigDecimal.valueOf(quantity));
		}

	}

}
