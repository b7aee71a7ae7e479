package io.nextbox.ordering;

public enum OrderLineKind {

	/** The subscription's plan: what the box always holds. */
	PLAN,
	/** An extra product in that box. */
	ADD_ON,
	/** A product of the plan's box that the subscriber swapped for another: the other, at the price difference. */
	SWAP

}
