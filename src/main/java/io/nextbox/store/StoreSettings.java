package io.nextbox.store;

/**
 * The settings of the one store this deployment serves, as the rest of the application reads them.
 */
public record StoreSettings(String storeName, String currency, int cutoffHours, int rescheduleWindowDays,
		int minQuantity, int maxQuantity, int holdoutPercent, PortalActions portalActions, Reminders reminders) {

	/** Settings with the box reminder at its defaults. */
	public StoreSettings(String storeName, String currency, int cutoffHours, int rescheduleWindowDays,
			int minQuantity, int maxQuantity, int holdoutPercent, PortalActions portalActions) {
		this(storeName, currency, cutoffHours, rescheduleWindowDays, minQuantity, maxQuantity, holdoutPercent,
				portalActions, Reminders.DEFAULT);
	}

	public StoreSettings withPortalActions(PortalActions actions) {
		return new StoreSettings(storeName, currency, cutoffHours, rescheduleWindowDays, minQuantity, maxQuantity,
				holdoutPercent, actions, reminders);
	}

	public StoreSettings withQuantityLimits(int min, int max) {
		return new StoreSettings(storeName, currency, cutoffHours, rescheduleWindowDays, min, max, holdoutPercent,
				portalActions, reminders);
	}

	public StoreSettings withReminders(Reminders newReminders) {
		return new StoreSettings(storeName, currency, cutoffHours, rescheduleWindowDays, minQuantity, maxQuantity,
				holdoutPercent, portalActions, newReminders);
	}

	/**
	 * Which self-service actions the subscriber portal offers; {@code swap}: a product of the plan for another of
	 * its category.
	 */
	public record PortalActions(boolean skip, boolean reschedule, boolean pause, boolean changeInterval,
			boolean changeQuantity, boolean changePlan, boolean cancel, boolean reactivate, boolean swap) {

		/** The actions before swaps existed, swaps allowed (their default). */
		public PortalActions(boolean skip, boolean reschedule, boolean pause, boolean changeInterval,
				boolean changeQuantity, boolean changePlan, boolean cancel, boolean reactivate) {
			this(skip, reschedule, pause, changeInterval, changeQuantity, changePlan, cancel, reactivate, true);
		}

		public static PortalActions all() {
			return new PortalActions(true, true, true, true, true, true, true, true, true);
		}

		public PortalActions withoutSkip() {
			return new PortalActions(false, reschedule, pause, changeInterval, changeQuantity, changePlan, cancel,
					reactivate, swap);
		}

		public PortalActions withSwap(boolean allowed) {
			return new PortalActions(skip, reschedule, pause, changeInterval, changeQuantity, changePlan, cancel,
					reactivate, allowed);
		}

	}

	/**
	 * The box reminder email: whether it is sent, and how many days before each box's cutoff (1 to
	 * {@value #MAX_DAYS}).
	 */
	public record Reminders(boolean enabled, int daysBeforeCutoff) {

		public static final int MIN_DAYS = 1;

		public static final int MAX_DAYS = 14;

		public static final Reminders DEFAULT = new Reminders(true, 3);

	}

}
