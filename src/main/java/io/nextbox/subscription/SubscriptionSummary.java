package io.nextbox.subscription;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.nextbox.catalog.Interval;

/** One subscription as the portal lists it. */
public record SubscriptionSummary(long id, String planName, String familyName, int quantity, Interval interval,
		SubscriptionStatus status, LocalDate startedOn, LocalDate nextShipmentDate, LocalDate pausedUntil,
		LocalDate cancelledOn, BigDecimal pricePerShipment) {

	public boolean isActive() {
		return status == SubscriptionStatus.ACTIVE;
	}

}
