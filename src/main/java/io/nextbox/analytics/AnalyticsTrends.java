package io.nextbox.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.nextbox.offer.OfferEventTally;
import io.nextbox.offer.OfferEvents;
import io.nextbox.offer.OfferKind;
import io.nextbox.offer.OfferLabel;
import io.nextbox.offer.OfferService;
import io.nextbox.offer.Placement;
import org.springframework.stereotype.Service;

/**
 * The store's offer figures over time, all offers together (holdout left out), per day or per week like an offer's
 * own page: one count per period over the events' time index, so a long range never loads its events.
 */
@Service
public class AnalyticsTrends {

	private final OfferEvents events;

	private final OfferService offers;

	private final Clock clock;

	AnalyticsTrends(OfferEvents events, OfferService offers, Clock clock) {
		this.events = events;
		this.offers = offers;
		this.clock = clock;
	}

	public StoreTimeline storeWide(DateRange range, Placement placement) {
		ZoneId zone = clock.getZone();
		Map<Long, OfferLabel> labels = offers.labels();
		int step = range.weekly() ? 7 : 1;
		List<OfferTimeline.Period> periods = new ArrayList<>();
		for (LocalDate start = range.from(); !start.isAfter(range.to()); start = start.plusDays(step)) {
			LocalDate end = start.plusDays(step - 1L).isAfter(range.to()) ? range.to() : start.plusDays(step - 1L);
			DateRange period = new DateRange(DateRange.CUSTOM, start, end);
			Figures figures = Figures.NONE;
			for (OfferEventTally tally : events.tally(period.start(zone), period.end(zone), placement, false)) {
				OfferLabel label = labels.get(tally.offerId());
				figures = figures.with(tally, label == null ? OfferKind.ADD_ON : label.kind());
			}
			periods.add(new OfferTimeline.Period(start, end, figures));
		}
		return new StoreTimeline(range, placement, range.weekly(), periods);
	}

}
