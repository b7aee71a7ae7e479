package io.nextbox.subscription;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import io.nextbox.catalog.Interval;

/**
 * One subscription as the portal lists it. The next box's cutoff and total (plan and add-ons) are null when no
 * box is planned; {@code nextBoxLocked} says that cutoff has passed (the box is being packed).
 * {@code pricePerShipment} is the plan's price times the quantity: what one delivery costs. {@code version} names
 * this state of the subscription: every action form sends it back.
 */
public record SubscriptionSummary(long id, String planName, String familyName, int quantity, Interval interval,
		SubscriptionStatus status, LocalDate startedOn, LocalDate nextShipmentDate, LocalDate pausedUntil,
		LocalDate cancelledOn, BigDecimal pricePerShipment, LocalDateTime nextBoxLocksAt, BigDecimal nextBoxTotal,
		boolean nextBoxLocked, long version) {

	public boolean isActive() {
		return status == SubscriptionStatus.ACTIVE;
	}

}
