/**
 * Logins, roles, password hashing and the throttling of failed logins, and the subscribers they belong to. Offers
 * who is logged in ({@link io.nextbox.account.NextboxUser}) and the registration of merchants and subscribers.
 */
package io.nextbox.account;
