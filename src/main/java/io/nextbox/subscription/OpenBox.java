package io.nextbox.subscription;

import java.time.Instant;
import java.time.LocalDate;

/** An open box of an active subscription (not skipped, not shipped, before its cutoff) and when it locks. */
public record OpenBox(long subscriberId, long subscriptionId, long shipmentId, LocalDate shipDate, Instant locksAt) {
}
