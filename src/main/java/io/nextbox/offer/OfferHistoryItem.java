package io.nextbox.offer;

import java.math.BigDecimal;
import java.time.Instant;

/** One event of a subscriber's offer history, with the offer's name. */
public record OfferHistoryItem(String offerName, OfferEventType type, Placement placement, Instant occurredAt,
		BigDecimal unitPrice, boolean holdout) {
}
