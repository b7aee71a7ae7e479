package io.nextbox.subscription;

/** What a timeline entry records; each has a message {@code timeline.<KIND>} that reads its values. */
enum TimelineKind {

	SKIPPED, UNSKIPPED, RESCHEDULED, PAUSED, PAUSED_UNTIL, RESUMED, RESUMED_AUTOMATICALLY, INTERVAL_CHANGED, QUANTITY_CHANGED,
	PLAN_CHANGED, CANCELLED, REACTIVATED, SHIPPED, ADD_ON_REMOVED, ADD_ON_QUANTITY_CHANGED,
	/** An add-on put into the next box by store staff (the widget's adds are offer events). */
	ADD_ON_ADDED,
	/** A product of the plan swapped for another, or back. */
	SWAPPED, SWAPPED_BACK

}
