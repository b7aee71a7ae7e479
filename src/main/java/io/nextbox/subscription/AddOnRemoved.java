package io.nextbox.subscription;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An add-on line was taken out of a subscription's next box, before its cutoff. Published inside the removing
 * transaction, so a listener's work (the widget frees the claim that made the line and records the undo) commits
 * or rolls back with the removal. {@code claimKey} is null for a line no card made.
 */
public record AddOnRemoved(long subscriberId, long subscriptionId, long shipmentId, long lineId, long productId,
		Long offerId, String claimKey, BigDecimal unitPrice, Instant removedAt) {
}
