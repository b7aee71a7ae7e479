package io.nextbox.subscription;

import java.time.LocalDate;

import io.nextbox.catalog.Interval;

/**
 * A subscription to record as it stands, for bulk loads (demo store, subscriptions import). {@code externalId} is
 * its id on the platform it came from, if any.
 */
public record NewSubscription(long subscriberId, long planId, int quantity, Interval interval,
		SubscriptionStatus status, LocalDate startedOn, LocalDate nextShipmentDate, LocalDate pausedUntil,
		LocalDate cancelledOn, String cancelReason, String externalId) {

	public NewSubscription(long subscriberId, long planId, int quantity, Interval interval, SubscriptionStatus status,
			LocalDate startedOn, LocalDate nextShipmentDate, LocalDate pausedUntil, LocalDate cancelledOn,
			String cancelReason) {
		this(subscriberId, planId, quantity, interval, status, startedOn, nextShipmentDate, pausedUntil, cancelledOn,
				cancelReason, null);
	}

}
