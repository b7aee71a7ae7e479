package io.nextbox.analytics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nextbox.offer.OfferExposure;
import io.nextbox.offer.OfferExposures;
import io.nextbox.offer.Placement;
import io.nextbox.ordering.OrderHistory;
import org.springframework.stereotype.Service;

/**
 * Lift against the holdout. The two groups are the subscribers with at least one offer impression in the range
 * (at the placement, when one is chosen): those who were shown the cards, and the holdout, whose would-be
 * impressions are recorded marked {@code holdout} but never shown. Both groups met the same eligibility at the same
 * moments, so the difference of their revenue per subscriber is what showing offers did.
 */
@Service
public class HoldoutLift {

	private final OfferExposures exposures;

	private final OrderHistory orders;

	private final Clock clock;

	HoldoutLift(OfferExposures exposures, OrderHistory orders, Clock clock) {
		this.exposures = exposures;
		this.orders = orders;
		this.clock = clock;
	}

	/**
	 * Add-on revenue (the {@code SHIPPED} add-ons of offers, at the placement) and total order revenue (every order
	 * placed, whatever was in it) per subscriber in the range, shown against held out, each with its interval.
	 */
	public Lift measure(DateRange range, Placement placement) {
		ZoneId zone = clock.getZone();
		Instant from = range.start(zone);
		Instant to = range.end(zone);
		List<OfferExposure> shown = new ArrayList<>();
		List<OfferExposure> heldOut = new ArrayList<>();
		int mixed = 0;
		for (OfferExposure exposure : exposures.between(from, to, placement)) {
			if (exposure.mixed()) {
				mixed++;
			}
			else {
				(exposure.holdout() ? heldOut : shown).add(exposure);
			}
		}
		Set<Long> subscribers = new HashSet<>();
		shown.forEach(exposure -> subscribers.add(exposure.subscriberId()));
		heldOut.forEach(exposure -> subscribers.add(exposure.subscriberId()));
		Map<Long, BigDecimal> totals = subscribers.isEmpty() ? Map.of()
				: orders.totalsBySubscriber(subscribers, from, to);
		return new Lift(range, placement, shown.size(), heldOut.size(), mixed,
				Lift.Measure.of(addOns(shown), addOns(heldOut)),
				Lift.Measure.of(orderTotals(shown, totals), orderTotals(heldOut, totals)));
	}

	private static double[] addOns(List<OfferExposure> group) {
		return group.stream().mapToDouble(exposure -> exposure.shippedAddOns().doubleValue()).toArray();
	}

	private static double[] orderTotals(List<OfferExposure> group, Map<Long, BigDecimal> totals) {
		return group.stream()
			.mapToDouble(exposure -> totals.getOrDefault(exposure.subscriberId(), BigDecimal.ZERO).doubleValue())
			.toArray();
	}

}
