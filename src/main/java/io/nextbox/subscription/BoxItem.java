package io.nextbox.subscription;

/**
 * A product one box of a subscription holds by its plan, as the subscriber gets it: the plan's own product
 * ({@code planProductId}, {@code planProductName}) or the one it is swapped for ({@code swapped}).
 * {@code quantity} is per box of the plan; {@code swappable}: the subscriber can swap it now (the store allows
 * swaps, the subscription and its next box can change, and another product of its category is available).
 */
public record BoxItem(long planProductId, long productId, String name, String imageUrl, int quantity,
		boolean swapped, String planProductName, boolean swappable) {
}
