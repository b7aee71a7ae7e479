package io.nextbox.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import io.nextbox.offer.Placement;
import io.nextbox.recommendation.Recommendation;
import io.nextbox.recommendation.RecommendationService;
import io.nextbox.store.Holdout;
import io.nextbox.store.StoreSettings;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The merchant's settings, offers and preview pages; closed to subscribers. */
@NextboxIntegrationTest
class AdminPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private StoreSettingsService settings;

	@Autowired
	private RecommendationService recommendations;

	@ParameterizedTest
	@ValueSource(strings = { "/admin/settings", "/admin/offers", "/admin/offers/new", "/admin/offers/1",
			"/admin/preview", "/admin/subscribers", "/admin/subscribers/1", "/admin/products", "/admin/import" })
	@WithUserDetails("subscriber1@nextbox.test")
	void subscribersCannotOpenAdminPages(String page) throws Exception {
		mvc.perform(get(page)).andExpect(status().isForbidden());
		mvc.perform(post(page).with(csrf())).andExpect(status().isForbidden());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/admin/settings", "/admin/offers", "/admin/offers/new", "/admin/preview",
			"/admin/subscribers", "/admin/products", "/admin/products/new", "/admin/import" })
	@WithUserDetails("merchant@nextbox.test")
	void merchantPagesRender(String page) throws Exception {
		mvc.perform(get(page)).andExpect(status().isOk());
	}

	@Test
	@WithUserDetails("merchant@nextbox.test")
	void settingsAreSavedAndUsed() throws Exception {
		StoreSettings original = settings.current();
		try {
			mvc.perform(post("/admin/settings").with(csrf())
				.param("storeName", "Kettle & Crema")
				.param("currency", "eur")
				.param("cutoffHours", "24")
				.param("rescheduleWindowDays", "30")
				.param("minQuantity", "1")
				.param("maxQuantity", "4")
				.param("holdoutPercent", "10")
				.param("reminderDays", "5")
				.param("cancel", "true")
				.param("pause", "true")).andExpect(redirectedUrl("/admin/settings"));
			StoreSettings saved = settings.current();
			assertThat(saved.currency()).isEqualTo("EUR");
			assertThat(saved.cutoffHours()).isEqualTo(24);
			assertThat(saved.maxQuantity()).isEqualTo(4);
			assertThat(saved.portalActions().skip()).isFalse();
			assertThat(saved.portalActions().cancel()).isTrue();
			assertThat(saved.reminders()).isEqualTo(new StoreSettings.Reminders(false, 5));
		}
		finally {
			settings.update(original);
		}
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource({ "cutoffHours,-1,Choose from 0 to 720 hours.", "cutoffHours,lots,Enter a whole number.",
			"holdoutPercent,80,Choose from 0 to 50 percent.", "currency,EURO,three-letter currency code",
			"currency,XYZ,three-letter currency code", "maxQuantity,0,Choose from 1 to 100.",
			"storeName,'',Enter the store", "reminderDays,0,Choose from 1 to 14 days.",
			"reminderDays,15,Choose from 1 to 14 days.", "reminderDays,'',Enter a whole number." })
	@WithUserDetails("merchant@nextbox.test")
	void badSettingsAreExplainedNextToTheFieldAndChangeNothing(String field, String value, String message)
			throws Exception {
		StoreSettings before = settings.current();
		Map<String, String> form = new LinkedHashMap<>(Map.of("storeName", "Kettle & Crema", "currency", "USD",
				"cutoffHours", "48", "rescheduleWindowDays", "60", "minQuantity", "1", "maxQuantity", "10",
				"holdoutPercent", "10", "reminderDays", "3"));
		form.put(field, value);
		var request = post("/admin/settings").with(csrf());
		form.forEach(request::param);
		mvc.perform(request)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("field-error"), containsString(message))));
		assertThat(settings.current()).isEqualTo(before);
	}

	@Test
	@WithUserDetails("merchant@nextbox.test")
	void aMinimumAboveTheMaximumIsRefused() throws Exception {
		mvc.perform(post("/admin/settings").with(csrf())
			.param("storeName", "Kettle & Crema")
			.param("currency", "USD")
			.param("cutoffHours", "48")
			.param("rescheduleWindowDays", "60")
			.param("minQuantity", "5")
			.param("maxQuantity", "2")
			.param("holdoutPercent", "10"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("cannot be below the smallest")));
	}

	@Test
	@WithUserDetails("merchant@nextbox.test")
	void anOfferIsCreatedAsADraftThenActivatedPausedDuplicatedAndEnded() throws Exception {
		long product = jdbc.queryForObject("select id from product where sku = 'TRT-STROOPWAFELS'", Long.class);
		String location = mvc.perform(post("/admin/offers/new").with(csrf())
			.param("name", "Stroopwafel Tuesday")
			.param("kind", "ADD_ON")
			.param("productId", String.valueOf(product))
			.param("discountType", "PERCENT")
			.param("discountValue", "20")
			.param("placements", "DASHBOARD", "POST_PURCHASE")
			.param("minOrders", "0")
			.param("minTenureDays", "0")
			.param("priority", "5"))
			.andExpect(redirectedUrlPattern("/admin/offers/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring("/admin/offers/".length()));
		assertThat(offerStatus(id)).isEqualTo("DRAFT");

		mvc.perform(post("/admin/offers/" + id + "/status").param("status", "ACTIVE").with(csrf()));
		assertThat(offerStatus(id)).isEqualTo("ACTIVE");
		mvc.perform(post("/admin/offers/" + id + "/status").param("status", "PAUSED").with(csrf()));
		assertThat(offerStatus(id)).isEqualTo("PAUSED");
		String copy = mvc.perform(post("/admin/offers/" + id + "/duplicate").with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(jdbc.queryForObject("select name from offer where id = ?", String.class,
				Long.parseLong(copy.substring("/admin/offers/".length()))))
			.isEqualTo("Stroopwafel Tuesday (copy)");
		mvc.perform(post("/admin/offers/" + id + "/status").param("status", "ENDED").with(csrf()));
		mvc.perform(post("/admin/offers/" + id + "/status").param("status", "ACTIVE").with(csrf()));
		assertThat(offerStatus(id)).isEqualTo("ENDED");
		mvc.perform(get("/admin/offers")).andExpect(content().string(containsString("Stroopwafel Tuesday")));
	}

	@Test
	@WithUserDetails("merchant@nextbox.test")
	void anImpossibleOfferCannotBeSavedAndSaysWhy() throws Exception {
		long lower = jdbc.queryForObject("select id from plan where sku = 'PLAN-TEA-3'", Long.class);
		long higher = jdbc.queryForObject("select id from plan where sku = 'PLAN-TEA-5'", Long.class);
		long offers = jdbc.queryForObject("select count(*) from offer", Long.class);
		mvc.perform(post("/admin/offers/new").with(csrf())
			.param("name", "Downgrade")
			.param("kind", "UPGRADE")
			.param("targetPlanId", String.valueOf(lower))
			.param("targetPlanIds", String.valueOf(higher))
			.param("discountType", "FIXED")
			.param("discountValue", "99")
			.param("placements", "DASHBOARD")
			.param("minOrders", "0")
			.param("minTenureDays", "0")
			.param("priority", "0")
			.param("startsOn", "2026-12-10")
			.param("endsOn", "2026-12-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("must be a lower tier"),
					containsString("cannot be more than the price"), containsString("cannot be before the start"))));
		mvc.perform(post("/admin/offers/new").with(csrf()).param("name", "x").param("kind", "BOGUS")
			.param("priority", "high")).andExpect(status().isUnprocessableContent());
		assertThat(jdbc.queryForObject("select count(*) from offer", Long.class)).isEqualTo(offers);
	}

	@Test
	@WithUserDetails("merchant@nextbox.test")
	void thePreviewShowsWhatTheRecommenderPicksAndWhatItLeftOut() throws Exception {
		recommendations.rebuild();
		long subscriber = jdbc.queryForObject("select id from subscriber where email = 'subscriber2@nextbox.test'",
				Long.class);
		var picks = recommendations.recommend(subscriber, Placement.DASHBOARD, 4);
		assertThat(picks).isNotEmpty();
		String page = mvc.perform(get("/admin/preview").param("email", "subscriber2@nextbox.test")
			.param("placement", "DASHBOARD"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (Recommendation pick : picks) {
			assertThat(page).contains(pick.reason().replace("&", "&amp;"));
		}
		assertThat(page).contains("Left out", "Aimed at other plans or families", "V60 filter papers");
		// every part of the score is shown: the signals, the priority and this showing's exploration draw
		assertThat(page).contains("complement ", "priority ", "exploration ", "drew ", "views", "taken");
		mvc.perform(get("/admin/preview").param("email", "nobody@nextbox.test"))
			.andExpect(content().string(containsString("No subscriber has the email")));
	}

	@Test
	@WithUserDetails("merchant@nextbox.test")
	void anUpgradeToTheSubscribersOwnPlanIsLeftOutAsAlreadyOnThisPlan() throws Exception {
		if (!recommendations.isReady()) {
			recommendations.rebuild();
		}
		int holdout = settings.current().holdoutPercent();
		String email = jdbc.queryForList("""
				select u.id, u.email from subscriber u join subscription s on s.subscriber_id = u.id
				join plan p on p.id = s.plan_id
				where p.sku = 'PLAN-FILTER-500' and s.status = 'ACTIVE' order by u.id""")
			.stream()
			.filter(row -> !Holdout.isHeldOut(((Number) row.get("id")).longValue(), holdout))
			.map(row -> (String) row.get("email"))
			.findFirst()
			.orElseThrow();
		String page = mvc.perform(get("/admin/preview").param("email", email).param("placement", "DASHBOARD"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Go up to 500 g").contains("Already on this plan");
	}

	@Test
	@WithUserDetails("merchant@nextbox.test")
	void aSubscriberInTheHoldoutIsPreviewedAsSeeingNothing() throws Exception {
		int holdout = settings.current().holdoutPercent();
		assertThat(holdout).as("the demo store keeps a holdout").isPositive();
		String email = jdbc.queryForList("select id, email from subscriber where account_id is not null order by id")
			.stream()
			.filter(row -> Holdout.isHeldOut(((Number) row.get("id")).longValue(), holdout))
			.map(row -> (String) row.get("email"))
			.findFirst()
			.orElseThrow();
		String page = mvc.perform(get("/admin/preview").param("email", email).param("placement", "DASHBOARD"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("is in the holdout", "the " + holdout + "% of subscribers", "They see nothing here.")
			.doesNotContain("preview-table", "Score parts", "Left out");
	}

	@Test
	@WithUserDetails("merchant@nextbox.test")
	void aSubscriberIsFoundByEmailWithTheirSubscriptionsOrdersAndOfferHistory() throws Exception {
		mvc.perform(get("/admin/subscribers").param("q", "subscriber12"))
			.andExpect(content().string(allOf(containsString("subscriber12@nextbox.test"),
					containsString("subscriber120@nextbox.test"))));
		long id = jdbc.queryForObject("select id from subscriber where email = 'subscriber12@nextbox.test'", Long.class);
		String order = jdbc.queryForObject("select min(order_number) from orders where subscriber_id = ?", String.class,
				id);
		mvc.perform(get("/admin/subscribers/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Subscriptions"), containsString("Offer history"))));
		mvc.perform(get("/admin/subscribers/987654")).andExpect(status().isNotFound());
		assertThat(order).isNotNull();
	}

	private String offerStatus(long offerId) {
		return jdbc.queryForObject("select status from offer where id = ?", String.class, offerId);
	}

}
