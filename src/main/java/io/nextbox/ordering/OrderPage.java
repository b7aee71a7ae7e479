package io.nextbox.ordering;

import java.util.List;

/** One page of a subscriber's orders, newest first. */
public record OrderPage(List<OrderView> orders, int page, int totalPages, long totalOrders) {

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return page + 1 < totalPages;
	}

}
