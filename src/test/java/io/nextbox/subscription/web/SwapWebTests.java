package io.nextbox.subscription.web;

import java.math.BigDecimal;
import java.time.LocalDate;

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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
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
 * Swapping a product of the plan through the portal: the pages, the rules, a repeat of the same request. Each test
 * puts a fresh subscription on the one-coffee filter plan (Ethiopia Guji, $15.50), one box a delivery.
 */
@NextboxIntegrationTest
class SwapWebTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private StoreSettingsService settings;

	private Owned owned;

	private long guji;

	private long kenya;

	private long brazil;

	@BeforeEach
	void aSubscriptionOnTheFilterPlan() {
		owned = TestSubscriptions.freshActive(jdbc);
		jdbc.update("update subscription set plan_id = (select id from plan where sku = 'PLAN-FILTER-250'), quantity = 1 "
				+ "where id = ?", owned.subscriptionId());
		guji = product("COF-ETH-GUJI");
		kenya = product("COF-KEN-NYERI");
		brazil = product("COF-BRA-CERRADO");
	}

	@Test
	void theSubscriptionPageOffersASwapForTheCoffeeOfItsPlan() throws Exception {
		mvc.perform(get(base()).with(subscriber()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("In each box"), containsString("Ethiopia Guji"),
					containsString("href=\"" + base() + "/swap/" + guji + "\""))));
	}

	@Test
	void theSwapPageListsCoffeesWithWhatEachAddsOrTakesOffABox() throws Exception {
		mvc.perform(get(swapPath()).with(subscriber()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Swap Ethiopia Guji 250 g</h1>"),
					containsString("Kenya Nyeri AA"), containsString("+$1.00 per box"),
					containsString("Brazil Cerrado"), containsString("\u2212$3.00 per box"),
					not(containsString("Assam Breakfast")))));
	}

	@Test
	void theConfirmStepSaysFromWhichBoxTheSwapApplies() throws Exception {
		LocalDate box = nextDate();
		String date = box.format(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.ENGLISH));
		mvc.perform(get(swapPath() + "/confirm").param("to", String.valueOf(kenya)).with(subscriber()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Swap Ethiopia Guji 250 g for Kenya Nyeri AA 250 g?"),
					containsString("applies from your box of " + date), containsString("+$1.00 per box"))));
		mvc.perform(get(swapPath() + "/confirm").param("to", String.valueOf(kenya)).header("HX-Request", "true")
			.with(subscriber()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("swap-review"), not(containsString("<html")))));
		mvc.perform(get(swapPath() + "/confirm").param("to", "tea").with(subscriber()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose a product of the list.")));
		assertThat(swappedTo()).isNull();
	}

	@Test
	void aSwapChangesEveryBoxFromTheNextAndIsInTheTimeline() throws Exception {
		BigDecimal before = boxTotal();
		swap(kenya, version()).andExpect(status().isFound())
			.andExpect(redirectedUrl(base()))
			.andExpect(flash().attribute("message", containsString("Kenya Nyeri AA 250 g comes instead of Ethiopia Guji 250 g")));

		assertThat(swappedTo()).isEqualTo(kenya);
		mvc.perform(get(base()).with(subscriber()))
			.andExpect(content().string(allOf(containsString("instead of Ethiopia Guji 250 g"),
					containsString("Swapped Ethiopia Guji 250 g for Kenya Nyeri AA 250 g"))));
		mvc.perform(get(base() + "/shipment").with(subscriber()))
			.andExpect(content().string(allOf(containsString("Kenya Nyeri AA 250 g instead of Ethiopia Guji 250 g"),
					containsString("$1.00"))));
		assertThat(boxTotal()).isEqualByComparingTo(before.add(BigDecimal.ONE));
		assertThat(jdbc.queryForObject("select actor from subscription_event where subscription_id = ? and kind = 'SWAPPED'",
				String.class, owned.subscriptionId())).isEqualTo(owned.email());
	}

	@Test
	void aDoubleClickOrASecondTabSwapsOnceAndAnswersTheSame() throws Exception {
		long version = version();
		swap(kenya, version).andExpect(status().isFound());
		swap(kenya, version).andExpect(status().isFound())
			.andExpect(redirectedUrl(base()))
			.andExpect(flash().attribute("message", containsString("Kenya Nyeri AA 250 g comes instead of Ethiopia Guji 250 g")));
		assertThat(timelineCount("SWAPPED")).isEqualTo(1);
		assertThat(swappedTo()).isEqualTo(kenya);

		swap(brazil, version).andExpect(status().isConflict())
			.andExpect(content().string(containsString("changed a moment ago")));
		assertThat(swappedTo()).isEqualTo(kenya);
	}

	@Test
	void swappingBackToThePlansCoffeeUndoesTheSwap() throws Exception {
		swap(kenya, version()).andExpect(status().isFound());
		mvc.perform(get(swapPath()).with(subscriber()))
			.andExpect(content().string(allOf(containsString("Swap Kenya Nyeri AA 250 g"),
					containsString("The plan&#39;s own: swap back"), containsString("\u2212$1.00 per box"))));
		swap(guji, version()).andExpect(status().isFound())
			.andExpect(flash().attribute("message", containsString("Ethiopia Guji 250 g comes instead of Kenya Nyeri AA 250 g")));
		assertThat(swappedTo()).isNull();
		assertThat(timelineCount("SWAPPED_BACK")).isEqualTo(1);
	}

	@Test
	void anotherKindOfProductIsRefusedAndNothingChanges() throws Exception {
		swap(product("TEA-ASSAM"), version()).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose a product of the same kind as Ethiopia Guji 250 g.")));
		swap(null, version()).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose a product.")));
		mvc.perform(post(swapPath()).with(subscriber()).with(csrf()).param("version", String.valueOf(version()))
			.param("to", "nonsense")).andExpect(status().isUnprocessableContent());
		assertThat(swappedTo()).isNull();
	}

	@Test
	void aCoffeeOutOfStockOrRetiredIsNotOfferedAndRefused() throws Exception {
		long soldOut = extraCoffee("COF-TEST-SOLD-OUT", "Sold Out Test Coffee", false, false);
		long retired = extraCoffee("COF-TEST-RETIRED", "Retired Test Coffee", true, true);
		mvc.perform(get(swapPath()).with(subscriber()))
			.andExpect(content().string(allOf(not(containsString("Sold Out Test Coffee")),
					not(containsString("Retired Test Coffee")))));
		swap(soldOut, version()).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("it is retired or out of stock")));
		swap(retired, version()).andExpect(status().isUnprocessableContent());
		assertThat(swappedTo()).isNull();
	}

	@Test
	void withSwapsSwitchedOffThereIsNoLinkAndTheSwapIsForbidden() throws Exception {
		StoreSettings original = settings.current();
		try {
			settings.update(original.withPortalActions(original.portalActions().withSwap(false)));
			mvc.perform(get(base()).with(subscriber()))
				.andExpect(content().string(allOf(containsString("In each box"), not(containsString("/swap/")))));
			mvc.perform(get(swapPath()).with(subscriber())).andExpect(status().isForbidden());
			swap(kenya, version()).andExpect(status().isForbidden());
			assertThat(swappedTo()).isNull();
		}
		finally {
			settings.update(original);
		}
	}

	@Test
	void anotherSubscribersSubscriptionIsNotFound() throws Exception {
		Owned other = TestSubscriptions.freshActive(jdbc);
		RequestPostProcessor intruder = user(users.loadUserByUsername(other.email()));
		mvc.perform(get(swapPath()).with(intruder)).andExpect(status().isNotFound());
		mvc.perform(post(swapPath()).with(intruder).with(csrf()).param("version", String.valueOf(version()))
			.param("to", String.valueOf(kenya))).andExpect(status().isNotFound());
		assertThat(swappedTo()).isNull();
	}

	@Test
	void aCancelledSubscriptionCannotSwap() throws Exception {
		jdbc.update("update subscription set status = 'CANCELLED', cancelled_on = ?, cancel_reason = 'OTHER', "
				+ "next_shipment_date = null where id = ?", LocalDate.now(), owned.subscriptionId());
		mvc.perform(get(base()).with(subscriber())).andExpect(content().string(not(containsString("/swap/"))));
		mvc.perform(get(swapPath()).with(subscriber()))
			.andExpect(content().string(containsString("cannot be swapped right now")));
		swap(kenya, version()).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This subscription is cancelled.")));
		assertThat(swappedTo()).isNull();
	}

	@Test
	void aBoxBeingPackedKeepsItsCoffee() throws Exception {
		LocalDate tomorrow = LocalDate.now().plusDays(1);
		jdbc.update("update shipment set ship_date = ? where subscription_id = ? and status = 'OPEN'", tomorrow,
				owned.subscriptionId());
		jdbc.update("update subscription set next_shipment_date = ? where id = ?", tomorrow, owned.subscriptionId());
		mvc.perform(get(base()).with(subscriber())).andExpect(content().string(not(containsString("/swap/"))));
		swap(kenya, version()).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("already being packed")));
		assertThat(swappedTo()).isNull();
	}

	private ResultActions swap(Long to, long version) throws Exception {
		var request = post(swapPath()).with(subscriber()).with(csrf()).param("version", String.valueOf(version));
		if (to != null) {
			request.param("to", String.valueOf(to));
		}
		return mvc.perform(request);
	}

	private RequestPostProcessor subscriber() {
		return user(users.loadUserByUsername(owned.email()));
	}

	private String base() {
		return "/portal/subscriptions/" + owned.subscriptionId();
	}

	private String swapPath() {
		return base() + "/swap/" + guji;
	}

	private long product(String sku) {
		return jdbc.queryForObject("select id from product where sku = ?", Long.class, sku);
	}

	private long extraCoffee(String sku, String name, boolean inStock, boolean retired) {
		if (jdbc.queryForObject("select count(*) from product where sku = ?", Integer.class, sku) == 0) {
			jdbc.update("insert into product (sku, name, description, image_url, category, price, in_stock, "
					+ "add_on_eligible, retired, created_at) values (?, ?, 'Test', null, 'COFFEE', 14.00, ?, false, ?, "
					+ "current_timestamp)", sku, name, inStock, retired);
		}
		return product(sku);
	}

	private long version() {
		return jdbc.queryForObject("select version from subscription where id = ?", Long.class,
				owned.subscriptionId());
	}

	private LocalDate nextDate() {
		return jdbc.queryForObject("select next_shipment_date from subscription where id = ?", LocalDate.class,
				owned.subscriptionId());
	}

	private Long swappedTo() {
		return jdbc.query("select to_product_id from subscription_swap where subscription_id = ?",
				rows -> rows.next() ? rows.getLong(1) : null, owned.subscriptionId());
	}

	private int timelineCount(String kind) {
		return jdbc.queryForObject("select count(*) from subscription_event where subscription_id = ? and kind = ?",
				Integer.class, owned.subscriptionId(), kind);
	}

	private BigDecimal boxTotal() throws Exception {
		String page = mvc.perform(get(base() + "/shipment").with(subscriber())).andReturn().getResponse()
			.getContentAsString();
		java.util.regex.Matcher total = java.util.regex.Pattern
			.compile("id=\"next-total-" + owned.subscriptionId() + "\">\\$([0-9.,]+)<").matcher(page);
		assertThat(total.find()).as("the box total on the page").isTrue();
		return new BigDecimal(total.group(1).replace(",", ""));
	}

}
