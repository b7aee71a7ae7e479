package io.nextbox.offer;

/** How many events of one type one subscriber, outside the holdout, had with one offer. */
public record OfferOutcomeCount(long offerId, long subscriberId, OfferEventType type, long events) {
}
