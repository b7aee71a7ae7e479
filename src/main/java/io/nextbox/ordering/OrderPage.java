package io.nextbox.ordering;

import java.util.List;

/** One page of a subscriber's orders, newest first. */
public record OrderPage(List<OrderView> orders, int page, int totalPages, long totalOrders) {
}
