package io.nextbox.ordering;

public enum OrderLineKind {

	/** The subscription's plan: what the box always holds. */
	PLAN,
	/** An extra product in that box. */
	ADD_ON

}
