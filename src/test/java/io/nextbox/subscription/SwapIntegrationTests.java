package io.nextbox.subscription;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.nextbox.ordering.OrderHistory;
import io.nextbox.ordering.OrderLineKind;
import io.nextbox.ordering.OrderPlaced;
import io.nextbox.ordering.PastOrder;
import io.nextbox.store.StoreSettings;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A swap through the service, as it ships and as the recommender and the store see it. Each test puts a fresh
 * subscription on the one-coffee filter plan (Ethiopia Guji, $15.50 a bag; the plan $15.00), one box a delivery.
 */
@NextboxIntegrationTest
@RecordApplicationEvents
class SwapIntegrationTests {

	private static final String STAFF = "merchant@nextbox.test";

	@Autowired
	private SubscriptionActions actions;

	@Autowired
	private SubscriptionService subscriptions;

	@Autowired
	private ShipmentProcessor processor;

	@Autowired
	private OrderHistory orders;

	@Autowired
	private StoreSettingsService settings;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private ApplicationEvents events;

	private Owned owned;

	private long guji;

	private long kenya;

	@BeforeEach
	void aSubscriptionOnTheFilterPlan() {
		owned = TestSubscriptions.freshActive(jdbc);
		jdbc.update("update subscription set plan_id = (select id from plan where sku = 'PLAN-FILTER-250'), quantity = 1 "
				+ "where id = ?", owned.subscriptionId());
		guji = product("COF-ETH-GUJI");
		kenya = product("COF-KEN-NYERI");
	}

	@Test
	void theBoxShipsTheSwappedCoffeeAtItsPriceAndSoDoTheBoxesAfterIt() throws Exception {
		actions.swap(owned.subscriberId(), owned.subscriptionId(), guji, kenya, seen(), subscriber());
		jdbc.update("update subscription set quantity = 2, version = version + 1 where id = ?", owned.subscriptionId());
		LocalDate due = LocalDate.now().minusDays(1);
		jdbc.update("update shipment set ship_date = ? where subscription_id = ? and status = 'OPEN'", due,
				owned.subscriptionId());
		jdbc.update("update subscription set next_shipment_date = ? where id = ?", due, owned.subscriptionId());

		processor.processDue(LocalDate.now());

		OrderPlaced placed = events.stream(OrderPlaced.class)
			.filter(event -> event.subscriptionId().equals(owned.subscriptionId()))
			.findFirst()
			.orElseThrow();
		assertThat(placed.lines()).anySatisfy(line -> {
			assertThat(line.kind()).isEqualTo(OrderLineKind.SWAP);
			assertThat(line.productId()).isEqualTo(kenya);
			assertThat(line.replacesProductId()).isEqualTo(guji);
			assertThat(line.quantity()).isEqualTo(2);
			assertThat(line.unitPrice()).isEqualByComparingTo("1.00");
		});
		assertThat(placed.total()).isEqualByComparingTo(new BigDecimal("32.00"));
		assertThat(jdbc.queryForObject("select total from orders where id = ?", BigDecimal.class, placed.orderId()))
			.isEqualByComparingTo("32.00");
		mvc.perform(get("/portal/orders").with(user(users.loadUserByUsername(owned.email()))))
			.andExpect(content().string(allOf(containsString("Kenya Nyeri AA 250 g"),
					containsString("(instead of Ethiopia Guji 250 g)"))));
		assertThat(subscriptions.details(owned.subscriberId(), owned.subscriptionId()).box())
			.singleElement()
			.satisfies(item -> assertThat(item.productId()).as("the next box keeps the swap").isEqualTo(kenya));
	}

