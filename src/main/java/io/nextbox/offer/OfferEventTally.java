package io.nextbox.offer;

import java.math.BigDecimal;

/**
 * Offer events of one type counted for one offer (and one placement, or {@code null} across placements): how many,
 * from how many distinct subscribers, and the sum of their unit prices.
 */
public record OfferEventTally(long offerId, Placement placement, OfferEventType type, long events, long subscribers,
		BigDecimal amount) {
}
