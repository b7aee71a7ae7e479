package io.nextbox.offer;

import java.math.BigDecimal;

/**
 * A subscriber who had at least one offer impression in a range: whether those impressions were the holdout's
 * (recorded, never shown), and the add-ons offers shipped to them in the same range. A subscriber whose
 * impressions were of both kinds (the holdout share changed within the range) is {@code mixed}.
 */
public record OfferExposure(long subscriberId, boolean holdout, boolean mixed, BigDecimal shippedAddOns) {
}
