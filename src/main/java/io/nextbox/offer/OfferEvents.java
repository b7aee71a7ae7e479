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

	@Transactional
	public void record(OfferEvent event) {
		record(List.of(event));
	}

}
