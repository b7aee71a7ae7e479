package io.nextbox.offer;

import java.sql.Timestamp;
import java.util.List;

import io.nextbox.shared.BatchInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The log of offer events: impressions, accepts, undos, dismissals and shipped add-ons. */
@Service
public class OfferEvents {

	private final JdbcTemplate jdbc;

	OfferEvents(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
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
	}

	/** A subscriber's offer history, newest first. */
	@Transactional(readOnly = true)
	public List<OfferHistoryItem> historyOf(long subscriberId, int limit) {
		return jdbc.query("select o.name, e.type, e.placement, e.occurred_at, e.unit_price, e.holdout "
				+ "from offer_event e join offer o on o.id = e.offer_id where e.subscriber_id = ? "
				+ "order by e.occurred_at desc, e.id desc limit ?", (row, n) -> new OfferHistoryItem(row.getString(1),
						OfferEventType.valueOf(row.getString(2)), Placement.valueOf(row.getString(3)),
						row.getTimestamp(4).toInstant(), row.getBigDecimal(5), row.getBoolean(6)),
				subscriberId, limit);
	}

	@Transactional
	public void record(OfferEvent event) {
		record(List.of(event));
	}

}
