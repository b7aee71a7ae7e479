package io.nextbox.engagement;

import java.util.List;

import io.nextbox.offer.OfferKind;
import io.nextbox.offer.Placement;
import io.nextbox.recommendation.RecommendationService;
import io.nextbox.store.Holdout;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * Where a widget's buttons send the subscriber back: only the portal pages that show a widget. A crafted
 * {@code back} goes to the dashboard instead, and the click still does what it says, exactly once.
 */
@NextboxIntegrationTest
class WidgetBackIntegrationTests {

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

	@Autowired
	private StoreSettingsService settings;

	/** One subscriber for every case here (each click is undone), so other tests keep the demo store's others. */
	private static Owned owned;

	@BeforeEach
	void aSubscriberOutsideTheHoldoutWithAnAddOnOffer() {
		if (!recommendations.isReady()) {
			recommendations.rebuild();
		}
		while (owned == null || Holdout.isHeldOut(owned.subscriberId(), settings.current().holdoutPercent())
				|| widgets.cards(owned.subscriberId(), Placement.DASHBOARD)
					.stream()
					.noneMatch(card -> card.kind() == OfferKind.ADD_ON)) {
			owned = TestSubscriptions.freshActive(jdbc);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/portal/{x}", "/portal\r\nSet-Cookie: a=b", "/portal/orders/{0}", "/portal%0d%0aX: y",
			"/portal/../admin", "/portalx", "/portal/subscriptions/1/skip", "//evil.example/portal",
			"/portal/orders/1?next=https://evil.example", "/portal\u2028" })
	void aCraftedBackGoesToTheDashboardAndTheAddOnIsAddedOnce(String back) throws Exception {
		Card card = addOnCard();
		long lines = addOnLines();
		mvc.perform(post("/portal/widgets/add").param("key", card.key()).param("back", back).with(as()).with(csrf()))
			.andExpect(redirectedUrl("/portal"));
		assertThat(addOnLines()).isEqualTo(lines + 1);

		mvc.perform(post("/portal/widgets/undo").param("key", card.key()).param("back", back).with(as()).with(csrf()))
			.andExpect(redirectedUrl("/portal"));
		assertThat(addOnLines()).isEqualTo(lines);

		mvc.perform(get("/portal/widgets/DASHBOARD").param("back", back).header("HX-Request", "true").with(as()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("name=\"back\" value=\"/portal/"))));
	}

	@Test
	void aDismissWithACraftedBackGoesToTheDashboard() throws Exception {
		mvc.perform(post("/portal/widgets/dismiss").param("key", addOnCard().key()).param("back", "/portal/{x}")
			.with(as())
			.with(csrf())).andExpect(redirectedUrl("/portal"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/portal", "/portal/subscriptions/12/shipment", "/portal/subscriptions/12/cancel",
			"/portal/orders/KC-000123", "/portal/widgets/POST_PURCHASE" })
	void thePagesThatShowAWidgetAreWhereItGoesBack(String back) throws Exception {
		Card card = addOnCard();
		mvc.perform(post("/portal/widgets/add").param("key", card.key()).param("back", back).with(as()).with(csrf()))
			.andExpect(redirectedUrl(back));
		widgets.undo(owned.subscriberId(), card.key());
	}

	@Test
	void anUpgradeWithACraftedBackGoesToTheDashboard() throws Exception {
		Owned onTier1 = owned;
		jdbc.update("update subscription set plan_id = (select id from plan where sku = 'PLAN-TEA-3'), quantity = 1 "
				+ "where id = ?", onTier1.subscriptionId());
		Card upgrade = widgets.cards(onTier1.subscriberId(), Placement.DASHBOARD)
			.stream()
			.filter(card -> card.kind() == OfferKind.UPGRADE)
			.findFirst()
			.orElseThrow();
		mvc.perform(get("/portal/widgets/upgrade").param("key", upgrade.key()).param("back", "/portal/{x}").with(as()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"back\" value=\"/portal\"")));
		mvc.perform(post("/portal/widgets/upgrade").param("key", upgrade.key()).param("back", "/portal\r\nX: y")
			.header("HX-Request", "true")
			.with(as())
			.with(csrf())).andExpect(status().isOk()).andExpect(header().string("HX-Redirect", "/portal"));
		assertThat(jdbc.queryForObject("select p.sku from subscription s join plan p on p.id = s.plan_id where s.id = ?",
				String.class, onTier1.subscriptionId()))
			.isEqualTo("PLAN-TEA-5");
		owned = null;
	}

	private Card addOnCard() {
		List<Card> cards = widgets.cards(owned.subscriberId(), Placement.DASHBOARD)
			.stream()
			.filter(card -> card.kind() == OfferKind.ADD_ON)
			.toList();
		assertThat(cards).as("add-on cards for subscriber %d", owned.subscriberId()).isNotEmpty();
		return cards.get(0);
	}

	private RequestPostProcessor as() {
		return user(users.loadUserByUsername(owned.email()));
	}

	private long addOnLines() {
		return jdbc.queryForObject("select count(*) from shipment_line l join shipment s on s.id = l.shipment_id "
				+ "where s.subscription_id = ? and s.status = 'OPEN'", Long.class, owned.subscriptionId());
	}

}
