package io.nextbox.subscription;

public enum ShipmentStatus {

	/** The next box, still to ship; changes are allowed until its cutoff. */
	OPEN,
	/** Passed over at the subscriber's request; can be restored until its cutoff. */
	SKIPPED,
	/** Turned into an order. */
	PROCESSED

}
