package io.nextbox.offer;

/** An offer's name and kind, for reports that list offers by id. */
public record OfferLabel(long id, String name, OfferKind kind) {
}
