package io.nextbox.engagement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
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
 * Add-ons stay under the subscriber's control until the cutoff: an add-on a card put into the box is listed on the
 * next-box page with Remove (and a quantity), after any reload; removing it there frees the card's claim, records
 * the undo, and lets the item be offered again; a second Remove changes nothing and answers the same.
 */
@NextboxIntegrationTest
class NextBoxAddOnsIntegrationTests {

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

	@Test
	void anAddedAddOnIsListedWithRemoveOnTheNextBoxPageAfterAReload() throws Exception {
		Card card = addOnCard();
		widgets.accept(owned.subscriberId(), card.key());
		long line = lineOf(card);

		mvc.perform(get(page()).with(as()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(card.title()), containsString("id=\"line-" + line + "\""),
					containsString("action=\"" + page() + "/lines/" + line + "/remove\""), containsString(">Remove<"),
					containsString("name=\"quantity\""))));
	}

	@Test
	void removingFromTheNextBoxPageRecordsUndoFreesTheClaimAndTheItemCanBeOfferedAgain() throws Exception {
		Card card = addOnCard();
		widgets.accept(owned.subscriberId(), card.key());
		long offerId = jdbc.queryForObject("select offer_id from offer_claim where claim_key = ?", Long.class,
				widgets.claimKeyOf(card.key()));
		assertThat(filterOf(offerId)).isEqualTo("in-next-box");

		mvc.perform(post(page() + "/lines/" + lineOf(card) + "/remove").with(as()).with(csrf()))
			.andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("message", containsString(card.title() + " is out of your box of")));

		assertThat(addOnLines()).isZero();
		assertThat(claimStatus(card)).isEqualTo("UNDONE");
		assertThat(count("select count(*) from offer_event where subscriber_id = ? and type = 'UNDO'")).isEqualTo(1);
		assertThat(filterOf(offerId)).isEqualTo("shown");
		mvc.perform(get(page()).with(as()))
			.andExpect(content().string(containsString("No add-ons in this box yet.")));
		mvc.perform(get("/portal/subscriptions/" + owned.subscriptionId()).with(as()))
			.andExpect(content().string(containsString("Took " + card.title() + " out of the box of")));
	}

	@Test
	void aSecondRemoveChangesNothingAndAnswersAsTheFirstDid() throws Exception {
		Card card = addOnCard();
		widgets.accept(owned.subscriberId(), card.key());
		String remove = page() + "/lines/" + lineOf(card) + "/remove";

		MvcResult first = mvc.perform(post(remove).with(as()).with(csrf())).andReturn();
		MvcResult second = mvc.perform(post(remove).with(as()).with(csrf())).andReturn();
		assertThat(second.getResponse().getStatus()).isEqualTo(first.getResponse().getStatus()).isEqualTo(302);
		assertThat(second.getResponse().getRedirectedUrl()).isEqualTo(first.getResponse().getRedirectedUrl());
		assertThat(second.getFlashMap().get("message")).isEqualTo(first.getFlashMap().get("message"));

		mvc.perform(post(remove).header("HX-Request", "true").with(as()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"next-box\""),
					containsString((String) first.getFlashMap().get("message")), not(containsString("<html")))));
		assertThat(count("select count(*) from offer_event where subscriber_id = ? and type = 'UNDO'")).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from subscription_event where subscription_id = ? "
				+ "and kind = 'ADD_ON_REMOVED'", Long.class, owned.subscriptionId())).isEqualTo(1);
	}

	@Test
	void tenConcurrentRemovesOfOneLineAllAnswerTheSameAndUndoOnce() throws Exception {
		Card card = addOnCard();
		widgets.accept(owned.subscriberId(), card.key());
		String remove = page() + "/lines/" + lineOf(card) + "/remove";
		ExecutorService pool = Executors.newFixedThreadPool(10);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MockHttpServletResponse>> clicks = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			clicks.add(pool.submit(() -> {
				start.await();
				return mvc.perform(post(remove).header("HX-Request", "true").with(as()).with(csrf()))
					.andReturn()
					.getResponse();
			}));
		}
		start.countDown();
		for (Future<MockHttpServletResponse> click : clicks) {
			MockHttpServletResponse response = click.get();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).contains(card.title() + " is out of your box of");
		}
		pool.shutdown();
		assertThat(addOnLines()).isZero();
		assertThat(claimStatus(card)).isEqualTo("UNDONE");
		assertThat(count("select count(*) from offer_event where subscriber_id = ? and type = 'UNDO'")).isEqualTo(1);
	}

	@Test
	void htmxRemovesTheLineAndAnswersWithTheBoxAlone() throws Exception {
		Card card = addOnCard();
		widgets.accept(owned.subscriberId(), card.key());
		BigDecimal before = total();

		mvc.perform(post(page() + "/lines/" + lineOf(card) + "/remove").header("HX-Request", "true").with(as())
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"next-box\""), containsString("is out of your box"),
					not(containsString("id=\"line-")), not(containsString("<html")))));
		assertThat(total()).isEqualByComparingTo(before.subtract(card.price()));
	}

	@Test
	void afterTheCutoffRemoveIsNotOfferedAndIsRefusedWithAMessage() throws Exception {
		Card card = addOnCard();
		widgets.accept(owned.subscriberId(), card.key());
		long line = lineOf(card);
		jdbc.update("update shipment set ship_date = ? where subscription_id = ? and status = 'OPEN'",
				LocalDate.now().plusDays(1), owned.subscriptionId());

		mvc.perform(get(page()).with(as()))
			.andExpect(content().string(allOf(containsString(card.title()), not(containsString("/remove\"")),
					containsString("this box is being packed"))));
		mvc.perform(post(page() + "/lines/" + line + "/remove").with(as()).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("already being packed")));
		mvc.perform(post(page() + "/lines/" + line + "/quantity").param("quantity", "2").with(as()).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		assertThat(addOnLines()).isEqualTo(1);
		assertThat(claimStatus(card)).isEqualTo("ACCEPTED");
	}

	@Test
	void anotherSubscribersLineCannotBeRemoved() throws Exception {
		Card card = addOnCard();
		widgets.accept(owned.subscriberId(), card.key());
		long line = lineOf(card);
		Owned other = TestSubscriptions.freshActive(jdbc);
		RequestPostProcessor intruder = user(users.loadUserByUsername(other.email()));

		mvc.perform(post(page() + "/lines/" + line + "/remove").with(intruder).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/portal/subscriptions/" + other.subscriptionId() + "/shipment/lines/" + line + "/remove")
			.with(intruder)
			.with(csrf())).andExpect(status().isUnprocessableContent());
		assertThat(addOnLines()).isEqualTo(1);
	}

	@Test
	void theQuantityOfAnAddOnChangesWithinTheStoresLimitsAtTheLockedPrice() throws Exception {
		Card card = addOnCard();
		widgets.accept(owned.subscriberId(), card.key());
		long line = lineOf(card);
		BigDecimal before = total();
		String quantity = page() + "/lines/" + line + "/quantity";

		mvc.perform(post(quantity).param("quantity", "3").with(as()).with(csrf()))
			.andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("message", "You now get 3 of " + card.title() + " in this box."));
		mvc.perform(post(quantity).param("quantity", "3").with(as()).with(csrf()))
			.andExpect(flash().attribute("message", "You now get 3 of " + card.title() + " in this box."));
		assertThat(total()).isEqualByComparingTo(before.add(card.price().multiply(BigDecimal.valueOf(2))));

		for (String bad : new String[] { "0", "11", "-1", "abc", "" }) {
			mvc.perform(post(quantity).param("quantity", bad).with(as()).with(csrf()))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("class=\"alert alert-error\"")));
		}
		assertThat(jdbc.queryForObject("select quantity from shipment_line where id = ?", Integer.class, line))
			.isEqualTo(3);
	}

	/** An add-on card; asked again when a busy machine made the recommender miss its 200 ms. */
	private Card addOnCard() {
		for (int attempt = 1; attempt < 5; attempt++) {
			var card = widgets.cards(owned.subscriberId(), Placement.DASHBOARD)
				.stream()
				.filter(candidate -> candidate.kind() == OfferKind.ADD_ON)
				.findFirst();
			if (card.isPresent()) {
				return card.get();
			}
		}
		throw new AssertionError("no add-on card for subscriber " + owned.subscriberId());
	}

	private String filterOf(long offerId) {
		return recommendations.explain(owned.subscriberId(), Placement.DASHBOARD)
			.stream()
			.filter(ranked -> ranked.offer().id() == offerId)
			.findFirst()
			.map(ranked -> ranked.shown() ? "shown" : ranked.filteredBy())
			.orElse("not live");
	}

	private String page() {
		return "/portal/subscriptions/" + owned.subscriptionId() + "/shipment";
	}

	private long lineOf(Card card) {
		return jdbc.queryForObject("select shipment_line_id from offer_claim where claim_key = ?", Long.class,
				widgets.claimKeyOf(card.key()));
	}

	private String claimStatus(Card card) {
		return jdbc.queryForObject("select status from offer_claim where claim_key = ?", String.class,
				widgets.claimKeyOf(card.key()));
	}

	private RequestPostProcessor as() {
		return user(users.loadUserByUsername(owned.email()));
	}

	private long addOnLines() {
		return jdbc.queryForObject("select count(*) from shipment_line l join shipment s on s.id = l.shipment_id "
				+ "where s.subscription_id = ? and s.status = 'OPEN'", Long.class, owned.subscriptionId());
	}

	private BigDecimal total() {
		return jdbc.queryForObject("""
				select p.price * s.quantity + coalesce((select sum(l.unit_price * l.quantity) from shipment_line l
				  join shipment sh on sh.id = l.shipment_id where sh.subscription_id = s.id and sh.status = 'OPEN'), 0)
				from subscription s join plan p on p.id = s.plan_id where s.id = ?""", BigDecimal.class,
				owned.subscriptionId());
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class, owned.subscriberId());
	}

}
