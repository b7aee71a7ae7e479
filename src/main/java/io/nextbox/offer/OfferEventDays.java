package io.nextbox.offer;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The offer events counted per day, offer, placement, type and holdout ({@code offer_event_day}), for ranges of
 * many days. A day is counted the first time a range asks for it once it is settled (two days old, so no event
 * recorded as it happens can still fall into it), in a transaction of its own; an event recorded later for a counted
 * day (an import) makes the day counted again. Days not settled yet are counted from the log itself. Counting on
 * read rather than on every write keeps the widget's writes free of a row that every impression would update.
 */
@Component
class OfferEventDays {

	/** A count of events of one offer, placement, type and holdout, and the sum of their unit prices. */
	record Count(long offerId, Placement placement, OfferEventType type, long events, BigDecimal amount) {
	}

	/** A count on one day. */
	record DayCount(LocalDate day, Count count) {
	}

	/** The previous-day column of each {@link OfferReach} scope. */
	private static final String[] PREVIOUS = { "prev_offer_placement", "prev_offer", "prev_placement", "prev_any" };

	/** An impression's previous day in the scope of the row it is joined with. */
	private static final String BEFORE = "case scope when 0 then prev_offer_placement when 1 then prev_offer "
			+ "when 2 then prev_placement else prev_any end";

	private static final String OFFER = "case when scope in (0, 1) then offer_id else 0 end";

	private static final String WHERE = "case when scope in (0, 2) then placement else 'ALL' end";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	OfferEventDays(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The first day not settled: yesterday, as an event of yesterday may still be committing just after midnight. */
	private LocalDate unsettled() {
		return LocalDate.now(clock).minusDays(1);
	}

	/**
	 * The events between {@code from} (inclusive) and {@code to} (exclusive), in or out of the holdout, at one
	 * placement or all ({@code null}), counted per offer, placement and type.
	 */
	List<Count> counts(Instant from, Instant to, Placement placement, boolean holdout) {
		ZoneId zone = clock.getZone();
		LocalDate first = LocalDate.ofInstant(from, zone);
		if (first.atStartOfDay(zone).toInstant().isBefore(from)) {
			first = first.plusDays(1);
		}
		LocalDate last = LocalDate.ofInstant(to, zone).minusDays(1);
		if (!last.isBefore(unsettled())) {
			last = unsettled().minusDays(1);
		}
		List<Count> counts = new ArrayList<>();
		if (last.isBefore(first)) {
			counts.addAll(fromTheLog(from, to, placement, holdout));
			return counts;
		}
		countDays(first, last);
		counts.addAll(fromTheDays(first, last, placement, holdout));
		Instant counted = first.atStartOfDay(zone).toInstant();
		if (from.isBefore(counted)) {
			counts.addAll(fromTheLog(from, counted, placement, holdout));
		}
		Instant countedUntil = last.plusDays(1).atStartOfDay(zone).toInstant();
		if (countedUntil.isBefore(to)) {
			counts.addAll(fromTheLog(countedUntil, to, placement, holdout));
		}
		return counts;
	}

	/** Counts the days from {@code first} to {@code last} not counted yet, each in a transaction of its own. */
	private void countDays(LocalDate first, LocalDate last) {
		Set<LocalDate> counted = new HashSet<>(jdbc.queryForList(
				"select on_day from offer_event_day_counted where on_day >= ? and on_day <= ?", LocalDate.class, first, last));
		ZoneId zone = clock.getZone();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			if (counted.contains(day)) {
				continue;
			}
			LocalDate counting = day;
			try {
				ownTransaction.executeWithoutResult(status -> {
					// the key first: a second request counting the same day waits for the first, then gives way
					jdbc.update("insert into offer_event_day_counted (on_day, counted_at) values (?, ?)", counting,
							Timestamp.from(clock.instant()));
					jdbc.update("insert into offer_event_day (on_day, offer_id, placement, type, holdout, events, amount) "
							+ "select ?, offer_id, placement, type, holdout, count(*), coalesce(sum(unit_price), 0) "
							+ "from offer_event where occurred_at >= ? and occurred_at < ? "
							+ "group by offer_id, placement, type, holdout", counting,
							Timestamp.from(counting.atStartOfDay(zone).toInstant()),
							Timestamp.from(counting.plusDays(1).atStartOfDay(zone).toInstant()));
					// the day's first impression per subscriber in each scope: its previous day is an earlier one;
					// one pass over the day's impressions, each read once per scope
					// (a scope without the offer keeps offer 0, one without the placement 'ALL': fewer rows)
					jdbc.update("insert into offer_reach_day (on_day, offer_id, placement, holdout, scope, seen_before, "
							+ "subscribers) select ?, " + OFFER + ", " + WHERE + ", holdout, scope, " + BEFORE
							+ ", count(*) from offer_event cross join (values (0), (1), (2), (3)) scopes (scope) "
							+ "where occurred_at >= ? and occurred_at < ? and type = 'IMPRESSION' and " + BEFORE
							+ " < ? group by " + OFFER + ", " + WHERE + ", holdout, scope, " + BEFORE, counting,
							Timestamp.from(counting.atStartOfDay(zone).toInstant()),
							Timestamp.from(counting.plusDays(1).atStartOfDay(zone).toInstant()), counting);
				});
			}
			catch (DataIntegrityViolationException countedMeanwhile) {
				// another request counted it
			}
		}
	}

