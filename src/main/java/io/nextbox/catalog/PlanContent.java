package io.nextbox.catalog;

/** One product a plan's box holds, with how many of it come in one box. */
public record PlanContent(long productId, String name, int quantity) {
}
