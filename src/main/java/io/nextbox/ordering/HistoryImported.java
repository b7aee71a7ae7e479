package io.nextbox.ordering;

/** An order-history import has committed: the recommender learns from it. */
public record HistoryImported(long importId, int ordersAdded) {
}
