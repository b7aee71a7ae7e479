package io.nextbox.recommendation;

import java.time.LocalDate;
import java.util.List;

import io.nextbox.offer.OfferKind;
import io.nextbox.offer.Placement;
import io.nextbox.subscription.ShipmentProcessor;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The recommender on the demo store: what it picks, what it leaves out, and how it learns. */
@NextboxIntegrationTest
class RecommendationServiceIntegrationTests {

	@Autowired
	private RecommendationService recommendations;

	@Autowired
	private ShipmentProcessor processor;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeEach
	void aFreshModel() {
		recommendations.rebuild();
		recommendations.forgetCaches();
	}

	@Test
	void aPourOverDrinkerIsOfferedWhatGoesWithTheirCoffeeWithAReason() {
		long subscriber = subscriberId("subscriber1@nextbox.test");
		List<Recommendation> picks = recommendations.recommend(subscriber, Placement.DASHBOARD, 4);

		assertThat(picks).isNotEmpty().hasSizeLessThanOrEqualTo(4);
		assertThat(picks).allSatisfy(pick -> {
			assertThat(pick.reason()).isNotBlank().endsWith(".");
			assertThat(pick.score()).isPositive();
		});
		assertThat(picks).extracting(Recommendation::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		assertThat(picks).extracting(Recommendation::title)
			.doesNotContain("Wildflower Honey", "Almond Biscotti", "Tea Infuser Basket");
	}

	@Test
	void onlyLiveOffersForThePlacementAreConsidered() {
		long subscriber = subscriberId("subscriber1@nextbox.test");
		long paused = offerFor("V60 filter papers");
		jdbc.update("update offer set status = 'PAUSED' where id = ?", paused);
		try {
			recommendations.forgetCaches();
			assertThat(recommendations.recommend(subscriber, Placement.DASHBOARD, 10))
				.extracting(Recommendation::offerId)
				.doesNotContain(paused);
			List<Long> cancelFlowOffers = jdbc.queryForList(
					"select offer_id from offer_placement where placement = 'CANCEL_FLOW'", Long.class);
			assertThat(recommendations.recommend(subscriber, Placement.CANCEL_FLOW, 10))
				.extracting(Recommendation::offerId)
				.isNotEmpty()
				.isSubsetOf(cancelFlowOffers)
				.doesNotContain(paused);
		}
		finally {
			jdbc.update("update offer set status = 'ACTIVE' where id = ?", paused);
		}
	}

	@Test
	void anOutOfStockProductIsNeverOffered() {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		long oats = offerFor("Oat biscuits");
		jdbc.update("update product set in_stock = false where sku = 'TRT-OAT-BISCUITS'");
		try {
			recommendations.forgetCaches();
			assertThat(filteredBy(owned.subscriberId(), oats)).isEqualTo("out-of-stock");
		}
		finally {
			jdbc.update("update product set in_stock = true where sku = 'TRT-OAT-BISCUITS'");
		}
	}

	@Test
	void anItemAlreadyInTheNextBoxIsNotOfferedAgain() {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		long oats = offerFor("Oat biscuits");
		jdbc.update("insert into shipment_line (shipment_id, product_id, quantity, unit_price, added_at) "
				+ "select sh.id, p.id, 1, 5.50, current_timestamp from shipment sh, product p "
				+ "where sh.subscription_id = ? and sh.status = 'OPEN' and p.sku = 'TRT-OAT-BISCUITS'",
				owned.subscriptionId());
		assertThat(filteredBy(owned.subscriberId(), oats)).isEqualTo("in-next-box");
	}

	@Test
	void aDismissedOfferStaysAway() {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		long oats = offerFor("Oat biscuits");
		jdbc.update("insert into offer_event (offer_id, subscriber_id, placement, type, holdout, occurred_at) "
				+ "values (?, ?, 'DASHBOARD', 'DISMISS', false, current_timestamp)", oats, owned.subscriberId());
		assertThat(filteredBy(owned.subscriberId(), oats)).isEqualTo("dismissed");
	}

	@Test
	void offersAimedAtAnotherFamilyAreLeftOutForThatReason() {
		long teaDrinker = subscriberId("subscriber2@nextbox.test");
		assertThat(filteredBy(teaDrinker, offerFor("V60 filter papers"))).isEqualTo("not-their-plan");
		assertThat(recommendations.recommend(teaDrinker, Placement.DASHBOARD, 4)).isNotEmpty()
			.allSatisfy(pick -> assertThat(pick.kind() == OfferKind.ADD_ON ? pick.title() : "upgrade")
				.doesNotContain("V60"));
	}

	@Test
	void anOrderTeachesTheModelWithoutARebuild() {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		long biscotti = jdbc.queryForObject("select id from product where sku = 'TRT-BISCOTTI'", Long.class);
		int before = recommendations.ordersLearnt(owned.subscriberId());
		jdbc.update("update shipment set ship_date = ? where subscription_id = ? and status = 'OPEN'", LocalDate.now(),
				owned.subscriptionId());
		jdbc.update("insert into shipment_line (shipment_id, product_id, quantity, unit_price, added_at) "
				+ "select id, ?, 1, 6.50, current_timestamp from shipment where subscription_id = ? and status = 'OPEN'",
				biscotti, owned.subscriptionId());

		processor.processDue(LocalDate.now());

		assertThat(recommendations.ordersLearnt(owned.subscriberId())).isEqualTo(before + 1);
	}

	private String filteredBy(long subscriberId, long offerId) {
		return recommendations.explain(subscriberId, Placement.DASHBOARD)
			.stream()
			.filter(ranked -> ranked.offer().id() == offerId)
			.findFirst()
			.map(ranked -> ranked.shown() ? "shown" : ranked.filteredBy())
			.orElse("absent");
	}

	private long offerFor(String name) {
		return jdbc.queryForObject("select id from offer where name = ?", Long.class, name);
	}

	private long subscriberId(String email) {
		return jdbc.queryForObject("select id from subscriber where email = ?", Long.class, email);
	}

}
