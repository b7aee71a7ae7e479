package io.nextbox.offer;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

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

	private final OfferReach reach;

	private final Clock clock;

	OfferEvents(JdbcTemplate jdbc, OfferMetrics metrics, OfferEventDays days, OfferReach reach, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.metrics = metrics;
		this.days = days;
		this.reach = reach;
	}

	@Transactional
	public void record(List<OfferEvent> events) {
		insert(events, true);
		metrics.countOnceCommitted(events);
	}

	/** Past events brought in at once (the demo store's history): logged, but not counted as happening now. */
	@Transactional
	public void importHistory(List<OfferEvent> events) {
		insert(events, false, true);
	}

	/**
	 * Past events of subscribers who have none logged yet (a seed of new subscribers), each subscriber's all in
	 * {@code events}: as {@link #importHistory}, with each impression's previous days worked out from these events
	 * alone, without reading the log.
	 */
	@Transactional
	public void importHistoryOfNewSubscribers(List<OfferEvent> events) {
		insert(events, false, false);
	}

	private void insert(List<OfferEvent> events, boolean live) {
		insert(events, live, true);
	}

	private void insert(List<OfferEvent> events, boolean live, boolean logged) {
		days.recorded(events);
		OfferReach.Previous[] previous = reach.previous(events, live, logged);
		List<Integer> order = IntStream.range(0, events.size()).boxed().toList();
		BatchInsert.insert(jdbc, "insert into offer_event (offer_id, subscriber_id, subscription_id, shipment_id, "
				+ "placement, type, unit_price, holdout, occurred_at, prev_offer_placement, prev_offer, prev_placement, "
				+ "prev_any, gap_placement, gap_any) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", order,
				(statement, index) -> {
					OfferEvent event = events.get(index);
					OfferReach.Previous before = previous[index];
					statement.setLong(1, event.offerId());
					statement.setLong(2, event.subscriberId());
					BatchInsert.setLong(statement, 3, event.subscriptionId());
					BatchInsert.setLong(statement, 4, event.shipmentId());
					statement.setString(5, event.placement().name());
					statement.setString(6, event.type().name());
					statement.setBigDecimal(7, event.unitPrice());
					statement.setBoolean(8, event.holdout());
					statement.setTimestamp(9, Timestamp.from(event.occurredAt()));
					day(statement, 10, before == null ? null : before.offerPlacement());
					day(statement, 11, before == null ? null : before.offer());
					day(statement, 12, before == null ? null : before.placement());
					day(statement, 13, before == null ? null : before.any());
					LocalDate on = LocalDate.ofInstant(event.occurredAt(), clock.getZone());
					gap(statement, 14, before == null ? null : OfferReach.gap(on, before.placement()));
					gap(statement, 15, before == null ? null : OfferReach.gap(on, before.any()));
				});
	}

	private static void gap(PreparedStatement statement, int index, Integer level) throws SQLException {
		orNull(statement, index, level == null ? null : level.shortValue(), Types.SMALLINT);
	}

	/** A day bound as a {@code LocalDate} (no {@code java.sql.Date}: its calendar moves the year 1). */
	private static void day(PreparedStatement statement, int index, LocalDate day) throws SQLException {
		orNull(statement, index, day, Types.DATE);
	}

	private static void orNull(PreparedStatement statement, int index, Object value, int sqlType)
			throws SQLException {
		if (value == null) {
			statement.setNull(index, sqlType);
		}
		else {
			statement.setObject(index, value);
		}
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
		Tallies tallies = tallies(from, to, placement, distinctSubscribers(from, to, placement));
		return byPlacement ? tallies.perPlacement() : tallies.perOffer();
	}

	/**
	 * What {@link #tally} answers per offer and per offer and placement, and {@link #subscribersReached}, at once:
	 * counts from the events counted per day, distinct subscribers in one pass over the range's index.
	 */
	@Transactional(readOnly = true)
	public OfferEventSummary summarize(Instant from, Instant to, Placement placement) {
		ZoneId zone = clock.getZone();
		LocalDate first = LocalDate.ofInstant(from, zone);
		LocalDate last = LocalDate.ofInstant(to, zone).minusDays(1);
		if (!first.atStartOfDay(zone).toInstant().equals(from) || !last.plusDays(1).atStartOfDay(zone).toInstant().equals(to)
				|| last.isBefore(first)) {
			Tallies tallies = tallies(from, to, placement, distinctSubscribers(from, to, placement));
			long reached = tallies.perOffer().isEmpty() ? 0 : subscribersReached(from, to, placement);
			return new OfferEventSummary(tallies.perOffer(), tallies.perPlacement(), reached);
		}
		// whole days: the subscribers reached are counts of first impressions (see OfferReach)
		Map<Key, Long> subscribers = new HashMap<>();
		long reached = 0;
		for (OfferReach.Count count : days.reach(first, last, placement, false)) {
			Key offer = new Key(count.offerId(), null, OfferEventType.IMPRESSION);
			Key there = new Key(count.offerId(), count.placement(), OfferEventType.IMPRESSION);
			switch (count.scope()) {
				case OfferReach.OFFER_PLACEMENT -> {
					subscribers.merge(there, count.subscribers(), Long::sum);
					if (placement != null) {
						subscribers.merge(offer, count.subscribers(), Long::sum);
					}
				}
				case OfferReach.OFFER -> {
					if (placement == null) {
						subscribers.merge(offer, count.subscribers(), Long::sum);
					}
				}
				case OfferReach.PLACEMENT -> reached += placement == null ? 0 : count.subscribers();
				default -> reached += placement == null ? count.subscribers() : 0;
			}
		}
		Tallies tallies = tallies(from, to, placement, subscribers);
		return new OfferEventSummary(tallies.perOffer(), tallies.perPlacement(), tallies.perOffer().isEmpty() ? 0 : reached);
	}

	private record Tallies(List<OfferEventTally> perOffer, List<OfferEventTally> perPlacement) {
	}

	private record Key(long offerId, Placement placement, OfferEventType type) {
	}

	private Tallies tallies(Instant from, Instant to, Placement placement, Map<Key, Long> subscribers) {
		Map<Key, long[]> events = new LinkedHashMap<>();
		Map<Key, BigDecimal> amounts = new HashMap<>();
		for (OfferEventDays.Count count : days.counts(from, to, placement, false)) {
			for (Key key : List.of(new Key(count.offerId(), null, count.type()),
					new Key(count.offerId(), count.placement(), count.type()))) {
				events.computeIfAbsent(key, k -> new long[1])[0] += count.events();
				amounts.merge(key, count.amount(), BigDecimal::add);
			}
		}
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
		return daily(offerId, first, last, placement);
	}

	/**
	 * Every offer's events outside the holdout on each day from {@code first} to {@code last}, at one placement or
	 * all, counted per offer and type, in one read of the days counted (and of the log for the days not settled).
	 */
	@Transactional(readOnly = true)
	public SortedMap<LocalDate, List<OfferEventTally>> dailyTallies(LocalDate first, LocalDate last,
			Placement placement) {
		return daily(null, first, last, placement);
	}

	private SortedMap<LocalDate, List<OfferEventTally>> daily(Long offerId, LocalDate first, LocalDate last,
			Placement placement) {
		Map<LocalDate, Map<Key, OfferEventTally>> perDay = new TreeMap<>();
		for (OfferEventDays.DayCount day : days.byDay(first, last, offerId, placement, false)) {
			OfferEventDays.Count count = day.count();
			perDay.computeIfAbsent(day.day(), d -> new LinkedHashMap<>())
				.merge(new Key(count.offerId(), null, count.type()),
						new OfferEventTally(count.offerId(), null, count.type(), count.events(), 0, count.amount()),
						(a, b) -> new OfferEventTally(a.offerId(), null, a.type(), a.events() + b.events(), 0,
								a.amount().add(b.amount())));
		}
		SortedMap<LocalDate, List<OfferEventTally>> tallies = new TreeMap<>();
		perDay.forEach((day, byType) -> tallies.put(day, List.copyOf(byType.values())));
		return tallies;
	}

	/**
	 * How many distinct subscribers outside the holdout saw one offer in each period (the days from one of
	 * {@code starts} to the day before the next, the last to {@code last}), and over all of them (the last element):
	 * counts of first impressions (see {@link OfferReach}).
	 */
	@Transactional(readOnly = true)
	public long[] subscribersReached(long offerId, List<LocalDate> starts, LocalDate last, Placement placement) {
		int periods = starts.size();
		long[] reached = new long[periods + 1];
		LocalDate first = starts.get(0);
		for (OfferReach.DayFirsts firsts : days.reachByDay(offerId, first, last, placement)) {
			int period = Collections.binarySearch(starts, firsts.day());
			period = period >= 0 ? period : -period - 2;
			if (firsts.before().isBefore(starts.get(period))) {
				reached[period] += firsts.subscribers();
			}
			if (firsts.before().isBefore(first)) {
				reached[periods] += firsts.subscribers();
			}
		}
		return reached;
	}

	/**
	 * Every event between {@code from} (inclusive) and {@code to} (exclusive), holdout included, oldest first; at one
	 * placement or all ({@code null}), of one offer or all ({@code null}).
	 */
	@Transactional(readOnly = true)
	public List<OfferEvent> between(Instant from, Instant to, Placement placement, Long offerId) {
		List<OfferEvent> events = new ArrayList<>();
		forEachBetween(from, to, placement, offerId, events::add);
		return events;
	}

	/**
	 * {@link #between}, handed over one event at a time as the rows arrive (a thousand at a time from the database),
	 * so an export of millions of events never holds them all.
	 */
	@Transactional(readOnly = true)
	public void forEachBetween(Instant from, Instant to, Placement placement, Long offerId,
			java.util.function.Consumer<OfferEvent> each) {
		List<Object> arguments = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
		if (placement != null) {
			arguments.add(placement.name());
		}
		if (offerId != null) {
			arguments.add(offerId);
		}
		String sql = "select offer_id, subscriber_id, subscription_id, shipment_id, placement, type, unit_price, "
				+ "holdout, occurred_at from offer_event where occurred_at >= ? and occurred_at < ?"
				+ (placement == null ? "" : " and placement = ?") + (offerId == null ? "" : " and offer_id = ?")
				+ " order by occurred_at, id";
		jdbc.query(connection -> {
			PreparedStatement statement = connection.prepareStatement(sql);
			statement.setFetchSize(1000);
			for (int i = 0; i < arguments.size(); i++) {
				statement.setObject(i + 1, arguments.get(i));
			}
			return statement;
		}, (ResultSet row) -> {
			each.accept(new OfferEvent(row.getLong(1), row.getLong(2), row.getObject(3, Long.class),
					row.getObject(4, Long.class), Placement.valueOf(row.getString(5)),
					OfferEventType.valueOf(row.getString(6)), row.getBigDecimal(7), row.getBoolean(8),
					row.getTimestamp(9).toInstant()));
		});
	}

	@Transactional
	public void record(OfferEvent event) {
		record(List.of(event));
	}

}
