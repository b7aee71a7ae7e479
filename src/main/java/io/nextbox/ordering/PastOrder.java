package io.nextbox.ordering;

import java.time.LocalDate;
import java.util.List;

/**
 * One order of the history as the recommender learns it: who, when, on which plan, which add-ons, and which products
 * of the plan's box were swapped for others ({@code swappedIn} in place of {@code swappedOut}, pairwise).
 */
public record PastOrder(long orderId, long subscriberId, LocalDate orderedOn, Long planId, List<Long> addOnProductIds,
		List<Long> swappedIn, List<Long> swappedOut) {

	/** An order without swaps. */
	public PastOrder(long orderId, long subscriberId, LocalDate orderedOn, Long planId, List<Long> addOnProductIds) {
		this(orderId, subscriberId, orderedOn, planId, addOnProductIds, List.of(), List.of());
	}

}
