package io.nextbox.subscription;

/** What one run of the shipment processor did; a box that failed is left open for a later retry. */
public record ProcessingReport(int ordersPlaced, int subscriptionsResumed, int shipmentsFailed) {
}
