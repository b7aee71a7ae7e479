package io.nextbox.engagement;

import java.math.BigDecimal;

/** What a click did: the card as it now reads, and the next box's new total for the rest of the page. */
public record BoxUpdate(Card card, long subscriptionId, BigDecimal total) {
}
