package io.nextbox.reminder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a link in a reminder email may do: one action on one box of one subscriber, until {@code expiresAt} (the
 * box's cutoff; none for unsubscribing). An add names the offer, product and price the email showed, and the claim
 * key that makes it happen once.
 */
public record ActionToken(Action action, long subscriberId, long subscriptionId, LocalDate boxDate, Long offerId,
		Long productId, BigDecimal price, String claimKey, Instant expiresAt) {

	public enum Action {

		ADD, SKIP, UNSUBSCRIBE

	}

	static ActionToken add(long subscriberId, long subscriptionId, LocalDate boxDate, long offerId, long productId,
			BigDecimal price, String claimKey, Instant expiresAt) {
		return new ActionToken(Action.ADD, subscriberId, subscriptionId, boxDate, offerId, productId, price, claimKey,
				expiresAt);
	}

	static ActionToken skip(long subscriberId, long subscriptionId, LocalDate boxDate, Instant expiresAt) {
		return new ActionToken(Action.SKIP, subscriberId, subscriptionId, boxDate, null, null, null, null, expiresAt);
	}

	static ActionToken unsubscribe(long subscriberId) {
		return new ActionToken(Action.UNSUBSCRIBE, subscriberId, 0, null, null, null, null, null, null);
	}

	boolean expiredAt(Instant now) {
		return expiresAt != null && !now.isBefore(expiresAt);
	}

}
