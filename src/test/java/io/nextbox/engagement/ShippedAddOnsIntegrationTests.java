package io.nextbox.engagement;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nextbox.offer.OfferKind;
import io.nextbox.offer.Placement;
import io.nextbox.recommendation.RecommendationService;
import io.nextbox.store.Holdout;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.subscription.Actor;
import io.nextbox.subscription.Seen;
import io.nextbox.subscription.ShipmentProcessor;
import io.nextbox.subscription.SubscriptionActions;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A shipped add-on is credited to the placement whose card sold it, so per-placement revenue is right. */
@NextboxIntegrationTest
class ShippedAddOnsIntegrationTests {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private WidgetService widgets;

	@Autowired
	private RecommendationService recommendations;

	@Autowired
	private StoreSettingsService settings;

	@Autowired
	private ShipmentProcessor processor;

	@Autowired
	private SubscriptionActions actions;

	private Owned owned;

	@BeforeEach
	void aSubscriberOutsideTheHoldout() {
		if (!recommendations.isReady()) {
			recommendations.rebuild();
		}
		do {
			owned = TestSubscriptions.freshActive(jdbc);
		}
		while (Holdout.isHeldOut(owned.subscriberId(), settings.current().holdoutPercent()));
	}

	@Test
	void anAddOnAcceptedOnTheDashboardShipsUnderTheDashboardAtItsPrice() {
		Card card = dashboardAddOn();
		widgets.accept(owned.subscriberId(), card.key());
		shipTheOpenBox();
		assertShippedOnTheDashboard(card);
	}

	@Test
	void anAddOnMovedToTheFollowingBoxBySkippingStillShipsUnderThePlacementThatSoldIt() {
		Card card = dashboardAddOn();
		widgets.accept(owned.subscriberId(), card.key());
		long version = jdbc.queryForObject("select version from subscription where id = ?", Long.class,
				owned.subscriptionId());
		LocalDate box = jdbc.queryForObject("select next_shipment_date from subscription where id = ?",
				LocalDate.class, owned.subscriptionId());
		actions.skip(owned.subscriberId(), owned.subscriptionId(), new Seen(version, box), Actor.subscriber("test"));
		assertThat(jdbc.queryForObject("select count(*) from shipment_line l join shipment s on s.id = l.shipment_id "
				+ "where s.subscription_id = ? and s.status = 'OPEN'", Long.class, owned.subscriptionId()))
			.as("the add-on moved to the following box")
			.isEqualTo(1);
		shipTheOpenBox();
		assertShippedOnTheDashboard(card);
	}

	/** An add-on card on the dashboard, for this subscriber or the next fresh one shown any. */
	private Card dashboardAddOn() {
		for (int tries = 0; tries < 20; tries++) {
			Optional<Card> card = widgets.cards(owned.subscriberId(), Placement.DASHBOARD)
				.stream()
				.filter(shown -> shown.kind() == OfferKind.ADD_ON)
				.findFirst();
			if (card.isPresent()) {
				return card.get();
			}
			aSubscriberOutsideTheHoldout();
		}
		throw new IllegalStateException("No fresh subscriber is shown an add-on on the dashboard");
	}

	private void shipTheOpenBox() {
		jdbc.update("update shipment set ship_date = ? where subscription_id = ? and status = 'OPEN'", LocalDate.now(),
				owned.subscriptionId());
		processor.processDue(LocalDate.now());
	}

	private void assertShippedOnTheDashboard(Card card) {
		// recorded by a listener after the order's transaction
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
				"select count(*) from offer_event where subscriber_id = ? and type = 'SHIPPED'", Long.class,
				owned.subscriberId()) > 0);
		List<Map<String, Object>> shipped = jdbc.queryForList(
				"select placement, unit_price from offer_event where subscriber_id = ? and type = 'SHIPPED'",
				owned.subscriberId());
		assertThat(shipped).hasSize(1);
		assertThat(shipped.get(0).get("PLACEMENT")).isEqualTo("DASHBOARD");
		assertThat(new BigDecimal(shipped.get(0).get("UNIT_PRICE").toString()))
			.isEqualByComparingTo(card.price());
	}

}
