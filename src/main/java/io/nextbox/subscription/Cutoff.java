package io.nextbox.subscription;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a shipment locks: a number of hours before the start of its ship date, in the store's time zone. After
 * that nothing in it changes.
 */
record Cutoff(int hours, ZoneId zone) {

	Instant locksAt(LocalDate shipDate) {
		return shipDate.atStartOfDay(zone).minusHours(hours).toInstant();
	}

	boolean isLocked(LocalDate shipDate, Instant now) {
		return !now.isBefore(locksAt(shipDate));
	}

	/** The first ship date that is still open for changes at {@code now}. */
	LocalDate earliestOpenDate(Instant now) {
		return now.plus(Duration.ofHours(hours)).atZone(zone).toLocalDate().plusDays(1);
	}

}
