/**
 * Offer analytics: what each offer was shown, taken and earned over a date range and placement, per offer and over
 * time, and the same as CSV. Reads the offer module's event log through its public {@code OfferEvents}.
 */
package io.nextbox.analytics;
