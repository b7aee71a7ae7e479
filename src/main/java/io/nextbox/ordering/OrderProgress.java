package io.nextbox.ordering;

import java.time.LocalDate;

/**
 * Where an order is: being packed, shipped (on {@code shippedOn}) or delivered (on {@code deliveredOn}), by the
 * store's {@link ShippingAssumptions}.
 */
public record OrderProgress(Stage stage, LocalDate shippedOn, LocalDate deliveredOn) {

	public enum Stage {

		PROCESSING, SHIPPED, DELIVERED

	}

	public boolean delivered() {
		return stage == Stage.DELIVERED;
	}

}
