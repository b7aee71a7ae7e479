/**
 * Subscriptions: a subscriber on a plan, its quantity, interval and status, and its next shipment.
 * Offers subscription queries for the portal and the bulk start of subscriptions for imports.
 */
package io.nextbox.subscription;
