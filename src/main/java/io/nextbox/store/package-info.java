/**
 * Store settings: the store's name and currency, which self-service actions the portal offers, the
 * shipment cutoff, reschedule window, quantity limits and the holdout share.
 */
package io.nextbox.store;
