package io.nextbox.engagement;

enum ClaimStatus {

	/** Shown on a card, not clicked. */
	ISSUED,
	/** Clicked: the add-on is in the box, or the upgrade applied. */
	ACCEPTED,
	/** Taken back before the cutoff. */
	UNDONE,
	/** Dismissed, or no longer valid: never accepted. */
	REFUSED

}
