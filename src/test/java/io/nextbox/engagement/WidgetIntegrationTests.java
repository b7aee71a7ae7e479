package io.nextbox.engagement;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.nextbox.offer.OfferEventBatches;
import io.nextbox.offer.OfferKind;
import io.nextbox.offer.Placement;
import io.nextbox.recommendation.RecommendationService;
import io.nextbox.store.Holdout;
import io.nextbox.store.StoreSettings;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.subscription.ShipmentProcessor;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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

/** The offer widgets end to end: cards, one-click add-ons exactly once, undo, dismiss, holdout, upgrades. */
@NextboxIntegrationTest
class WidgetIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private WidgetService widgets;

	@Autowired
	private CardKeys keys;

	@Autowired
	private OfferEventBatches batches;

	@Autowired
	private RecommendationService recommendations;

	@Autowired
	private StoreSettingsService settings;

	@Autowired
	private ShipmentProcessor processor;

	private Owned owned;

	@BeforeEach
	void aSubscriberOutsideTheHoldout() {
		if (!recommendations.isReady()) {
			recommendations.rebuild();
		}
		owned = freshOutsideTheHoldout();
	}

	private Owned freshOutsideTheHoldout() {
		Owned fresh;
		do {
			fresh = TestSubscriptions.freshActive(jdbc);
		}
		while (Holdout.isHeldOut(fresh.subscriberId(), settings.current().holdoutPercent()));
		return fresh;
	}

	@Test
	void theWidgetShowsCardsWithReasonsAndRecordsImpressions() throws Exception {
		mvc.perform(get("/portal/widgets/DASHBOARD").param("back", "/portal").header("HX-Request", "true").with(as()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("class=\"offer-card"), containsString("Add to next box"),
					containsString("class=\"offer-reason\""), not(containsString("<html")))));
		// showing cards writes nothing at once: the impressions follow within a second, in a batch
		assertThat(count("select count(*) from offer_claim where subscriber_id = ?")).isZero();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				count("select count(*) from offer_event where subscriber_id = ? and type = 'IMPRESSION'"))
			.isBetween(1L, 4L));
	}

	@Test
	void withoutJavaScriptTheOffersHaveAPageOfTheirOwn() throws Exception {
		mvc.perform(get("/portal/widgets/DASHBOARD").with(as()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html"), containsString("Picked for you"))));
	}

	@Test
	void oneClickAddsTheItemAtTheShownPriceAndUpdatesTheTotalElsewhereOnThePage() throws Exception {
		Card card = addOnCard();
		BigDecimal before = total();

		mvc.perform(post("/portal/widgets/add").param("key", card.key()).header("HX-Request", "true").with(as()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Added to your next box"), containsString("Undo"),
					containsString("id=\"next-total-" + owned.subscriptionId() + "\" hx-swap-oob=\"true\""))));

		assertThat(addOnLines()).isEqualTo(1);
		assertThat(total()).isEqualByComparingTo(before.add(card.price()));
		assertThat(jdbc.queryForObject("select unit_price from shipment_line l join shipment s on s.id = l.shipment_id "
				+ "where s.subscription_id = ?", BigDecimal.class, owned.subscriptionId()))
			.isEqualByComparingTo(card.price());
		assertThat(count("select count(*) from offer_event where subscriber_id = ? and type = 'ACCEPT'")).isEqualTo(1);
	}

	@Test
	void aPlainFormAddsAndGoesBackWithAMessage() throws Exception {
		Card card = addOnCard();
		mvc.perform(post("/portal/widgets/add").param("key", card.key()).param("back", "/portal").with(as()).with(csrf()))
			.andExpect(redirectedUrl("/portal"))
			.andExpect(flash().attribute("message", containsString("is in your next box")));
		mvc.perform(post("/portal/widgets/add").param("key", card.key()).param("back", "https://evil.example")
			.with(as())
			.with(csrf())).andExpect(redirectedUrl("/portal"));
		assertThat(addOnLines()).isEqualTo(1);
	}

	@Test
	void aReplayAnswersTheSameAndAddsNothing() throws Exception {
		Card card = addOnCard();
		for (int i = 0; i < 3; i++) {
			mvc.perform(post("/portal/widgets/add").param("key", card.key()).header("HX-Request", "true").with(as())
				.with(csrf())).andExpect(status().isOk()).andExpect(content().string(containsString("Added to your next box")));
		}
		assertThat(addOnLines()).isEqualTo(1);
	}

	@Test
	void fiftyConcurrentClicksAddOneLine() throws Exception {
		Card card = addOnCard();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<BoxUpdate>> clicks = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			Callable<BoxUpdate> click = () -> {
				start.await();
				return widgets.accept(owned.subscriberId(), card.key());
			};
			clicks.add(pool.submit(click));
		}
		start.countDown();
		for (Future<BoxUpdate> click : clicks) {
			assertThat(click.get().card().added()).isTrue();
		}
		pool.shutdown();
		assertThat(addOnLines()).isEqualTo(1);
		assertThat(count("select count(*) from offer_event where subscriber_id = ? and type = 'ACCEPT'")).isEqualTo(1);
	}

	@Test
	void anotherSubscribersKeyOrAMadeUpOneIsRefusedWithAMessage() throws Exception {
		Card card = addOnCard();
		Owned other = TestSubscriptions.freshActive(jdbc);
		RequestPostProcessor intruder = user(users.loadUserByUsername(other.email()));
		// a card shown to someone else is refused with a message, as an altered one is
		mvc.perform(post("/portal/widgets/add").param("key", card.key()).header("HX-Request", "true").with(intruder)
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("not valid here")));
		mvc.perform(post("/portal/widgets/undo").param("key", card.key()).header("HX-Request", "true").with(intruder)
			.with(csrf()))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/portal/widgets/dismiss").param("key", card.key()).with(intruder).with(csrf()))
			.andExpect(redirectedUrl("/portal"))
			.andExpect(flash().attribute("error", containsString("not valid here")));
		// a made-up or mangled key (a form posted twice with its key cut short) gets the same message, not a 404
		for (String madeUp : List.of("made-up", card.key().substring(0, 30))) {
			mvc.perform(post("/portal/widgets/add").param("key", madeUp).header("HX-Request", "true").with(as())
				.with(csrf()))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("not valid here")));
			mvc.perform(post("/portal/widgets/add").param("key", madeUp).param("back", "/portal").with(as())
				.with(csrf()))
				.andExpect(redirectedUrl("/portal"))
				.andExpect(flash().attribute("error", containsString("not valid here")));
		}
		assertThat(addOnLines()).isZero();
		assertThat(count("select count(*) from offer_claim where subscriber_id = ?")).isZero();
		assertThat(widgets.accept(owned.subscriberId(), card.key()).card().added()).isTrue();
	}

	@Test
	void thePriceIsLockedAtThePriceShown() throws Exception {
		Card card = addOnCard();
		long productId = keys.read(card.key()).orElseThrow().productId();
		jdbc.update("update product set price = price + 10 where id = ?", productId);
		try {
			widgets.accept(owned.subscriberId(), card.key());
			assertThat(jdbc.queryForObject("select unit_price from shipment_line where claim_key = ?", BigDecimal.class,
					widgets.claimKeyOf(card.key())))
				.isEqualByComparingTo(card.price());
		}
		finally {
			jdbc.update("update product set price = price - 10 where id = ?", productId);
		}
	}

	@Test
	void anOfferEndedAfterTheCardWasShownIsRefusedAndAddsNothing() throws Exception {
		Card card = addOnCard();
		long offerId = keys.read(card.key()).orElseThrow().offerId();
		jdbc.update("update offer set status = 'PAUSED' where id = ?", offerId);
		try {
			mvc.perform(post("/portal/widgets/add").param("key", card.key()).header("HX-Request", "true").with(as())
				.with(csrf()))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("just ended")));
			assertThat(addOnLines()).isZero();
		}
		finally {
			jdbc.update("update offer set status = 'ACTIVE' where id = ?", offerId);
		}
	}

	@Test
	void undoTakesTheItemOutUntilTheCutoff() throws Exception {
		Card card = addOnCard();
		BigDecimal before = total();
		widgets.accept(owned.subscriberId(), card.key());

		mvc.perform(post("/portal/widgets/undo").param("key", card.key()).header("HX-Request", "true").with(as())
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Add to next box"), not(containsString(card.key())))));

		assertThat(addOnLines()).isZero();
		assertThat(total()).isEqualByComparingTo(before);
		assertThat(count("select count(*) from offer_event where subscriber_id = ? and type = 'UNDO'")).isEqualTo(1);
	}

	@Test
	void theCancelFlowOffersOnlyADiscountForStayingAndSaysPlainlyWhatItIs() throws Exception {
		String widget = mvc.perform(get("/portal/widgets/CANCEL_FLOW")
			.param("back", "/portal/subscriptions/" + owned.subscriptionId() + "/cancel")
			.header("HX-Request", "true")
			.with(as()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(widget).contains("Stay and get Oat Biscuits free in your next box")
			.doesNotContain("class=\"offer-reason\"");
		assertThat(widget.split("class=\"offer-card", -1).length - 1)
			.isEqualTo(widget.split("Stay and get ", -1).length - 1);
	}

	@Test
	void aCardBroughtBackByUndoKeepsItsReasonLine() throws Exception {
		Card card = addOnCards().stream()
			.filter(candidate -> candidate.reason() != null)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no add-on card with a reason"));
		String reasonLine = "<p class=\"offer-reason\">" + org.springframework.web.util.HtmlUtils.htmlEscape(card.reason())
				+ "</p>";
		mvc.perform(post("/portal/widgets/add").param("key", card.key()).header("HX-Request", "true").with(as())
			.with(csrf()))
			.andExpect(status().isOk());

		mvc.perform(post("/portal/widgets/undo").param("key", card.key()).header("HX-Request", "true").with(as())
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Add to next box"), containsString(reasonLine))));
	}

	@Test
	void aOneClickAddOnTravelsWithASkipAndBackWithTheUnskipAndCanStillBeUndone() throws Exception {
		Card card = addOnCard();
		widgets.accept(owned.subscriberId(), card.key());
		LocalDate skipped = nextDate();

		subscriptionAction("skip", "shipDate", skipped.toString()).andExpect(status().isFound());
		assertThat(nextDate()).isAfter(skipped);
		assertThat(addOnLines()).as("the add-on moved to the box after the skipped one").isEqualTo(1);

		subscriptionAction("unskip").andExpect(status().isFound());
		assertThat(nextDate()).isEqualTo(skipped);
		assertThat(addOnLines()).as("and came back with the unskipped box").isEqualTo(1);

		subscriptionAction("skip", "shipDate", skipped.toString()).andExpect(status().isFound());
		mvc.perform(post("/portal/widgets/undo").param("key", card.key()).with(as()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attributeExists("message"));
		assertThat(addOnLines()).isZero();
		assertThat(count("select count(*) from offer_event where subscriber_id = ? and type = 'UNDO'")).isEqualTo(1);
	}

	@Test
	void afterTheCutoffNothingIsAddedOrUndone() throws Exception {
		Card card = addOnCard();
		Card second = addOnCards().get(1);
		widgets.accept(owned.subscriberId(), card.key());
		jdbc.update("update shipment set ship_date = ? where subscription_id = ? and status = 'OPEN'",
				LocalDate.now().plusDays(1), owned.subscriptionId());

		mvc.perform(post("/portal/widgets/undo").param("key", card.key()).header("HX-Request", "true").with(as())
			.with(csrf())).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("already being packed")));
		mvc.perform(post("/portal/widgets/add").param("key", second.key()).header("HX-Request", "true").with(as())
			.with(csrf())).andExpect(status().isUnprocessableContent());
		assertThat(addOnLines()).isEqualTo(1);
	}

	@Test
	void aDismissedOfferGoesAndStaysAway() throws Exception {
		Card card = addOnCard();
		long offerId = keys.read(card.key()).orElseThrow().offerId();
		mvc.perform(post("/portal/widgets/dismiss").param("key", card.key()).header("HX-Request", "true").with(as())
			.with(csrf())).andExpect(status().isOk());
		assertThat(count("select count(*) from offer_event where subscriber_id = ? and type = 'DISMISS'")).isEqualTo(1);
		assertThat(widgets.cards(owned.subscriberId(), Placement.DASHBOARD)).extracting(Card::title)
			.doesNotContain(card.title());
		assertThat(recommendations.recommend(owned.subscriberId(), Placement.DASHBOARD, 10))
			.noneMatch(pick -> pick.offerId() == offerId);
	}

	@Test
	void theHoldoutGroupSeesNoWidgetButItsImpressionsAreCounted() {
		StoreSettings original = settings.current();
		try {
			settings.update(new StoreSettings(original.storeName(), original.currency(), original.cutoffHours(),
					original.rescheduleWindowDays(), original.minQuantity(), original.maxQuantity(), 50,
					original.portalActions()));
			long heldOut = jdbc.queryForList("select subscriber_id from subscription where status = 'ACTIVE' "
					+ "and next_shipment_date >= ?", Long.class, LocalDate.now().plusDays(5))
				.stream()
				.filter(id -> Holdout.isHeldOut(id, 50))
				.findFirst()
				.orElseThrow();
			assertThat(widgets.cards(heldOut, Placement.DASHBOARD)).isEmpty();
			batches.flush();
			assertThat(jdbc.queryForObject("select count(*) from offer_event where subscriber_id = ? and holdout = true",
					Long.class, heldOut))
				.isPositive();
		}
		finally {
			settings.update(original);
		}
	}

	@Test
	void anAcceptedAddOnIsMarkedShippedWhenItsBoxShips() {
		Card card = addOnCard();
		widgets.accept(owned.subscriberId(), card.key());
		jdbc.update("update shipment set ship_date = ? where subscription_id = ? and status = 'OPEN'", LocalDate.now(),
				owned.subscriptionId());
		processor.processDue(LocalDate.now());
		// recorded by a listener after the order's transaction
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				count("select count(*) from offer_event where subscriber_id = ? and type = 'SHIPPED'")).isEqualTo(1));
	}

	@Test
	void anUpgradeStatesThePriceDifferenceThenAppliesAfterOneConfirmation() throws Exception {
		Owned onTier1 = freshOutsideTheHoldout();
		jdbc.update("update subscription set plan_id = (select id from plan where sku = 'PLAN-TEA-3'), quantity = 1 "
				+ "where id = ?", onTier1.subscriptionId());
		owned = onTier1;
		Card upgrade = widgets.cards(onTier1.subscriberId(), Placement.DASHBOARD)
			.stream()
			.filter(card -> card.kind() == OfferKind.UPGRADE)
			.findFirst()
			.orElseThrow();
		assertThat(upgrade.difference()).isEqualByComparingTo("10.00");

		mvc.perform(get("/portal/widgets/upgrade").param("key", upgrade.key()).header("HX-Request", "true").with(as()))
			.andExpect(content().string(allOf(containsString("$10.00 more per delivery"), containsString("Confirm change"))));
		assertThat(planSku()).isEqualTo("PLAN-TEA-3");
		mvc.perform(post("/portal/widgets/upgrade").param("key", upgrade.key()).with(as()).with(csrf()))
			.andExpect(redirectedUrl("/portal"));
		assertThat(planSku()).isEqualTo("PLAN-TEA-5");
	}

	@Test
	void aSubscriptionThatSawOffersCanStillBeCancelled() throws Exception {
		addOnCard();
		long version = jdbc.queryForObject("select version from subscription where id = ?", Long.class,
				owned.subscriptionId());
		mvc.perform(post("/portal/subscriptions/" + owned.subscriptionId() + "/cancel").param("reason", "MOVING")
			.param("version", String.valueOf(version))
			.with(as())
			.with(csrf())).andExpect(status().isFound());
		assertThat(jdbc.queryForObject("select status from subscription where id = ?", String.class,
				owned.subscriptionId()))
			.isEqualTo("CANCELLED");
	}

	@Test
	void theCancelFlowOffersAnAlternativeFittingTheReason() throws Exception {
		String base = "/portal/subscriptions/" + owned.subscriptionId() + "/cancel";
		jdbc.update("update subscription set interval_count = 2, interval_unit = 'WEEK' where id = ?",
				owned.subscriptionId());
		mvc.perform(get(base + "/save").param("reason", "TOO_MUCH_PRODUCT").header("HX-Request", "true").with(as()))
			.andExpect(content().string(allOf(containsString("Skip the next box"), containsString("Space out"))));
		mvc.perform(get(base + "/save").param("reason", "MOVING").header("HX-Request", "true").with(as()))
			.andExpect(content().string(containsString("Pause instead")));
		mvc.perform(get(base).param("reason", "TOO_EXPENSIVE").with(as()))
			.andExpect(content().string(allOf(containsString("Before you go"), containsString("Cancel subscription"),
					containsString("/portal/widgets/CANCEL_FLOW"))));
	}

	@Test
	void theNewestOrderLeadsToItsPostPurchasePage() throws Exception {
		String newest = jdbc.queryForObject("select order_number from orders where subscriber_id = ? "
				+ "order by ordered_at desc, id desc limit 1", String.class, owned.subscriberId());
		mvc.perform(get("/portal/orders").with(as()))
			.andExpect(content().string(containsString("/portal/orders/" + newest)));
		mvc.perform(get("/portal/orders/" + newest).with(as()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("class=\"badge order-stage"),
					containsString("/portal/widgets/POST_PURCHASE"))));
		Owned other = TestSubscriptions.freshActive(jdbc);
		mvc.perform(get("/portal/orders/" + newest).with(user(users.loadUserByUsername(other.email()))))
			.andExpect(status().isNotFound());
	}

	@Test
	void theSameCardShownInTwoTabsAddsOneLineAndBothClicksSucceed() throws Exception {
		Card first = addOnCard();
		Card secondTab = addOnCards().stream().filter(card -> card.title().equals(first.title())).findFirst().orElseThrow();
		assertThat(secondTab.key()).isNotEqualTo(first.key());
		for (Card card : List.of(first, secondTab)) {
			mvc.perform(post("/portal/widgets/add").param("key", card.key()).header("HX-Request", "true").with(as())
				.with(csrf())).andExpect(status().isOk()).andExpect(content().string(containsString("Added to your next box")));
		}
		assertThat(addOnLines()).isEqualTo(1);
		assertThat(count("select count(*) from offer_claim where subscriber_id = ?")).isEqualTo(1);
	}

	@Test
	void anAlteredOrExpiredCardIsRefusedWithAMessageAndAddsNothing() throws Exception {
		Card card = addOnCard();
		CardKeys.Facts facts = keys.read(card.key()).orElseThrow();
		String cheaper = keys.sign(new CardKeys.Facts(facts.subscriberId(), facts.subscriptionId(), facts.shipmentId(),
				facts.boxDate(), facts.offerId(), facts.placement(), facts.kind(), facts.productId(),
				facts.targetPlanId(), BigDecimal.ZERO, facts.shownAt(), facts.reason()));
		String altered = cheaper.substring(0, cheaper.length() - 27) + card.key().substring(card.key().length() - 27);
		mvc.perform(post("/portal/widgets/add").param("key", altered).header("HX-Request", "true").with(as())
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("not valid here")));
		mvc.perform(post("/portal/widgets/add").param("key", altered).param("back", "/portal").with(as()).with(csrf()))
			.andExpect(redirectedUrl("/portal"))
			.andExpect(flash().attribute("error", containsString("not valid here")));
		String old = keys.sign(facts.shownAgain(facts.shownAt().minus(Duration.ofDays(4))));
		mvc.perform(post("/portal/widgets/add").param("key", old).header("HX-Request", "true").with(as())
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("shown too long ago")));
		assertThat(addOnLines()).isZero();
	}

	@Test
	void notForMeOnAnAlteredOrExpiredCardIsRefusedWithAMessageAndRecordsNothing() throws Exception {
		Card card = addOnCard();
		CardKeys.Facts facts = keys.read(card.key()).orElseThrow();
		String old = keys.sign(facts.shownAgain(facts.shownAt().minus(Duration.ofDays(4))));
		mvc.perform(post("/portal/widgets/dismiss").param("key", old).header("HX-Request", "true").with(as())
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("shown too long ago")));
		String altered = card.key().substring(0, card.key().length() - 2)
				+ (card.key().endsWith("AA") ? "BB" : "AA");
		mvc.perform(post("/portal/widgets/dismiss").param("key", altered).param("back", "/portal").with(as())
			.with(csrf()))
			.andExpect(redirectedUrl("/portal"))
			.andExpect(flash().attribute("error", containsString("not valid here")));
		assertThat(count("select count(*) from offer_event where subscriber_id = ? and type = 'DISMISS'")).isZero();

		mvc.perform(post("/portal/widgets/dismiss").param("key", card.key()).header("HX-Request", "true").with(as())
			.with(csrf())).andExpect(status().isOk());
		assertThat(count("select count(*) from offer_event where subscriber_id = ? and type = 'DISMISS'")).isEqualTo(1);
	}

	@Test
	void anUndoneAddOnCanBeAddedAgainFromTheCardUndoBroughtBack() throws Exception {
		Card card = addOnCard();
		widgets.accept(owned.subscriberId(), card.key());
		BoxUpdate undone = widgets.undo(owned.subscriberId(), card.key());
		assertThat(addOnLines()).isZero();
		assertThat(widgets.accept(owned.subscriberId(), undone.card().key()).card().added()).isTrue();
		assertThat(widgets.accept(owned.subscriberId(), undone.card().key()).card().added()).isTrue();
		assertThat(addOnLines()).isEqualTo(1);
		assertThat(count("select count(*) from offer_event where subscriber_id = ? and type = 'ACCEPT'")).isEqualTo(2);
	}

	@Test
	void impressionsWaitingWhenTheApplicationStopsAreWritten() {
		batches.recordSoon(List.of(new io.nextbox.offer.OfferEvent(
				jdbc.queryForObject("select min(id) from offer", Long.class), owned.subscriberId(),
				owned.subscriptionId(), null, Placement.DASHBOARD, io.nextbox.offer.OfferEventType.IMPRESSION,
				BigDecimal.ONE, false, java.time.Instant.now())));
		// what Spring does on a normal shutdown (SIGTERM, the end of the run): the lifecycle's stop writes them
		batches.stop();
		try {
			assertThat(batches.waiting()).isZero();
			assertThat(count("select count(*) from offer_event where subscriber_id = ? and type = 'IMPRESSION'"))
				.isEqualTo(1);
		}
		finally {
			batches.start();
		}
	}

	private Card addOnCard() {
		return addOnCards().get(0);
	}

	private List<Card> addOnCards() {
		List<Card> cards = widgets.cards(owned.subscriberId(), Placement.DASHBOARD)
			.stream()
			.filter(card -> card.kind() == OfferKind.ADD_ON)
			.toList();
		assertThat(cards).as("add-on cards for subscriber %d", owned.subscriberId()).hasSizeGreaterThanOrEqualTo(2);
		return cards;
	}

	/** A self-service action as the subscription page posts it, naming the version it acts on. */
	private ResultActions subscriptionAction(String action, String... params) throws Exception {
		MockHttpServletRequestBuilder request = post("/portal/subscriptions/" + owned.subscriptionId() + "/" + action)
			.param("version", String.valueOf(jdbc.queryForObject("select version from subscription where id = ?",
					Long.class, owned.subscriptionId())))
			.with(as())
			.with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request);
	}

	private LocalDate nextDate() {
		return jdbc.queryForObject("select next_shipment_date from subscription where id = ?", LocalDate.class,
				owned.subscriptionId());
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

	private String planSku() {
		return jdbc.queryForObject("select p.sku from plan p join subscription s on s.plan_id = p.id where s.id = ?",
				String.class, owned.subscriptionId());
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class, owned.subscriberId());
	}


}
