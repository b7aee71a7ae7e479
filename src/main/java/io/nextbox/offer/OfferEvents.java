package io.nextbox.offer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.nextbox.shared.BatchInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The log of offer events: impressions, accepts, undos, dismissals and shipped add-ons. */
@Service
public class OfferEvents {

	private final JdbcTemplate jdbc;

	private final OfferMetrics metrics;

	private final OfferEventDays days;

	OfferEvents(JdbcTemplate jdbc, OfferMetrics metrics, OfferEventDays days) {
		this.jdbc = jdbc;
		this.metrics = metrics;
		this.days = days;
	}

	@Transactional
	public void record(List<OfferEvent> events) {
		insert(events);
		metrics.countOnceCommitted(events);
	}

	/** Past events brought in at once (the demo store's history): logged, but not counted as happening now. */
	@Transactional
	public void importHistory(List<OfferEvent> events) {
		insert(events);
	}

	private void insert(List<OfferEvent> events) {
		days.recorded(events);
		BatchInsert.insert(jdbc, "insert into offer_event (offer_id, subscriber_id, subscription_id, shipment_id, "
				+ "placement, type, unit_price, holdout, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", events,
				(statement, event) -> {
					statement.setLong(1, event.offerId());
					statement.setLong(2, event.subscriberId());
					BatchInsert.setLong(statement, 3, event.subscriptionId());
					BatchInsert.setLong(statement, 4, event.shipmentId());
					statement.setString(5, event.placement().name());
					statement.setString(6, event.type().name());
					statement.setBigDecimal(7, event.unitPrice());
					statement.setBoolean(8, event.holdout());
					statement.setTimestamp(9, Timestamp.from(event.occurredAt()));
				});
	}

