package io.nextbox.recommendation;

import java.math.BigDecimal;

import io.nextbox.offer.OfferKind;

/**
 * One offer picked for a subscriber, with its price (after the offer's discount), its score, the parts of the
 * score and a sentence a person can read saying why.
 */
public record Recommendation(long offerId, OfferKind kind, Long productId, Long planId, String title,
		String imageUrl, BigDecimal listPrice, BigDecimal price, double score, ScoreParts parts, String reason) {
}
