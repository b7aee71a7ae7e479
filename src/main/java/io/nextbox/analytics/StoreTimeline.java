package io.nextbox.analytics;

import java.util.List;

import io.nextbox.offer.Placement;

/** Every offer's figures together per day, or per week over long ranges: the store-wide chart and its table. */
public record StoreTimeline(DateRange range, Placement placement, boolean weekly, List<OfferTimeline.Period> periods) {
}
