package io.nextbox.subscription;

/** What one run of the shipment processor did. */
public record ProcessingReport(int ordersPlaced, int subscriptionsResumed) {
}
