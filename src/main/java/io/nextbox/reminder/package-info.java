/**
 * Reminder: the box reminder email, sent a number of days (a store setting) before each box's cutoff, once per box
 * whatever the number of instances, with up to three suggested add-ons, a skip link and an unsubscribe link. Its
 * links are signed tokens usable without a login: opening one changes nothing, its button acts once.
 */
package io.nextbox.reminder;
