package io.nextbox.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.nextbox.account.NextboxUser;
import io.nextbox.account.Role;
import io.nextbox.catalog.Interval;
import io.nextbox.store.StoreSettings;
import io.nextbox.subscription.NextShipment;
import io.nextbox.subscription.SubscriptionDetails;
import io.nextbox.subscription.SubscriptionStatus;
import io.nextbox.subscription.SubscriptionSummary;

/** Object mother for web slices: a store, a subscriber and a subscription as the pages receive them. */
public final class TestStore {

	public static final NextboxUser SUBSCRIBER = new NextboxUser(10, 7L, "ada@example.test", "Ada Lovelace",
			Role.SUBSCRIBER, "{noop}x");

	private TestStore() {
	}

	public static StoreSettings settings() {
		return new StoreSettings("Test Roasters", "USD", 48, 60, 1, 10, 10, StoreSettings.PortalActions.all());
	}

	public static SubscriptionDetails activeSubscription(long id) {
		LocalDate next = LocalDate.now().plusDays(10);
		SubscriptionSummary summary = new SubscriptionSummary(id, "Filter Coffee 250 g", "Filter Coffee", 1,
				Interval.weeks(2), SubscriptionStatus.ACTIVE, LocalDate.now().minusMonths(8), next, null, null,
				new BigDecimal("15.00"), next.minusDays(2).atStartOfDay(), new BigDecimal("15.00"), false, 5);
		NextShipment shipment = new NextShipment(99, id, next, next.minusDays(2).atStartOfDay(), false, next,
				List.of(new NextShipment.Line(true, null, "Filter Coffee 250 g", 1, new BigDecimal("15.00"),
						new BigDecimal("15.00"))),
				new BigDecimal("15.00"));
		return new SubscriptionDetails(summary, shipment, null,
				List.of(new SubscriptionDetails.PlanOption(1, "Filter Coffee 250 g", 1, new BigDecimal("15.00"),
						BigDecimal.ZERO, true),
						new SubscriptionDetails.PlanOption(2, "Filter Coffee 500 g", 2, new BigDecimal("28.00"),
								new BigDecimal("13.00"), false)),
				new SubscriptionDetails.AvailableActions(true, false, true, true, false, true, true, true, true, false),
				LocalDate.now().plusDays(3), LocalDate.now().plusDays(60), 1, 10, List.of(), List.of());
	}


}
