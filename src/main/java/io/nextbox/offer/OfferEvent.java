package io.nextbox.offer;

import java.math.BigDecimal;
import java.time.Instant;

/** Something a subscriber did with an offer, or that happened to it: the ground truth of analytics. */
public record OfferEvent(long offerId, long subscriberId, Long subscriptionId, Long shipmentId, Placement placement,
		OfferEventType type, BigDecimal unitPrice, boolean holdout, Instant occurredAt) {
}
