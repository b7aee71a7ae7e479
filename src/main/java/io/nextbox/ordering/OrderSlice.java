package io.nextbox.ordering;

import java.util.List;

/**
 * Some of a subscriber's orders, newest first, read by keyset: {@code newest} when they start at the newest order,
 * {@code olderThan} the id to ask the next ones before (null when there are none older).
 */
public record OrderSlice(List<OrderView> orders, boolean newest, Long olderThan) {
}
