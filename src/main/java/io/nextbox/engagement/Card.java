package io.nextbox.engagement;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.nextbox.offer.OfferKind;

/**
 * An offer card as the widget shows it. {@code key} is what its button posts; {@code added} says the card shows
 * "Added · Undo" (the add-on is in the box). For an upgrade, {@code listPrice} and {@code price} are what one
 * delivery costs on the new plan (its price per box times {@code quantity}, before and after the offer's
 * discount) and {@code difference} the extra per delivery. {@code boxDate} is the box the card's offer goes into,
 * when known. {@code stay} marks a card of the cancel flow: a discount for staying, which the card says plainly
 * ("Stay and get Oat Biscuits free in your next box") instead of a recommender's reason.
 */
public record Card(String key, OfferKind kind, String title, String imageUrl, BigDecimal listPrice,
		BigDecimal price, String reason, BigDecimal difference, boolean added, long subscriptionId, int quantity,
		LocalDate boxDate, boolean stay) {

	public Card(String key, OfferKind kind, String title, String imageUrl, BigDecimal listPrice, BigDecimal price,
			String reason, BigDecimal difference, boolean added, long subscriptionId, int quantity, LocalDate boxDate) {
		this(key, kind, title, imageUrl, listPrice, price, reason, difference, added, subscriptionId, quantity, boxDate,
				false);
	}

	public Card(String key, OfferKind kind, String title, String imageUrl, BigDecimal listPrice, BigDecimal price,
			String reason, BigDecimal difference, boolean added, long subscriptionId) {
		this(key, kind, title, imageUrl, listPrice, price, reason, difference, added, subscriptionId, 1, null);
	}

	public boolean free() {
		return price.signum() == 0;
	}

	public boolean discounted() {
		return price.compareTo(listPrice) < 0;
	}

	public boolean upgrade() {
		return kind == OfferKind.UPGRADE;
	}

}
