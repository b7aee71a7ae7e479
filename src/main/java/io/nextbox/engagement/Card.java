package io.nextbox.engagement;

import java.math.BigDecimal;

import io.nextbox.offer.OfferKind;

/**
 * An offer card as the widget shows it. {@code key} is what its button posts; {@code added} says the card shows
 * "Added · Undo" (the add-on is in the box); {@code difference} is an upgrade's extra price per box.
 */
public record Card(String key, OfferKind kind, String title, String imageUrl, BigDecimal listPrice,
		BigDecimal price, String reason, BigDecimal difference, boolean added, long subscriptionId) {

	public boolean discounted() {
		return price.compareTo(listPrice) < 0;
	}

	public boolean upgrade() {
		return kind == OfferKind.UPGRADE;
	}

}
