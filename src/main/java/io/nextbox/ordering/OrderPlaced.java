package io.nextbox.ordering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order was placed: a shipment left, with these lines. Published inside the placing transaction. */
public record OrderPlaced(long orderId, String orderNumber, long subscriberId, Long subscriptionId, Long shipmentId,
		Instant orderedAt, BigDecimal total, List<NewOrder.Line> lines) {
}
