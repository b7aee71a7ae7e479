/**
 * Engagement: the offer widgets in the portal. Shows the recommender's picks as cards, each with a key that makes
 * its one click count once; adds, undoes and dismisses; keeps the holdout group out; records offer events.
 * Calls the recommender and the subscription module. The reminder module asks it for the add-ons an email
 * suggests ({@link io.nextbox.engagement.EmailSuggestions}) and accepts their links through
 * {@link io.nextbox.engagement.WidgetService#accept}.
 */
package io.nextbox.engagement;
