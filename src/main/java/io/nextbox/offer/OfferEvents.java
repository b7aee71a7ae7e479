package io.nextbox.offer;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.nextbox.shared.BatchInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The log of offer events: impressions, accepts, undos, dismissals and shipped add-ons. */
@Service
public class OfferEvents {

	private final JdbcTemplate jdbc;

	private final OfferMetrics metrics;

	OfferEvents(JdbcTemplate jdbc, OfferMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	@Transactional
	public void record(List<OfferEvent> events) {
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
		metrics.countOnceCommitted(events);
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
		String groups = byPlacement ? "offer_id, placement, type" : "offer_id, type";
		List<Object> arguments = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
		if (placement != null) {
			arguments.add(placement.name());
		}
		return jdbc.query("select " + groups + ", count(*), count(distinct subscriber_id), sum(unit_price) "
				+ "from offer_event where occurred_at >= ? and occurred_at < ? and holdout = false"
				+ (placement == null ? "" : " and placement = ?") + " group by " + groups,
				(row, n) -> new OfferEventTally(row.getLong("offer_id"),
						byPlacement ? Placement.valueOf(row.getString("placement")) : null,
						OfferEventType.valueOf(row.getString("type")), row.getLong(byPlacement ? 4 : 3),
						row.getLong(byPlacement ? 5 : 4), row.getBigDecimal(byPlacement ? 6 : 5)),
				arguments.toArray());
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
		Long reached = jdbc.queryForObject("select count(distinct subscriber_id) from offer_event where type = "
				+ "'IMPRESSION' and occurred_at >= ? and occurred_at < ? and holdout = false"
				+ (placement == null ? "" : " and placement = ?"), Long.class, arguments.toArray());
		return reached == null ? 0 : reached;
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
