package io.nextbox.engagement;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

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
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A locked box is shown as locked: once the next box is past its cutoff no widget offers anything for it (offers
 * go to a box still open, named by its date, or the widget shows nothing), the dashboard says changes closed, and
 * a card shown before the cutoff and clicked after it is refused with the reason.
 */
@NextboxIntegrationTest
class LockedBoxIntegrationTests {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

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

	@ParameterizedTest
	@EnumSource(value = Placement.class, names = "EMAIL", mode = EnumSource.Mode.EXCLUDE)
	void noWidgetOffersAnythingForABoxPastItsCutoff(Placement placement) throws Exception {
		assertThat(cards(placement)).as("cards while the box is open").isNotEmpty();
		long issued = claims();
		lock(owned);
		assertThat(widgets.cards(owned.subscriberId(), placement)).isEmpty();
		mvc.perform(get("/portal/widgets/" + placement).header("HX-Request", "true").with(as(owned)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("offer-card"))));
		mvc.perform(get("/portal/widgets/" + placement).with(as(owned)))
			.andExpect(content().string(allOf(containsString("Nothing to suggest right now."),
					not(containsString("offer-card")))));
		assertThat(claims()).isEqualTo(issued);
	}

	private long claims() {
		return jdbc.queryForObject("select count(*) from offer_claim where subscriber_id = ?", Long.class,
				owned.subscriberId());
	}

	@Test
	void cardsSayWhichBoxTheyGoInto() {
		LocalDate shipDate = shipDate(owned);
		assertThat(cards(Placement.DASHBOARD)).isNotEmpty()
			.allSatisfy(card -> assertThat(card.boxDate()).isEqualTo(shipDate));
	}

	@Test
	void offersGoToABoxStillOpenAndSayItsDate() throws Exception {
		Owned second = TestSubscriptions.freshActive(jdbc);
		jdbc.update("update subscription set subscriber_id = ?, started_on = ? where id = ?", owned.subscriberId(),
				LocalDate.now().minusYears(5), second.subscriptionId());
		jdbc.update("update subscription set started_on = ? where id = ?", LocalDate.now().minusDays(200),
				owned.subscriptionId());
		lock(owned);
		LocalDate open = shipDate(second);

		assertThat(cards(Placement.DASHBOARD)).isNotEmpty()
			.allSatisfy(card -> assertThat(card.subscriptionId()).isEqualTo(second.subscriptionId()))
			.allSatisfy(card -> assertThat(card.boxDate()).isEqualTo(open));
		String widget = "";
		for (int attempt = 1; attempt < 5 && !widget.contains("offer-card"); attempt++) {
			widget = mvc.perform(get("/portal/widgets/DASHBOARD").header("HX-Request", "true").with(as(owned)))
				.andReturn()
				.getResponse()
				.getContentAsString();
		}
		assertThat(widget).contains("your box of " + DAY.format(open));
	}

	@Test
	void theDashboardSaysChangesClosedForALockedBox() throws Exception {
		lock(owned);
		mvc.perform(get("/portal").with(as(owned)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Changes closed on "),
					containsString("this box is being packed"), not(containsString("Changes close ")))));
		mvc.perform(get("/portal/subscriptions/" + owned.subscriptionId()).with(as(owned)))
			.andExpect(content().string(allOf(containsString("Changes closed on "),
					not(containsString("Changes close ")))));
	}

	@Test
	void theDashboardShowsWhenChangesCloseForAnOpenBox() throws Exception {
		mvc.perform(get("/portal").with(as(owned)))
			.andExpect(content().string(allOf(containsString("Changes close "), not(containsString("Changes closed")))));
	}

	@Test
	void anAddOnCardClickedAfterTheCutoffIsRefusedWithTheReason() throws Exception {
		Card card = card(OfferKind.ADD_ON);
		lock(owned);
		mvc.perform(post("/portal/widgets/add").param("key", card.key()).header("HX-Request", "true")
			.with(as(owned))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("already being packed")));
		mvc.perform(post("/portal/widgets/add").param("key", card.key()).param("back", "/portal")
			.with(as(owned))
			.with(csrf()))
			.andExpect(redirectedUrl("/portal"))
			.andExpect(flash().attribute("error", containsString("already being packed")));
		assertThat(jdbc.queryForObject("select count(*) from shipment_line l join shipment s on s.id = l.shipment_id "
				+ "where s.subscription_id = ?", Long.class, owned.subscriptionId())).isZero();
	}

	@Test
	void anUpgradeCardClickedAfterTheCutoffIsRefusedWithTheReason() throws Exception {
		jdbc.update("update subscription set plan_id = (select id from plan where sku = 'PLAN-TEA-3') where id = ?",
				owned.subscriptionId());
		Card upgrade = card(OfferKind.UPGRADE);
		lock(owned);

		mvc.perform(get("/portal/widgets/upgrade").param("key", upgrade.key()).header("HX-Request", "true")
			.with(as(owned)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("already being packed")));
		mvc.perform(post("/portal/widgets/upgrade").param("key", upgrade.key()).header("HX-Request", "true")
			.with(as(owned))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("already being packed")));
		mvc.perform(post("/portal/widgets/upgrade").param("key", upgrade.key()).with(as(owned)).with(csrf()))
			.andExpect(redirectedUrl("/portal"))
			.andExpect(flash().attribute("error", containsString("already being packed")));
		assertThat(jdbc.queryForObject("select p.sku from plan p join subscription s on s.plan_id = p.id where s.id = ?",
				String.class, owned.subscriptionId())).isEqualTo("PLAN-TEA-3");
	}

	private Card card(OfferKind kind) {
		return cards(Placement.DASHBOARD).stream()
			.filter(card -> card.kind() == kind)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " card for subscriber " + owned.subscriberId()));
	}

	/** The cards at a placement; asked again when a busy machine made the recommender miss its 200 ms. */
	private List<Card> cards(Placement placement) {
		List<Card> cards = List.of();
		for (int attempt = 1; attempt < 5 && cards.isEmpty(); attempt++) {
			cards = widgets.cards(owned.subscriberId(), placement);
		}
		return cards;
	}

	/** Moves the open box to tomorrow: past the 48-hour cutoff, being packed. */
	private void lock(Owned subscription) {
		jdbc.update("update shipment set ship_date = ? where subscription_id = ? and status = 'OPEN'",
				LocalDate.now().plusDays(1), subscription.subscriptionId());
		jdbc.update("update subscription set next_shipment_date = ? where id = ?", LocalDate.now().plusDays(1),
				subscription.subscriptionId());
	}

	private LocalDate shipDate(Owned subscription) {
		return jdbc.queryForObject("select ship_date from shipment where subscription_id = ? and status = 'OPEN'",
				LocalDate.class, subscription.subscriptionId());
	}

	private RequestPostProcessor as(Owned subscription) {
		return user(users.loadUserByUsername(subscription.email()));
	}

}
