/**
 * Engagement: the offer widgets in the portal. Shows the recommender's picks as cards, each with a key that makes
 * its one click count once; adds, undoes and dismisses; keeps the holdout group out; records offer events.
 * Calls the recommender and the subscription module; nothing calls it.
 */
package io.nextbox.engagement;
