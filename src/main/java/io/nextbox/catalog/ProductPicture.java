package io.nextbox.catalog;

/** A picture a merchant uploaded, as served: its type, its digest (the ETag) and its bytes. */
public record ProductPicture(String contentType, String digest, byte[] bytes) {
}