	@Test
	void theRecommenderSeesTheSwappedCoffeeInTheBasket() {
		actions.swap(owned.subscriberId(), owned.subscriptionId(), guji, kenya, seen(), subscriber());

		SubscriberContext context = subscriptions.contextOf(owned.subscriberId(), owned.subscriptionId())
			.orElseThrow();
		assertThat(context.swappedIn()).containsExactly(kenya);
		assertThat(context.boxHolds(java.util.Set.of(guji), kenya)).isTrue();
		assertThat(context.boxHolds(java.util.Set.of(guji), guji)).isFalse();

		LocalDate due = LocalDate.now().minusDays(1);
		jdbc.update("update shipment set ship_date = ? where subscription_id = ? and status = 'OPEN'", due,
				owned.subscriptionId());
		processor.processDue(LocalDate.now());
		long orderId = jdbc.queryForObject("select max(id) from orders where subscription_id = ?", Long.class,
				owned.subscriptionId());
		List<PastOrder> learnt = orders.ordersAfter(orderId - 1, orderId, 1);
		assertThat(learnt).singleElement().satisfies(order -> {
			assertThat(order.swappedIn()).containsExactly(kenya);
			assertThat(order.swappedOut()).containsExactly(guji);
			assertThat(order.addOnProductIds()).doesNotContain(kenya);
		});
	}

	@Test
	void aNewPlanEndsTheSwapsOfTheOldOne() {
		actions.swap(owned.subscriberId(), owned.subscriptionId(), guji, kenya, seen(), subscriber());
		long bigger = jdbc.queryForObject("select id from plan where sku = 'PLAN-FILTER-500'", Long.class);
		actions.changePlan(owned.subscriberId(), owned.subscriptionId(), bigger, seen(), subscriber());
		assertThat(jdbc.queryForObject("select count(*) from subscription_swap where subscription_id = ?",
				Integer.class, owned.subscriptionId())).isZero();
	}

	@Test
	void aPausedSubscriptionSwapsFromItsFirstBoxAfterThePause() {
		actions.pause(owned.subscriberId(), owned.subscriptionId(), null, seen(), subscriber());
		Outcome outcome = actions.swap(owned.subscriberId(), owned.subscriptionId(), guji, kenya, seen(),
				subscriber());
		assertThat(outcome.code()).isEqualTo("outcome.swappedAfterPause");
	}

	@Test
	void storeStaffSwapForTheSubscriberEvenWithSwapsSwitchedOffInThePortal() throws Exception {
		StoreSettings before = settings.current();
		settings.update(before.withPortalActions(before.portalActions().withSwap(false)));
		try {
			String page = "/admin/subscribers/" + owned.subscriberId();
			var staff = user(users.loadUserByUsername(STAFF));
			mvc.perform(get(page).with(staff))
				.andExpect(content().string(allOf(containsString("Swap a product of the plan"),
						containsString("value=\"" + guji + ":" + kenya + "\""))));
			mvc.perform(post(page + "/subscriptions/" + owned.subscriptionId() + "/swap").with(staff).with(csrf())
				.param("version", String.valueOf(version()))
				.param("swap", guji + ":" + kenya))
				.andExpect(status().isFound())
				.andExpect(flash().attribute("message", containsString("comes instead of Ethiopia Guji 250 g")));
			assertThat(jdbc.queryForList("select actor from subscription_event where subscription_id = ? and kind = "
					+ "'SWAPPED' and by_store", String.class, owned.subscriptionId())).containsExactly(STAFF);
			assertThat(jdbc.queryForList("select actor from audit_entry where area = 'SUBSCRIBERS' and subject_id = ? "
					+ "and action = 'swapped'", String.class, owned.subscriberId())).containsExactly(STAFF);
			mvc.perform(post(page + "/subscriptions/" + owned.subscriptionId() + "/swap").with(staff).with(csrf())
				.param("version", String.valueOf(version()))
				.param("swap", "not-a-swap"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("class=\"field-error\"")));
		}
		finally {
			settings.update(before);
		}
	}

	private Seen seen() {
		return Seen.version(version());
	}

	private long version() {
		return jdbc.queryForObject("select version from subscription where id = ?", Long.class,
				owned.subscriptionId());
	}

	private Actor subscriber() {
		return Actor.subscriber(owned.email());
	}

	private long product(String sku) {
		return jdbc.queryForObject("select id from product where sku = ?", Long.class, sku);
	}

	@SuppressWarnings("unused")
	private Map<String, Object> row() {
		return jdbc.queryForMap("select * from subscription where id = ?", owned.subscriptionId());
	}

}
