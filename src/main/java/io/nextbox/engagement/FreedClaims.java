package io.nextbox.engagement;

import io.nextbox.offer.OfferEvent;
import io.nextbox.offer.OfferEventType;
import io.nextbox.offer.OfferEvents;
import io.nextbox.subscription.AddOnRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An add-on a card put into the box was taken out again, wherever that happened (the next-box page, or the card's
 * own Undo): its claim is freed ({@code UNDONE}) and the undo recorded, in the removing transaction. The claim's
 * status is the once-only guard: the card's Undo frees it first, and this finds nothing left to do.
 */
@Component
class FreedClaims {

	private final ClaimRepository claims;

	private final OfferEvents events;

	FreedClaims(ClaimRepository claims, OfferEvents events) {
		this.claims = claims;
		this.events = events;
	}

	@EventListener
	void on(AddOnRemoved removed) {
		if (removed.claimKey() == null || claims.move(removed.claimKey(), removed.subscriberId(), ClaimStatus.ACCEPTED,
				ClaimStatus.UNDONE, removed.removedAt()) == 0) {
			return;
		}
		Claim claim = claims.findById(removed.claimKey()).orElseThrow();
		events.record(new OfferEvent(claim.getOfferId(), removed.subscriberId(), removed.subscriptionId(),
				removed.shipmentId(), claim.getPlacement(), OfferEventType.UNDO, claim.getUnitPrice(), false,
				removed.removedAt()));
	}

}
