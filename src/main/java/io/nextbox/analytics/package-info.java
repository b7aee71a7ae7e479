/**
 * Offer analytics: what each offer was shown, taken and earned over a date range and placement, per offer and over
 * time (tables, and the charts' JSON), the same as CSV, the cancel flow per reason and the recurring revenue that
 * accepted upgrades add. Reads the offer module's event log through its public {@code OfferEvents}, the cancel flow
 * through the subscription module's {@code CancelAttempts} and the upgrades through engagement's
 * {@code AcceptedUpgrades}; owns no table.
 */
package io.nextbox.analytics;
