package io.nextbox.subscription;

import java.time.LocalDate;

import io.nextbox.catalog.Interval;

/** A subscription to record as it stands, for bulk loads (demo store, history import). */
public record NewSubscription(long subscriberId, long planId, int quantity, Interval interval,
		SubscriptionStatus status, LocalDate startedOn, LocalDate nextShipmentDate, LocalDate pausedUntil,
		LocalDate cancelledOn, String cancelReason) {
}