	/**
	 * The events of the days from {@code first} to {@code last}, of one offer or all ({@code null}), at one placement
	 * or all, counted per day, offer, placement and type.
	 */
	List<DayCount> byDay(LocalDate first, LocalDate last, Long offerId, Placement placement, boolean holdout) {
		ZoneId zone = clock.getZone();
		List<DayCount> counts = new ArrayList<>();
		LocalDate settledLast = last.isBefore(unsettled()) ? last : unsettled().minusDays(1);
		if (!settledLast.isBefore(first)) {
			countDays(first, settledLast);
			List<Object> arguments = new ArrayList<>(List.of(first, settledLast, holdout));
			String where = "";
			if (offerId != null) {
				where += " and offer_id = ?";
				arguments.add(offerId);
			}
			if (placement != null) {
				where += " and placement = ?";
				arguments.add(placement.name());
			}
			jdbc.query("select on_day, offer_id, placement, type, sum(events), sum(amount) from offer_event_day "
					+ "where on_day >= ? and on_day <= ? and holdout = ?" + where
					+ " group by on_day, offer_id, placement, type", (java.sql.ResultSet row) -> {
						counts.add(new DayCount(row.getObject(1, LocalDate.class), new Count(row.getLong(2),
								Placement.valueOf(row.getString(3)), OfferEventType.valueOf(row.getString(4)),
								row.getLong(5), row.getBigDecimal(6))));
					}, arguments.toArray());
		}
		LocalDate today = LocalDate.now(clock);
		for (LocalDate day = settledLast.plusDays(1).isBefore(first) ? first : settledLast.plusDays(1);
				!day.isAfter(last) && !day.isAfter(today); day = day.plusDays(1)) {
			for (Count count : fromTheLog(day.atStartOfDay(zone).toInstant(),
					day.plusDays(1).atStartOfDay(zone).toInstant(), placement, holdout)) {
				if (offerId == null || count.offerId() == offerId) {
					counts.add(new DayCount(day, count));
				}
			}
		}
		return counts;
	}

	/** Events recorded for days already counted: those days are counted again when next asked for. */
	void recorded(List<OfferEvent> events) {
		ZoneId zone = clock.getZone();
		LocalDate settled = unsettled();
		LocalDate first = null;
		LocalDate last = null;
		for (OfferEvent event : events) {
			LocalDate day = LocalDate.ofInstant(event.occurredAt(), zone);
			if (day.isBefore(settled)) {
				first = first == null || day.isBefore(first) ? day : first;
				last = last == null || day.isAfter(last) ? day : last;
			}
		}
		if (first != null) {
			uncount(first, last);
		}
	}

	/** The days from {@code first} to {@code last} are counted again when next asked for. */
	void uncount(LocalDate first, LocalDate last) {
		jdbc.update("delete from offer_event_day_counted where on_day >= ? and on_day <= ?", first, last);
		jdbc.update("delete from offer_event_day where on_day >= ? and on_day <= ?", first, last);
		jdbc.update("delete from offer_reach_day where on_day >= ? and on_day <= ?", first, last);
	}

	/**
	 * Distinct subscribers with an impression on the days {@code first} to {@code last}, in or out of the holdout, at
	 * one placement or all: per offer and placement, the count of each {@link OfferReach scope}. A subscriber counts
	 * at the first impression of the range in each scope, the one whose previous day is before {@code first}; the
	 * settled days are summed from {@code offer_reach_day}, the others counted from the log.
	 */
	List<OfferReach.Count> reach(LocalDate first, LocalDate last, Placement placement, boolean holdout) {
		ZoneId zone = clock.getZone();
		List<OfferReach.Count> reach = new ArrayList<>();
		LocalDate settledLast = last.isBefore(unsettled()) ? last : unsettled().minusDays(1);
		if (!settledLast.isBefore(first)) {
			countDays(first, settledLast);
			List<Object> arguments = new ArrayList<>(List.of(first, settledLast, holdout, first));
			if (placement != null) {
				arguments.add(placement.name());
			}
			jdbc.query("select offer_id, placement, scope, sum(subscribers) from offer_reach_day where on_day >= ? "
					+ "and on_day <= ? and holdout = ? and seen_before < ?" + (placement == null ? "" : " and placement = ?")
					+ " group by offer_id, placement, scope", (java.sql.ResultSet row) -> {
						reach.add(new OfferReach.Count(row.getLong(1),
								"ALL".equals(row.getString(2)) ? null : Placement.valueOf(row.getString(2)), row.getInt(3),
								row.getLong(4)));
					}, arguments.toArray());
		}
		LocalDate logFirst = settledLast.isBefore(first) ? first : settledLast.plusDays(1);
		if (!logFirst.isAfter(last)) {
			StringBuilder sums = new StringBuilder();
			List<Object> arguments = new ArrayList<>();
			for (String previous : PREVIOUS) {
				sums.append(", sum(case when ").append(previous).append(" < ? then 1 else 0 end)");
				arguments.add(first);
			}
			arguments.addAll(List.of(Timestamp.from(logFirst.atStartOfDay(zone).toInstant()),
					Timestamp.from(last.plusDays(1).atStartOfDay(zone).toInstant()), holdout));
			if (placement != null) {
				arguments.add(placement.name());
			}
			jdbc.query("select offer_id, placement" + sums + " from offer_event where occurred_at >= ? and occurred_at < ? "
					+ "and type = 'IMPRESSION' and holdout = ?" + (placement == null ? "" : " and placement = ?")
					+ " group by offer_id, placement", (java.sql.ResultSet row) -> {
						for (int scope = 0; scope < PREVIOUS.length; scope++) {
							reach.add(new OfferReach.Count(row.getLong(1), Placement.valueOf(row.getString(2)), scope,
									row.getLong(3 + scope)));
						}
					}, arguments.toArray());
		}
		return reach;
	}

