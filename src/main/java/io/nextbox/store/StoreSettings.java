package io.nextbox.store;

/**
 * The settings of the one store this deployment serves, as the rest of the application reads them.
 */
public record StoreSettings(String storeName, String currency, int cutoffHours, int rescheduleWindowDays,
		int minQuantity, int maxQuantity, int holdoutPercent, PortalActions portalActions) {

	/** Which self-service actions the subscriber portal offers. */
	public record PortalActions(boolean skip, boolean reschedule, boolean pause, boolean changeInterval,
			boolean changeQuantity, boolean changePlan, boolean cancel, boolean reactivate) {
	}

}
