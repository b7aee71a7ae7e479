package io.nextbox.analytics;

import java.time.LocalDate;
import java.util.List;

import io.nextbox.offer.OfferKind;
import io.nextbox.offer.Placement;

/** One offer's figures per day, or per week over long ranges, and over the whole range. */
public record OfferTimeline(long offerId, String name, OfferKind kind, DateRange range, Placement placement,
		boolean weekly, List<Period> periods, Figures totals) {

	/** The figures of the days from {@code start} to {@code end}, both included. */
	public record Period(LocalDate start, LocalDate end, Figures figures) {
	}

}
