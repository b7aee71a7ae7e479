package io.nextbox.subscription;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A box the shipment processor could not turn into an order: whose it is, why it failed, how many tries in a row
 * failed and when it is tried again (times in the store's zone). It stays open until a try succeeds.
 */
public record FailedShipment(long shipmentId, long subscriptionId, long subscriberId, LocalDate shipDate,
		int attempts, String reason, LocalDateTime failedAt, LocalDateTime retryAt) {
}
