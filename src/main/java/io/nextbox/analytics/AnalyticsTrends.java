package io.nextbox.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import io.nextbox.offer.OfferEventTally;
import io.nextbox.offer.OfferEvents;
import io.nextbox.offer.OfferKind;
import io.nextbox.offer.OfferLabel;
import io.nextbox.offer.OfferService;
import io.nextbox.offer.Placement;
import org.springframework.stereotype.Service;

/**
 * The store's offer figures over time, all offers together (holdout left out), per day or per week like an offer's
 * own page: summed per period from one read of the events counted per day, so a long range never loads its events.
 */
@Service
public class AnalyticsTrends {

	private final OfferEvents events;

	private final OfferService offers;

	AnalyticsTrends(OfferEvents events, OfferService offers) {
		this.events = events;
		this.offers = offers;
	}

	public StoreTimeline storeWide(DateRange range, Placement placement) {
		Map<Long, OfferLabel> labels = offers.labels();
		int step = range.weekly() ? 7 : 1;
		SortedMap<LocalDate, List<OfferEventTally>> daily = events.dailyTallies(range.from(), range.to(), placement);
		List<OfferTimeline.Period> periods = new ArrayList<>();
		for (LocalDate start = range.from(); !start.isAfter(range.to()); start = start.plusDays(step)) {
			LocalDate end = start.plusDays(step - 1L).isAfter(range.to()) ? range.to() : start.plusDays(step - 1L);
			Figures figures = Figures.NONE;
			for (List<OfferEventTally> day : daily.subMap(start, end.plusDays(1)).values()) {
				for (OfferEventTally tally : day) {
					OfferLabel label = labels.get(tally.offerId());
					figures = figures.with(tally, label == null ? OfferKind.ADD_ON : label.kind());
				}
			}
			periods.add(new OfferTimeline.Period(start, end, figures));
		}
		return new StoreTimeline(range, placement, range.weekly(), periods);
	}

}
