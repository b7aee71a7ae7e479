package io.nextbox.engagement;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * An H2 trigger that fails the insert of a {@code SHIPPED} offer event for one subscriber while told to: the
 * listener recording shipped add-ons dies half-way, its transaction rolled back.
 */
public class FailingShippedInsert implements Trigger {

	static volatile long failingFor = -1;

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		// offer_event: id, offer_id, subscriber_id, subscription_id, shipment_id, placement, type, ...
		if ("SHIPPED".equals(newRow[6]) && newRow[2] instanceof Number subscriber
				&& subscriber.longValue() == failingFor) {
			throw new SQLException("The listener was stopped half-way");
		}
	}

}
