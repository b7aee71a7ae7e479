package io.nextbox.analytics;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nextbox.engagement.Card;
import io.nextbox.engagement.WidgetService;
import io.nextbox.offer.OfferKind;
import io.nextbox.offer.Placement;
import io.nextbox.recommendation.RecommendationService;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An upgrade accepted in the portal adds the new plan's monthly-equivalent price less the old one's to its offer's
 * "MRR added" and to the total, once however often it is clicked.
 */
@NextboxIntegrationTest
class RecurringRevenueIntegrationTests {

	private static final String PAGE = "/admin/analytics?range=7";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private WidgetService widgets;

	@Autowired
	private RecommendationService recommendations;

	@Test
	void anAcceptedUpgradeAddsItsMonthlyDifferenceOnce() throws Exception {
		if (!recommendations.isReady()) {
			recommendations.rebuild();
		}
		Owned owned;
		do {
			owned = TestSubscriptions.freshActive(jdbc);
		}
		while (widgets.isInHoldout(owned.subscriberId()));
		// $16 a delivery every 2 weeks; the upgrade to the $26 plan adds $10 x 52 / 12 / 2 = $21.67 a month
		jdbc.update("update subscription set plan_id = (select id from plan where sku = 'PLAN-TEA-3'), quantity = 1, "
				+ "interval_count = 2, interval_unit = 'WEEK' where id = ?", owned.subscriptionId());
		Owned subscriber = owned;
		Card upgrade = upgradeCard(owned.subscriberId());
		String before = page();

		for (int click = 0; click < 2; click++) {
			mvc.perform(post("/portal/widgets/upgrade").param("key", upgrade.key())
				.with(user(users.loadUserByUsername(subscriber.email())))
				.with(csrf())).andExpect(status().isFound());
		}

		String after = page();
		long offer = jdbc.queryForObject("select offer_id from offer_claim where claim_key = ?", Long.class,
				widgets.claimKeyOf(upgrade.key()));
		assertThat(mrr(after, "offer-row\" data-offer-id=\"" + offer + "\""))
			.isEqualByComparingTo(mrr(before, "offer-row\" data-offer-id=\"" + offer + "\"").add(new BigDecimal("21.67")));
		assertThat(mrr(after, "totals-row\"")).isEqualByComparingTo(mrr(before, "totals-row\"").add(new BigDecimal("21.67")));
		assertThat(jdbc.queryForList("select previous_price, new_price from upgrade_accepted where subscription_id = ?",
				owned.subscriptionId()))
			.singleElement()
			.satisfies(row -> {
				assertThat((BigDecimal) row.get("PREVIOUS_PRICE")).isEqualByComparingTo("16.00");
				assertThat((BigDecimal) row.get("NEW_PRICE")).isEqualByComparingTo("26.00");
			});
	}

	/** The upgrade card; asked again when a slow recommender (a busy machine) showed none within its time. */
	private Card upgradeCard(long subscriberId) {
		for (int attempt = 1;; attempt++) {
			var card = widgets.cards(subscriberId, Placement.DASHBOARD)
				.stream()
				.filter(candidate -> candidate.kind() == OfferKind.UPGRADE)
				.findFirst();
			if (card.isPresent() || attempt == 5) {
				return card.orElseThrow();
			}
		}
	}

	private String page() throws Exception {
		return mvc.perform(get(PAGE).with(user(users.loadUserByUsername(DemoLogins.MERCHANT))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * The MRR added cell of the first row whose class and attributes start as given and that has one (the cancel
	 * flow's table has a totals row too); zero when no such row.
	 */
	private static BigDecimal mrr(String page, String row) {
		Matcher found = Pattern.compile("<tr class=\"" + row + "[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(page);
		while (found.find()) {
			Matcher cell = Pattern.compile("data-figure=\"mrr-added\">([^<]*)<").matcher(found.group(1));
			if (cell.find()) {
				return new BigDecimal(cell.group(1).replaceAll("[^0-9.-]", ""));
			}
		}
		return BigDecimal.ZERO;
	}

}