	/**
	 * One offer's first impressions of each day from {@code first} to {@code last} outside the holdout, at one
	 * placement (scope offer and placement) or all (scope offer), as the day, the previous day and how many.
	 */
	List<OfferReach.DayFirsts> reachByDay(long offerId, LocalDate first, LocalDate last, Placement placement) {
		ZoneId zone = clock.getZone();
		int scope = placement == null ? OfferReach.OFFER : OfferReach.OFFER_PLACEMENT;
		List<OfferReach.DayFirsts> firsts = new ArrayList<>();
		LocalDate settledLast = last.isBefore(unsettled()) ? last : unsettled().minusDays(1);
		if (!settledLast.isBefore(first)) {
			countDays(first, settledLast);
			List<Object> arguments = new ArrayList<>(List.of(offerId, scope, first, settledLast));
			if (placement != null) {
				arguments.add(placement.name());
			}
			jdbc.query("select on_day, seen_before, sum(subscribers) from offer_reach_day where offer_id = ? and scope = ? "
					+ "and on_day >= ? and on_day <= ? and holdout = false" + (placement == null ? "" : " and placement = ?")
					+ " group by on_day, seen_before", (java.sql.ResultSet row) -> {
						firsts.add(new OfferReach.DayFirsts(row.getObject(1, LocalDate.class),
								row.getObject(2, LocalDate.class), row.getLong(3)));
					}, arguments.toArray());
		}
		LocalDate logFirst = settledLast.isBefore(first) ? first : settledLast.plusDays(1);
		if (!logFirst.isAfter(last)) {
			List<Object> arguments = new ArrayList<>(List.of(offerId,
					Timestamp.from(logFirst.atStartOfDay(zone).toInstant()),
					Timestamp.from(last.plusDays(1).atStartOfDay(zone).toInstant())));
			if (placement != null) {
				arguments.add(placement.name());
			}
			jdbc.query("select occurred_at, " + PREVIOUS[scope] + " from offer_event where offer_id = ? "
					+ "and occurred_at >= ? and occurred_at < ? and type = 'IMPRESSION' and holdout = false"
					+ (placement == null ? "" : " and placement = ?"), (java.sql.ResultSet row) -> {
						LocalDate day = LocalDate.ofInstant(row.getTimestamp(1).toInstant(), zone);
						LocalDate before = row.getObject(2, LocalDate.class);
						if (before != null && before.isBefore(day)) {
							firsts.add(new OfferReach.DayFirsts(day, before, 1));
						}
					}, arguments.toArray());
		}
		return firsts;
	}

	private List<Count> fromTheDays(LocalDate first, LocalDate last, Placement placement, boolean holdout) {
		List<Object> arguments = new ArrayList<>(List.of(first, last, holdout));
		if (placement != null) {
			arguments.add(placement.name());
		}
		return jdbc.query("select offer_id, placement, type, sum(events), sum(amount) from offer_event_day "
				+ "where on_day >= ? and on_day <= ? and holdout = ?" + (placement == null ? "" : " and placement = ?")
				+ " group by offer_id, placement, type", (row, n) -> count(row), arguments.toArray());
	}

	private List<Count> fromTheLog(Instant from, Instant to, Placement placement, boolean holdout) {
		List<Object> arguments = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to), holdout));
		if (placement != null) {
			arguments.add(placement.name());
		}
		return jdbc.query("select offer_id, placement, type, count(*), sum(unit_price) from offer_event "
				+ "where occurred_at >= ? and occurred_at < ? and holdout = ?"
				+ (placement == null ? "" : " and placement = ?") + " group by offer_id, placement, type",
				(row, n) -> count(row), arguments.toArray());
	}

	private static Count count(java.sql.ResultSet row) throws java.sql.SQLException {
		BigDecimal amount = row.getBigDecimal(5);
		return new Count(row.getLong(1), Placement.valueOf(row.getString(2)), OfferEventType.valueOf(row.getString(3)),
				row.getLong(4), amount == null ? BigDecimal.ZERO : amount);
	}

}
