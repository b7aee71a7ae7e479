/**
 * Orders: shipments once processed, and history imported from the store's past. Offers history queries and
 * the bulk import of past orders; the recommender learns from what is here.
 */
package io.nextbox.ordering;
