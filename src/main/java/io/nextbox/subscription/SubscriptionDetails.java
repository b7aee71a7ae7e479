package io.nextbox.subscription;

import java.math.BigDecimal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Everything the subscription page shows: the subscription, its next box, what can be done, what happened.
 * {@code box}: the products one box holds by its plan, swaps applied, each saying whether it can be swapped now.
 */
public record SubscriptionDetails(SubscriptionSummary subscription, NextShipment nextShipment, LocalDate skippedDate,
		List<PlanOption> planOptions, AvailableActions actions, LocalDate earliestDate, LocalDate latestDate,
		int minQuantity, int maxQuantity, List<TimelineItem> timeline, List<UpcomingBox> upcoming,
		List<BoxItem> box) {

	public SubscriptionDetails(SubscriptionSummary subscription, NextShipment nextShipment, LocalDate skippedDate,
			List<PlanOption> planOptions, AvailableActions actions, LocalDate earliestDate, LocalDate latestDate,
			int minQuantity, int maxQuantity, List<TimelineItem> timeline, List<UpcomingBox> upcoming) {
		this(subscription, nextShipment, skippedDate, planOptions, actions, earliestDate, latestDate, minQuantity,
				maxQuantity, timeline, upcoming, List.of());
	}

	/** Whether any product of the box can be swapped now. */
	public boolean canSwap() {
		return box.stream().anyMatch(BoxItem::swappable);
	}

	/** How many box dates the page lists ahead. */
	public static final int UPCOMING_BOXES = 3;

	/** A coming box date on the subscription's schedule; {@code skipped}: the subscriber skipped it. */
	public record UpcomingBox(LocalDate date, boolean skipped) {
	}


	/** Which actions the page offers now: switched on by the merchant and possible in this state. */
	public record AvailableActions(boolean skip, boolean unskip, boolean reschedule, boolean pause, boolean resume,
			boolean changeInterval, boolean changeQuantity, boolean changePlan, boolean cancel, boolean reactivate) {

		public boolean any() {
			return skip || unskip || reschedule || pause || resume || changeInterval || changeQuantity || changePlan
					|| cancel || reactivate;
		}

	}

	/**
	 * A plan of the same family, with its price for this subscription's quantity and the difference;
	 * {@code newProducts}: what its box brings that the current box lacks, of a kind the current box holds (another
	 * coffee, another tea; not gear), by name.
	 */
	public record PlanOption(long planId, String name, int tier, BigDecimal pricePerShipment, BigDecimal difference,
			boolean current, List<String> newProducts) {

		public PlanOption(long planId, String name, int tier, BigDecimal pricePerShipment, BigDecimal difference,
				boolean current) {
			this(planId, name, tier, pricePerShipment, difference, current, List.of());
		}

		public boolean upgrade() {
			return difference.signum() > 0;
		}

	}

	/** {@code byStore}: a staff member ({@code actor}) made the change for the subscriber. */
	public record TimelineItem(LocalDateTime occurredAt, String actor, boolean byStore, String kind, String[] values) {
	}

}
