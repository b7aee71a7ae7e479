package io.nextbox.analytics;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

import io.nextbox.offer.OfferEventSummary;
import io.nextbox.offer.OfferEventTally;
import io.nextbox.offer.OfferEventType;
import io.nextbox.offer.OfferEvents;
import io.nextbox.offer.OfferKind;
import io.nextbox.offer.OfferLabel;
import io.nextbox.offer.OfferNotFoundException;
import io.nextbox.offer.OfferService;
import io.nextbox.offer.Placement;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;

/** What offers were shown, taken and earned over a range, read from the offer event log (holdout left out). */
@Service
public class OfferAnalytics {

	private final OfferEvents events;

	private final OfferService offers;

	private final Clock clock;

	OfferAnalytics(OfferEvents events, OfferService offers, Clock clock) {
		this.events = events;
		this.offers = offers;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** Every offer with events in the range, at one placement or all ({@code null}), sorted. */
	public AnalyticsReport report(DateRange range, Placement placement, AnalyticsSort sort) {
		ZoneId zone = clock.getZone();
		Instant from = range.start(zone);
		Instant to = range.end(zone);
		Map<Long, OfferLabel> labels = offers.labels();
		OfferEventSummary summary = events.summarize(from, to, placement);
		Map<Long, List<OfferEventTally>> perOffer = group(summary.perOffer());
		Map<Long, Map<Placement, List<OfferEventTally>>> perPlacement = new HashMap<>();
		if (placement == null) {
			for (OfferEventTally tally : summary.perPlacement()) {
				perPlacement.computeIfAbsent(tally.offerId(), id -> new EnumMap<>(Placement.class))
					.computeIfAbsent(tally.placement(), p -> new ArrayList<>())
					.add(tally);
			}
		}
		List<OfferFigures> rows = new ArrayList<>();
		Figures totals = Figures.NONE;
		for (Map.Entry<Long, List<OfferEventTally>> offer : perOffer.entrySet()) {
			OfferLabel label = labels.getOrDefault(offer.getKey(),
					new OfferLabel(offer.getKey(), "#" + offer.getKey(), OfferKind.ADD_ON));
			Figures figures = Figures.of(offer.getValue(), label.kind());
			Map<Placement, Figures> byPlacement = new EnumMap<>(Placement.class);
			perPlacement.getOrDefault(offer.getKey(), Map.of())
				.forEach((where, tallies) -> byPlacement.put(where, Figures.of(tallies, label.kind())));
			rows.add(new OfferFigures(label.id(), label.name(), label.kind(), figures, byPlacement));
			totals = totals.plus(figures, 0);
		}
		rows.sort(sort.comparator());
		totals = totals.plus(Figures.NONE, rows.isEmpty() ? 0 : summary.reached());
		return new AnalyticsReport(range, placement, sort, rows, totals);
	}

	private static Map<Long, List<OfferEventTally>> group(List<OfferEventTally> tallies) {
		Map<Long, List<OfferEventTally>> perOffer = new LinkedHashMap<>();
		for (OfferEventTally tally : tallies) {
			perOffer.computeIfAbsent(tally.offerId(), id -> new ArrayList<>()).add(tally);
		}
		return perOffer;
	}

	/** One offer's figures per day (per week over ranges longer than a month). */
	public OfferTimeline timeline(long offerId, DateRange range, Placement placement) {
		OfferLabel label = offers.labels().get(offerId);
		if (label == null) {
			throw new OfferNotFoundException(offerId);
		}
		int step = range.weekly() ? 7 : 1;
		List<LocalDate> starts = new ArrayList<>();
		for (LocalDate start = range.from(); !start.isAfter(range.to()); start = start.plusDays(step)) {
			starts.add(start);
		}
		SortedMap<LocalDate, List<OfferEventTally>> daily = events.dailyTallies(offerId, range.from(), range.to(),
				placement);
		long[] reached = events.subscribersReached(offerId, starts, range.to(), placement);
		List<OfferTimeline.Period> periods = new ArrayList<>();
		List<OfferEventTally> all = new ArrayList<>();
		for (int i = 0; i < starts.size(); i++) {
			LocalDate start = starts.get(i);
			LocalDate end = start.plusDays(step - 1L).isAfter(range.to()) ? range.to() : start.plusDays(step - 1L);
			List<OfferEventTally> period = new ArrayList<>();
			daily.subMap(start, end.plusDays(1)).values().forEach(period::addAll);
			all.addAll(period);
			periods.add(new OfferTimeline.Period(start, end, figuresOf(offerId, period, reached[i], label.kind())));
		}
		return new OfferTimeline(offerId, label.name(), label.kind(), range, placement, range.weekly(), periods,
				figuresOf(offerId, all, reached[starts.size()], label.kind()));
	}

	/** The figures of day tallies, with the subscribers reached counted apart (days cannot add them up). */
	private static Figures figuresOf(long offerId, List<OfferEventTally> tallies, long reached, OfferKind kind) {
		Map<OfferEventType, long[]> counts = new EnumMap<>(OfferEventType.class);
		Map<OfferEventType, BigDecimal> amounts = new EnumMap<>(OfferEventType.class);
		for (OfferEventTally tally : tallies) {
			counts.computeIfAbsent(tally.type(), type -> new long[1])[0] += tally.events();
			amounts.merge(tally.type(), tally.amount() == null ? BigDecimal.ZERO : tally.amount(), BigDecimal::add);
		}
		List<OfferEventTally> merged = new ArrayList<>();
		counts.forEach((type, count) -> merged.add(new OfferEventTally(offerId, null, type, count[0],
				type == OfferEventType.IMPRESSION ? reached : 0, amounts.get(type))));
		return Figures.of(merged, kind);
	}

	/** The table as CSV: one row per offer, then per placement when the report covers all. */
	public void writeTable(AnalyticsReport report, Writer out) throws IOException {
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
			.setHeader("offer_id", "offer", "kind", "placement", "impressions", "subscribers_reached", "accepts",
					"undone", "dismissed", "shipped", "take_rate", "net_take_rate", "add_on_revenue",
					"upgrades_accepted", "upgrade_revenue_per_delivery")
			.get())) {
			for (OfferFigures offer : report.offers()) {
				String where = report.placement() == null ? "ALL" : report.placement().name();
				csv.printRecord(row(offer, where, offer.figures()));
				for (Map.Entry<Placement, Figures> placement : offer.byPlacement().entrySet()) {
					csv.printRecord(row(offer, placement.getKey().name(), placement.getValue()));
				}
			}
		}
	}

	private static List<String> row(OfferFigures offer, String placement, Figures figures) {
		return List.of(Long.toString(offer.offerId()), CsvCells.neutralised(offer.name()), offer.kind().name(),
				placement, Long.toString(figures.impressions()), Long.toString(figures.reached()),
				Long.toString(figures.accepts()), Long.toString(figures.undone()),
				Long.toString(figures.dismissed()), Long.toString(figures.shipped()), rate(figures.takeRate()),
				rate(figures.netTakeRate()), figures.addOnRevenue().toPlainString(),
				Long.toString(figures.upgrades()), figures.upgradeRevenue().toPlainString());
	}

	private static String rate(double rate) {
		return String.format(Locale.ROOT, "%.4f", rate);
	}

	/** Every offer event of the range at the placement, holdout included and marked, as CSV. */
	public void writeEvents(DateRange range, Placement placement, Writer out) throws IOException {
		ZoneId zone = clock.getZone();
		Map<Long, OfferLabel> labels = offers.labels();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
			.setHeader("occurred_at", "offer_id", "offer", "type", "placement", "subscriber_id", "subscription_id",
					"shipment_id", "unit_price", "holdout")
			.get())) {
			events.forEachBetween(range.start(zone), range.end(zone), placement, null, event -> {
				OfferLabel label = labels.get(event.offerId());
				try {
					csv.printRecord(event.occurredAt().toString(), event.offerId(),
							CsvCells.neutralised(label == null ? "" : label.name()), event.type().name(),
							event.placement().name(), event.subscriberId(), text(event.subscriptionId()),
							text(event.shipmentId()),
							event.unitPrice() == null ? "" : event.unitPrice().toPlainString(), event.holdout());
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
		}
	}

	private static String text(Long value) {
		return value == null ? "" : value.toString();
	}

}