	/**
	 * A subscriber's offer history, one row per offer and day with its events counted by type, newest day first, at
	 * most {@code limit} rows. The day is the event's date in the database's time zone.
	 */
	@Transactional(readOnly = true)
	public List<OfferHistoryItem> historyOf(long subscriberId, int limit) {
		return jdbc.query("""
				select o.name, e.event_day,
				       sum(case when e.type = 'IMPRESSION' then 1 else 0 end),
				       sum(case when e.type = 'ACCEPT' then 1 else 0 end),
				       sum(case when e.type = 'UNDO' then 1 else 0 end),
				       sum(case when e.type = 'DISMISS' then 1 else 0 end),
				       max(case when e.holdout then 1 else 0 end)
				from (select offer_id, type, holdout, cast(occurred_at as date) as event_day
				      from offer_event where subscriber_id = ?) e
				join offer o on o.id = e.offer_id
				group by o.id, o.name, e.event_day
				order by e.event_day desc, o.name, o.id
				limit ?""", (row, n) -> new OfferHistoryItem(row.getString(1), row.getObject(2, LocalDate.class),
				row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6), row.getInt(7) == 1), subscriberId,
				limit);
	}

	/**
	 * The events outside the holdout between {@code from} (inclusive) and {@code to} (exclusive), at one placement
	 * or all ({@code null}), counted per offer and type, and per placement too when {@code byPlacement}.
	 */
	@Transactional(readOnly = true)
	public List<OfferEventTally> tally(Instant from, Instant to, Placement placement, boolean byPlacement) {
		Tallies tallies = tallies(from, to, placement);
		return byPlacement ? tallies.perPlacement() : tallies.perOffer();
	}

	/**
	 * What {@link #tally} answers per offer and per offer and placement, and {@link #subscribersReached}, at once:
	 * counts from the events counted per day, distinct subscribers in one pass over the range's index.
	 */
	@Transactional(readOnly = true)
	public OfferEventSummary summarize(Instant from, Instant to, Placement placement) {
		Tallies tallies = tallies(from, to, placement);
		long reached = tallies.perOffer().isEmpty() ? 0 : subscribersReached(from, to, placement);
		return new OfferEventSummary(tallies.perOffer(), tallies.perPlacement(), reached);
	}

	private record Tallies(List<OfferEventTally> perOffer, List<OfferEventTally> perPlacement) {
	}

	private record Key(long offerId, Placement placement, OfferEventType type) {
	}

	private Tallies tallies(Instant from, Instant to, Placement placement) {
		Map<Key, long[]> events = new LinkedHashMap<>();
		Map<Key, BigDecimal> amounts = new HashMap<>();
		for (OfferEventDays.Count count : days.counts(from, to, placement, false)) {
			for (Key key : List.of(new Key(count.offerId(), null, count.type()),
					new Key(count.offerId(), count.placement(), count.type()))) {
				events.computeIfAbsent(key, k -> new long[1])[0] += count.events();
				amounts.merge(key, count.amount(), BigDecimal::add);
			}
		}
		Map<Key, Long> subscribers = distinctSubscribers(from, to, placement);
		List<OfferEventTally> perOffer = new ArrayList<>();
		List<OfferEventTally> perPlacement = new ArrayList<>();
		events.forEach((key, count) -> {
			OfferEventTally tally = new OfferEventTally(key.offerId(), key.placement(), key.type(), count[0],
					subscribers.getOrDefault(key, 0L), amounts.get(key));
			(key.placement() == null ? perOffer : perPlacement).add(tally);
		});
		return new Tallies(perOffer, perPlacement);
	}

	/**
	 * Distinct subscribers per offer and type, across placements and at each, in one pass: a subscriber counts once
	 * per offer and type, with a mark for every placement they had it at.
	 */
	private Map<Key, Long> distinctSubscribers(Instant from, Instant to, Placement placement) {
		Placement[] placements = Placement.values();
		StringBuilder marks = new StringBuilder();
		StringBuilder sums = new StringBuilder();
		for (int i = 0; i < placements.length; i++) {
			marks.append(", max(case when placement = '").append(placements[i].name()).append("' then 1 else 0 end) as p")
				.append(i);
			sums.append(", sum(p").append(i).append(')');
		}
		List<Object> arguments = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
		if (placement != null) {
			arguments.add(placement.name());
		}
		Map<Key, Long> subscribers = new HashMap<>();
		jdbc.query("select offer_id, type, count(*)" + sums + " from (select offer_id, type, subscriber_id" + marks
				+ " from offer_event where occurred_at >= ? and occurred_at < ? and holdout = false"
				+ (placement == null ? "" : " and placement = ?")
				+ " group by offer_id, type, subscriber_id) seen group by offer_id, type", (ResultSet row) -> {
					long offerId = row.getLong(1);
					OfferEventType type = OfferEventType.valueOf(row.getString(2));
					subscribers.put(new Key(offerId, null, type), row.getLong(3));
					for (int i = 0; i < placements.length; i++) {
						subscribers.put(new Key(offerId, placements[i], type), row.getLong(4 + i));
					}
				}, arguments.toArray());
		return subscribers;
	}

	/**
	 * Impressions, accepts and undos outside the holdout between {@code from} (inclusive) and {@code to} (exclusive),
	 * counted per offer and subscriber, every placement together: what the recommender learns each offer's take rate
	 * from, read in one query for all offers.
	 */
	@Transactional(readOnly = true)
	public List<OfferOutcomeCount> outcomesBySubscriber(Instant from, Instant to) {
		return jdbc.query("select offer_id, subscriber_id, type, count(*) from offer_event where occurred_at >= ? "
				+ "and occurred_at < ? and holdout = false and type in ('IMPRESSION', 'ACCEPT', 'UNDO') "
				+ "group by offer_id, subscriber_id, type",
				(row, n) -> new OfferOutcomeCount(row.getLong(1), row.getLong(2),
						OfferEventType.valueOf(row.getString(3)), row.getLong(4)),
				Timestamp.from(from), Timestamp.from(to));
	}

	/** How many distinct subscribers outside the holdout saw any offer in the range, at one placement or all. */
	@Transactional(readOnly = true)
	public long subscribersReached(Instant from, Instant to, Placement placement) {
		List<Object> arguments = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
		if (placement != null) {
			arguments.add(placement.name());
		}
		Long reached = jdbc.queryForObject("select count(distinct subscriber_id) from offer_event where "
				+ "occurred_at >= ? and occurred_at < ? and holdout = false and type = 'IMPRESSION'"
				+ (placement == null ? "" : " and placement = ?"), Long.class, arguments.toArray());
		return reached == null ? 0 : reached;
	}

	/**
	 * One offer's events outside the holdout on each day from {@code first} to {@code last}, at one placement or all,
	 * counted per type. The tallies carry no distinct subscribers (days cannot add them up): see
	 * {@link #subscribersReached(long, List, Placement)}.
	 */
	@Transactional(readOnly = true)
	public SortedMap<LocalDate, List<OfferEventTally>> dailyTallies(long offerId, LocalDate first, LocalDate last,
			Placement placement) {
		Map<LocalDate, Map<OfferEventType, OfferEventTally>> perDay = new TreeMap<>();
		for (OfferEventDays.DayCount day : days.byDay(first, last, offerId, placement, false)) {
			OfferEventDays.Count count = day.count();
			perDay.computeIfAbsent(day.day(), d -> new EnumMap<>(OfferEventType.class))
				.merge(count.type(), new OfferEventTally(offerId, null, count.type(), count.events(), 0, count.amount()),
						(a, b) -> new OfferEventTally(offerId, null, a.type(), a.events() + b.events(), 0,
								a.amount().add(b.amount())));
		}
		SortedMap<LocalDate, List<OfferEventTally>> tallies = new TreeMap<>();
		perDay.forEach((day, byType) -> tallies.put(day, List.copyOf(byType.values())));
		return tallies;
	}

	/**
	 * How many distinct subscribers outside the holdout saw one offer in each period between consecutive
	 * {@code bounds} (the first inclusive, the next exclusive), and over all of them (the last element).
	 */
	@Transactional(readOnly = true)
	public long[] subscribersReached(long offerId, List<Instant> bounds, Placement placement) {
		int periods = bounds.size() - 1;
		long[] reached = new long[periods + 1];
		StringBuilder period = new StringBuilder("case");
		List<Object> arguments = new ArrayList<>();
		for (int i = 1; i < periods; i++) {
			period.append(" when occurred_at < ? then ").append(i - 1);
			arguments.add(Timestamp.from(bounds.get(i)));
		}
		period.append(" else ").append(periods - 1).append(" end");
		String where = " from offer_event where offer_id = ? and occurred_at >= ? and occurred_at < ? "
				+ "and holdout = false and type = 'IMPRESSION'" + (placement == null ? "" : " and placement = ?");
		List<Object> filter = new ArrayList<>(List.of(offerId, Timestamp.from(bounds.get(0)),
				Timestamp.from(bounds.get(periods))));
		if (placement != null) {
			filter.add(placement.name());
		}
		arguments.addAll(filter);
		jdbc.query("select period, count(distinct subscriber_id) from (select " + period + " as period, subscriber_id"
				+ where + ") seen group by period", (ResultSet row) -> {
					reached[row.getInt(1)] = row.getLong(2);
				}, arguments.toArray());
		Long all = jdbc.queryForObject("select count(distinct subscriber_id)" + where, Long.class, filter.toArray());
		reached[periods] = all == null ? 0 : all;
		return reached;
	}

	/**
	 * Every event between {@code from} (inclusive) and {@code to} (exclusive), holdout included, oldest first; at one
	 * placement or all ({@code null}), of one offer or all ({@code null}).
	 */
	@Transactional(readOnly = true)
	public List<OfferEvent> between(Instant from, Instant to, Placement placement, Long offerId) {
		List<Object> arguments = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
		if (placement != null) {
			arguments.add(placement.name());
		}
		if (offerId != null) {
			arguments.add(offerId);
		}
		return jdbc.query("select offer_id, subscriber_id, subscription_id, shipment_id, placement, type, unit_price, "
				+ "holdout, occurred_at from offer_event where occurred_at >= ? and occurred_at < ?"
				+ (placement == null ? "" : " and placement = ?") + (offerId == null ? "" : " and offer_id = ?")
				+ " order by occurred_at, id",
				(row, n) -> new OfferEvent(row.getLong(1), row.getLong(2), row.getObject(3, Long.class),
						row.getObject(4, Long.class), Placement.valueOf(row.getString(5)),
						OfferEventType.valueOf(row.getString(6)), row.getBigDecimal(7), row.getBoolean(8),
						row.getTimestamp(9).toInstant()),
				arguments.toArray());
	}

	@Transactional
	public void record(OfferEvent event) {
		record(List.of(event));
	}

}
