package io.nextbox.ordering;

import java.time.LocalDate;
import java.util.List;

/** One order of the history as the recommender learns from it: who, when, on which plan, which add-ons. */
public record PastOrder(long orderId, long subscriberId, LocalDate orderedOn, Long planId, List<Long> addOnProductIds) {
}
