package io.nextbox.subscription.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nextbox.catalog.IntervalUnit;
import io.nextbox.subscription.CancelReason;
import io.nextbox.subscription.SubscriptionDetails;
import io.nextbox.subscription.SubscriptionDetails.PlanOption;

/**
 * An alternative to cancelling that fits the reason given, shown before the final confirm: one of the
 * subscription's own actions with its values filled in. Cancelling stays one click away.
 */
record SaveOffer(String messageKey, List<Object> arguments, String action, String method, Map<String, String> fields) {

	/** The alternatives for a reason, best first; only actions the subscription allows now. */
	static List<SaveOffer> forReason(CancelReason reason, SubscriptionDetails details) {
		List<SaveOffer> offers = new ArrayList<>();
		if (reason == null) {
			return offers;
		}
		var can = details.actions();
		var subscription = details.subscription();
		switch (reason) {
			case TOO_MUCH_PRODUCT -> {
				if (can.skip()) {
					offers.add(post("save.skip", List.of(), "skip",
							Map.of("shipDate", details.nextShipment().shipDate().toString()), details));
				}
				int count = subscription.interval().count();
				if (can.changeInterval() && subscription.interval().unit() == IntervalUnit.WEEK && count + 2 <= 12) {
					offers.add(post("save.interval", List.of(count + 2), "interval",
							Map.of("count", String.valueOf(count + 2), "unit", "WEEK"), details));
				}
				if (can.changeInterval() && subscription.interval().unit() == IntervalUnit.MONTH && count + 1 <= 6) {
					offers.add(post("save.intervalMonths", List.of(count + 1), "interval",
							Map.of("count", String.valueOf(count + 1), "unit", "MONTH"), details));
				}
				if (can.changeQuantity() && subscription.quantity() > details.minQuantity()) {
					offers.add(post("save.quantity", List.of(subscription.quantity() - 1), "quantity",
							Map.of("quantity", String.valueOf(subscription.quantity() - 1)), details));
				}
			}
			case TOO_EXPENSIVE -> cheaper(details).filter(option -> can.changePlan())
				.ifPresent(option -> offers.add(new SaveOffer("save.cheaperPlan",
						List.of(option.name()), "plan", "get",
						Map.of("planId", String.valueOf(option.planId())))));
			// another taste: a plan whose box brings a product the current box lacks (never the same coffee in a
			// smaller bag), the nearest in price
			case TASTE -> details.planOptions()
				.stream()
				.filter(option -> !option.current() && can.changePlan() && !option.newProducts().isEmpty())
				.min(Comparator.comparing(option -> option.difference().abs()))
				.ifPresent(option -> offers.add(new SaveOffer("save.swapPlan",
						List.of(option.name(), String.join(", ", option.newProducts())), "plan", "get",
						Map.of("planId", String.valueOf(option.planId())))));
			case MOVING, OTHER -> {
			}
		}
		// a break answers moving, and is the one alternative left for most reasons; it does not change a taste
		if (can.pause() && (reason == CancelReason.MOVING || offers.isEmpty() && reason != CancelReason.TASTE)) {
			offers.add(post("save.pause", List.of(), "pause", Map.of(), details));
		}
		return offers;
	}

	/** An alternative that changes the subscription at once: its form names the version it acts on. */
	private static SaveOffer post(String messageKey, List<Object> arguments, String action, Map<String, String> values,
			SubscriptionDetails details) {
		Map<String, String> fields = new LinkedHashMap<>(values);
		fields.put("version", String.valueOf(details.subscription().version()));
		return new SaveOffer(messageKey, arguments, action, "post", fields);
	}

	private static Optional<PlanOption> cheaper(SubscriptionDetails details) {
		return details.planOptions()
			.stream()
			.filter(option -> option.difference().signum() < 0)
			.max(Comparator.comparing(PlanOption::difference));
	}

}
