package io.nextbox.subscription;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the recommender needs to know of a subscriber's live subscription: the plan it is on, since when, and
 * which products the next box already holds (as add-ons). {@code nextShipmentLocked} says the next box is past its
 * cutoff: being packed, nothing can go into it any more. {@code swappedIn} are the products the subscriber swapped
 * into the plan's box, in place of {@code swappedOut}.
 */
public record SubscriberContext(long subscriberId, long subscriptionId, long planId, int quantity,
		LocalDate startedOn, Long nextShipmentId, LocalDate nextShipmentDate, Set<Long> addOnsInNextShipment,
		boolean nextShipmentLocked, Set<Long> swappedIn, Set<Long> swappedOut) {

	public SubscriberContext(long subscriberId, long subscriptionId, long planId, int quantity, LocalDate startedOn,
			Long nextShipmentId, LocalDate nextShipmentDate, Set<Long> addOnsInNextShipment,
			boolean nextShipmentLocked) {
		this(subscriberId, subscriptionId, planId, quantity, startedOn, nextShipmentId, nextShipmentDate,
				addOnsInNextShipment, nextShipmentLocked, Set.of(), Set.of());
	}

	public SubscriberContext(long subscriberId, long subscriptionId, long planId, int quantity, LocalDate startedOn,
			Long nextShipmentId, LocalDate nextShipmentDate, Set<Long> addOnsInNextShipment) {
		this(subscriberId, subscriptionId, planId, quantity, startedOn, nextShipmentId, nextShipmentDate,
				addOnsInNextShipment, false);
	}

	/** Whether the box of the plan holds the product: in the plan's contents and not swapped out, or swapped in. */
	public boolean boxHolds(Set<Long> planContents, long productId) {
		return swappedIn.contains(productId) || planContents.contains(productId) && !swappedOut.contains(productId);
	}

	/** Whether offers can go into the next box now: there is one, and its cutoff is still ahead. */
	public boolean nextShipmentOpen() {
		return nextShipmentId != null && !nextShipmentLocked;
	}

}
