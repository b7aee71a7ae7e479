package io.nextbox.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.nextbox.catalog.Interval;
import io.nextbox.subscription.SubscriptionStatus;

/** One generated subscriber: who they are, their subscription as it stands today, and every past order. */
record DemoCustomer(int number, String firstName, String lastName, Persona persona, LocalDate joinedOn,
		Subscription subscription, List<Order> orders) {

	String email() {
		return "subscriber" + number + "@nextbox.test";
	}

	record Subscription(String planSku, int quantity, Interval interval, SubscriptionStatus status,
			LocalDate nextShipmentDate, LocalDate pausedUntil, LocalDate cancelledOn, String cancelReason) {
	}

	record Order(String orderNumber, Instant orderedAt, String planSku, int planQuantity, BigDecimal planPrice,
			List<AddOn> addOns) {
	}

	record AddOn(String sku, int quantity, BigDecimal unitPrice) {
	}

}
