package io.nextbox.store;

/**
 * The settings of the one store this deployment serves, as the rest of the application reads them.
 */
public record StoreSettings(String storeName, String currency, int cutoffHours, int rescheduleWindowDays,
		int minQuantity, int maxQuantity, int holdoutPercent, PortalActions portalActions) {

	public StoreSettings withPortalActions(PortalActions actions) {
		return new StoreSettings(storeName, currency, cutoffHours, rescheduleWindowDays, minQuantity, maxQuantity,
				holdoutPercent, actions);
	}

	public StoreSettings withQuantityLimits(int min, int max) {
		return new StoreSettings(storeName, currency, cutoffHours, rescheduleWindowDays, min, max, holdoutPercent,
				portalActions);
	}

	/** Which self-service actions the subscriber portal offers. */
	public record PortalActions(boolean skip, boolean reschedule, boolean pause, boolean changeInterval,
			boolean changeQuantity, boolean changePlan, boolean cancel, boolean reactivate) {

		public static PortalActions all() {
			return new PortalActions(true, true, true, true, true, true, true, true);
		}

		public PortalActions withoutSkip() {
			return new PortalActions(false, reschedule, pause, changeInterval, changeQuantity, changePlan, cancel,
					reactivate);
		}

	}

}
