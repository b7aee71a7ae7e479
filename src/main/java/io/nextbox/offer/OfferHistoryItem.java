package io.nextbox.offer;

import java.time.LocalDate;

/**
 * One offer's events for a subscriber on one day, counted by type; {@code holdout} when the subscriber was in the
 * holdout for them (they saw nothing; the impressions are what they would have seen).
 */
public record OfferHistoryItem(String offerName, LocalDate day, long impressions, long accepts, long undos,
		long dismissals, boolean holdout) {
}
