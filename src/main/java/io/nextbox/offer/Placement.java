package io.nextbox.offer;

import java.util.List;

/**
 * Where an offer is shown. {@code EMAIL} is the box reminder email: its suggestions are the offers live for the
 * next box ({@code NEXT_SHIPMENT}), and their impressions and accepts are counted apart under {@code EMAIL}; a
 * merchant does not place an offer there.
 */
public enum Placement {

	DASHBOARD, NEXT_SHIPMENT, POST_PURCHASE, CANCEL_FLOW, EMAIL;

	/** The placements a merchant can put an offer at. */
	public static List<Placement> forOffers() {
		return List.of(DASHBOARD, NEXT_SHIPMENT, POST_PURCHASE, CANCEL_FLOW);
	}

}
