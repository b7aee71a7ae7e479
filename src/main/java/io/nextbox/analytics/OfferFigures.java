package io.nextbox.analytics;

import java.util.Map;

import io.nextbox.offer.OfferKind;
import io.nextbox.offer.Placement;

/** One offer's figures over the range, and per placement when the report covers all placements. */
public record OfferFigures(long offerId, String name, OfferKind kind, Figures figures,
		Map<Placement, Figures> byPlacement) {
}
