package io.nextbox.offer;

import java.util.List;

/**
 * The offer events outside the holdout over a range: counted per offer and type ({@code perOffer}, placement
 * {@code null}), per offer, placement and type ({@code perPlacement}), and the distinct subscribers shown any offer.
 */
public record OfferEventSummary(List<OfferEventTally> perOffer, List<OfferEventTally> perPlacement, long reached) {
}
