package io.nextbox.analytics;

import java.util.List;

import io.nextbox.offer.Placement;

/** The analytics table: every offer with events in the range (at the placement, or all when {@code null}). */
public record AnalyticsReport(DateRange range, Placement placement, AnalyticsSort sort, List<OfferFigures> offers,
		Figures totals) {
}
