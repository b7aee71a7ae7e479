package io.nextbox.engagement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import io.nextbox.catalog.Interval;
import io.nextbox.offer.Placement;

/**
 * An upgrade card accepted: what one delivery cost before and after, and how often the subscription ships.
 * {@link #monthlyRecurringAdded()} is the difference in monthly-equivalent price.
 */
public record AcceptedUpgrade(long offerId, Placement placement, long subscriptionId, BigDecimal previousPrice,
		BigDecimal newPrice, Interval interval, Instant acceptedAt) {

	/**
	 * Deliveries per month: {@code 52/12/n} for every n weeks, {@code 1/n} for every n months, {@code 365/12/n} for
	 * every n days.
	 */
	public static BigDecimal deliveriesPerMonth(Interval interval) {
		BigDecimal perYear = switch (interval.unit()) {
			case DAY -> BigDecimal.valueOf(365);
			case WEEK -> BigDecimal.valueOf(52);
			case MONTH -> BigDecimal.valueOf(12);
		};
		return perYear.divide(BigDecimal.valueOf(12L * interval.count()), 10, RoundingMode.HALF_UP);
	}

	/** The new monthly-equivalent price less the old, to the cent. */
	public BigDecimal monthlyRecurringAdded() {
		return newPrice.subtract(previousPrice)
			.multiply(deliveriesPerMonth(interval))
			.setScale(2, RoundingMode.HALF_UP);
	}

}
