package io.nextbox.subscription.web;

import java.util.ArrayList;
import java.util.Comparator;
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
					offers.add(new SaveOffer("save.skip", List.of(), "skip", "post", Map.of()));
				}
				int count = subscription.interval().count();
				if (can.changeInterval() && subscription.interval().unit() == IntervalUnit.WEEK && count + 2 <= 12) {
					offers.add(new SaveOffer("save.interval", List.of(count + 2), "interval", "post",
							Map.of("count", String.valueOf(count + 2), "unit", "WEEK")));
				}
				if (can.changeQuantity() && subscription.quantity() > details.minQuantity()) {
					offers.add(new SaveOffer("save.quantity", List.of(subscription.quantity() - 1), "quantity", "post",
							Map.of("quantity", String.valueOf(subscription.quantity() - 1))));
				}
			}
			case TOO_EXPENSIVE -> cheaper(details).filter(option -> can.changePlan())
				.ifPresent(option -> offers.add(new SaveOffer("save.cheaperPlan",
						List.of(option.name()), "plan", "get",
						Map.of("planId", String.valueOf(option.planId())))));
			case TASTE -> details.planOptions()
				.stream()
				.filter(option -> !option.current() && can.changePlan())
				.findFirst()
				.ifPresent(option -> offers.add(new SaveOffer("save.swapPlan", List.of(option.name()), "plan", "get",
						Map.of("planId", String.valueOf(option.planId())))));
			case MOVING, OTHER -> {
			}
		}
		if (can.pause() && (offers.isEmpty() || reason == CancelReason.MOVING)) {
			offers.add(new SaveOffer("save.pause", List.of(), "pause", "post", Map.of()));
		}
		return offers;
	}

	private static Optional<PlanOption> cheaper(SubscriptionDetails details) {
		return details.planOptions()
			.stream()
			.filter(option -> option.difference().signum() < 0)
			.max(Comparator.comparing(PlanOption::difference));
	}

}
