package io.nextbox.subscription;

import java.time.LocalDate;

/**
 * The state of a subscription a request acts on, as the page that sent it showed it: the subscription's version
 * and, for a skip, the ship date of the box it skips. A version that is missing or no longer current means the
 * page is out of date: the request is answered as the same request was answered before, or refused with
 * {@link SubscriptionChangedException}.
 */
public record Seen(Long version, LocalDate shipDate) {

	public static Seen version(Long version) {
		return new Seen(version, null);
	}

}
