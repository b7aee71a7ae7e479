package io.nextbox.catalog;

/** What a SKU names: a plan (a subscription's box) or a product. */
public record SkuRef(boolean plan, long id) {
}
