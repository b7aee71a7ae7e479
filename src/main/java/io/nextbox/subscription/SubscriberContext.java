package io.nextbox.subscription;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the recommender needs to know of a subscriber's live subscription: the plan it is on, since when, and
 * which products the next box already holds (as add-ons).
 */
public record SubscriberContext(long subscriberId, long subscriptionId, long planId, int quantity,
		LocalDate startedOn, Long nextShipmentId, LocalDate nextShipmentDate, Set<Long> addOnsInNextShipment) {
}
