package io.nextbox.ordering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nextbox.orders.*}: where an order is when the store has no carrier data. An order ships
 * {@code packingDays} after the day it is placed (0: the day it is placed, as the shipment processor places the order
 * of a box on its ship date) and is delivered {@code transitDays} after it ships. Before it ships it is processing.
 */
@ConfigurationProperties("nextbox.orders")
public record ShippingAssumptions(@DefaultValue("0") int packingDays, @DefaultValue("3") int transitDays) {

	public ShippingAssumptions {
		if (packingDays < 0 || packingDays > 30) {
			throw new IllegalArgumentException("nextbox.orders.packing-days must be from 0 to 30");
		}
		if (transitDays < 0 || transitDays > 60) {
			throw new IllegalArgumentException("nextbox.orders.transit-days must be from 0 to 60");
		}
	}

	/** Where an order placed at {@code orderedAt} is on {@code today}, both in the store's {@code zone}. */
	public OrderProgress progress(Instant orderedAt, LocalDate today, ZoneId zone) {
		LocalDate shippedOn = orderedAt.atZone(zone).toLocalDate().plusDays(packingDays);
		LocalDate deliveredOn = shippedOn.plusDays(transitDays);
		OrderProgress.Stage stage = today.isBefore(shippedOn) ? OrderProgress.Stage.PROCESSING
				: today.isBefore(deliveredOn) ? OrderProgress.Stage.SHIPPED : OrderProgress.Stage.DELIVERED;
		return new OrderProgress(stage, shippedOn, deliveredOn);
	}

}
