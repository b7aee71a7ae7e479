/**
 * Merchant offers: add-on products and plan upgrades, with discounts, placements, targeting, schedules,
 * status and priority. Offers the eligible offers for a subscriber and placement.
 */
package io.nextbox.offer;
