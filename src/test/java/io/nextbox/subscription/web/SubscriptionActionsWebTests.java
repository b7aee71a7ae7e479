package io.nextbox.subscription.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.nextbox.store.StoreSettings;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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

/** Every self-service action through the web, as a plain form and as an htmx request. */
@NextboxIntegrationTest
class SubscriptionActionsWebTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private StoreSettingsService settings;

	@Test
	void skipMovesTheNextBoxOnByOneIntervalAndUnskipBringsItBack() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		LocalDate before = nextDate(owned);

		action(owned, "skip").andExpect(status().isFound())
			.andExpect(redirectedUrl("/portal/subscriptions/" + owned.subscriptionId()))
			.andExpect(flash().attribute("message", containsString("Skipped the box")));

		LocalDate after = nextDate(owned);
		assertThat(after).isAfter(before);
		assertThat(shipmentStatus(owned, before)).isEqualTo("SKIPPED");
		assertThat(shipmentStatus(owned, after)).isEqualTo("OPEN");

		action(owned, "unskip").andExpect(status().isFound());
		assertThat(nextDate(owned)).isEqualTo(before);
		assertThat(shipmentStatus(owned, before)).isEqualTo("OPEN");
		assertThat(openShipments(owned)).isEqualTo(1);
	}

	@Test
	void anHtmxRequestGetsOnlyThePanelBack() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		htmxAction(owned, "skip")
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"subscription-panel\""),
					containsString("Skipped the box"), not(containsString("<html")))));
	}

	@Test
	void anAddOnTravelsWithTheBoxWhenItIsSkipped() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		LocalDate before = nextDate(owned);
		long productId = jdbc.queryForObject("select id from product where sku = 'TRT-OAT-BISCUITS'", Long.class);
		jdbc.update("insert into shipment_line (shipment_id, product_id, quantity, unit_price, added_at) "
				+ "select id, ?, 1, 5.50, current_timestamp from shipment where subscription_id = ? and status = 'OPEN'",
				productId, owned.subscriptionId());

		action(owned, "skip").andExpect(status().isFound());

		assertThat(jdbc.queryForObject("""
				select sh.ship_date from shipment_line l join shipment sh on sh.id = l.shipment_id
				where sh.subscription_id = ?""", LocalDate.class, owned.subscriptionId()))
			.isEqualTo(nextDate(owned))
			.isAfter(before);
	}

	@Test
	void rescheduleTakesADateInsideTheWindow() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		LocalDate target = LocalDate.now().plusDays(20).equals(nextDate(owned)) ? LocalDate.now().plusDays(21)
				: LocalDate.now().plusDays(20);
		action(owned, "reschedule", "date", target.toString()).andExpect(status().isFound());
		assertThat(nextDate(owned)).isEqualTo(target);
		assertThat(shipmentStatus(owned, target)).isEqualTo("OPEN");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2020-01-01", "today", "3000-01-01", "soon", "" })
	void rescheduleRefusesDatesOutsideTheWindowAndChangesNothing(String date) throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		LocalDate before = nextDate(owned);
		String value = date.equals("today") ? LocalDate.now().toString() : date;
		action(owned, "reschedule", "date", value).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("class=\"field-error\"")));
		assertThat(nextDate(owned)).isEqualTo(before);
	}

	@Test
	void quantityChangesThePriceOfTheBox() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		BigDecimal planPrice = jdbc.queryForObject(
				"select p.price from plan p join subscription s on s.plan_id = p.id where s.id = ?", BigDecimal.class,
				owned.subscriptionId());
		int quantity = quantity(owned) == 3 ? 4 : 3;
		htmxAction(owned, "quantity", "quantity", String.valueOf(quantity)).andExpect(status().isOk())
			.andExpect(content().string(containsString("$" + planPrice.multiply(BigDecimal.valueOf(quantity)))));
		assertThat(quantity(owned)).isEqualTo(quantity);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1", "11", "1000000000000", "two", "" })
	void quantityOutsideTheLimitsIsRefusedNextToTheField(String value) throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		int before = quantity(owned);
		action(owned, "quantity", "quantity", value).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("<html"), containsString("class=\"field-error\""))));
		htmxAction(owned, "quantity", "quantity", value).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(not(containsString("<html")), containsString("class=\"field-error\""))));
		assertThat(quantity(owned)).isEqualTo(before);
	}

	@Test
	void quantityLimitsComeFromTheStoreSettings() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		StoreSettings original = settings.current();
		try {
			settings.update(original.withQuantityLimits(1, 3));
			action(owned, "quantity", "quantity", "4").andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("Choose a quantity from 1 to 3.")));
		}
		finally {
			settings.update(original);
		}
	}

	@Test
	void intervalChangesFromTheBoxAfterNext() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		LocalDate next = nextDate(owned);
		String count = "4".equals(intervalCount(owned)) ? "5" : "4";
		action(owned, "interval", "count", count, "unit", "WEEK").andExpect(status().isFound());
		assertThat(intervalCount(owned)).isEqualTo(count);
		assertThat(nextDate(owned)).isEqualTo(next);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0:WEEK", "13:WEEK", "7:MONTH", "2:DAY", "2:FORTNIGHT", "x:WEEK" })
	void anIntervalOutsideTheChoicesIsRefused(String choice) throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		String before = intervalCount(owned);
		String[] parts = choice.split(":");
		action(owned, "interval", "count", parts[0], "unit", parts[1]).andExpect(status().isUnprocessableContent());
		assertThat(intervalCount(owned)).isEqualTo(before);
	}

	@Test
	void pauseUntilADateThenResume() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		LocalDate until = LocalDate.now().plusDays(30);
		action(owned, "pause", "until", until.toString()).andExpect(status().isFound())
			.andExpect(flash().attribute("message", containsString("It resumes on")));
		assertThat(statusOf(owned)).isEqualTo("PAUSED");
		assertThat(openShipments(owned)).isZero();
		assertThat(jdbc.queryForObject("select paused_until from subscription where id = ?", LocalDate.class,
				owned.subscriptionId()))
			.isEqualTo(until);

		action(owned, "resume").andExpect(status().isFound());
		assertThat(statusOf(owned)).isEqualTo("ACTIVE");
		assertThat(openShipments(owned)).isEqualTo(1);
		assertThat(nextDate(owned)).isAfter(LocalDate.now());
	}

	@Test
	void aPauseThatEndsInThePastIsRefused() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		action(owned, "pause", "until", LocalDate.now().minusDays(3).toString())
			.andExpect(status().isUnprocessableContent());
		assertThat(statusOf(owned)).isEqualTo("ACTIVE");
	}

	@Test
	void aPlanChangeStatesThePriceDifferenceBeforeItIsConfirmed() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		long current = planId(owned);
		long other = jdbc.queryForObject("""
				select min(p.id) from plan p join plan p0 on p0.family_id = p.family_id
				where p0.id = ? and p.id <> p0.id""", Long.class, current);

		mvc.perform(get(path(owned, "plan")).param("planId", String.valueOf(other)).with(as(owned)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Difference per delivery"), containsString("Confirm change"))));
		assertThat(planId(owned)).isEqualTo(current);

		action(owned, "plan", "planId", String.valueOf(other)).andExpect(status().isFound());
		assertThat(planId(owned)).isEqualTo(other);
	}

	@Test
	void aPlanOfAnotherFamilyIsRefused() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		long current = planId(owned);
		long foreign = jdbc.queryForObject("""
				select min(p.id) from plan p join plan p0 on p0.id = ? where p.family_id <> p0.family_id""",
				Long.class, current);
		action(owned, "plan", "planId", String.valueOf(foreign)).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("family")));
		action(owned, "plan", "planId", "not-a-plan").andExpect(status().isUnprocessableContent());
		assertThat(planId(owned)).isEqualTo(current);
	}

	@Test
	void cancelAsksForAReasonThenReactivateBringsItBack() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		mvc.perform(get(path(owned, "cancel")).with(as(owned)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Why are you cancelling?")));

		action(owned, "cancel").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose a reason.")));
		action(owned, "cancel", "reason", "OTHER", "note", "  ").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Tell us a little more.")));
		action(owned, "cancel", "reason", "BORED").andExpect(status().isUnprocessableContent());
		assertThat(statusOf(owned)).isEqualTo("ACTIVE");

		action(owned, "cancel", "reason", "TOO_EXPENSIVE").andExpect(status().isFound());
		assertThat(statusOf(owned)).isEqualTo("CANCELLED");
		assertThat(openShipments(owned)).isZero();
		assertThat(jdbc.queryForObject("select cancel_reason from subscription where id = ?", String.class,
				owned.subscriptionId()))
			.isEqualTo("TOO_EXPENSIVE");

		action(owned, "reactivate").andExpect(status().isFound());
		assertThat(statusOf(owned)).isEqualTo("ACTIVE");
		assertThat(openShipments(owned)).isEqualTo(1);
	}

	@Test
	void aLockedBoxRefusesChangesAndSaysWhenTheyOpenAgain() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		LocalDate tomorrow = LocalDate.now().plusDays(1);
		jdbc.update("update shipment set ship_date = ? where subscription_id = ? and status = 'OPEN'", tomorrow,
				owned.subscriptionId());
		jdbc.update("update subscription set next_shipment_date = ? where id = ?", tomorrow, owned.subscriptionId());
		int quantity = quantity(owned);

		action(owned, "skip").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("already being packed")));
		action(owned, "quantity", "quantity", String.valueOf(quantity == 1 ? 2 : 1))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(get(path(owned, "shipment")).with(as(owned)))
			.andExpect(content().string(containsString("Changes open again")));

		assertThat(nextDate(owned)).isEqualTo(tomorrow);
		assertThat(quantity(owned)).isEqualTo(quantity);
	}

	@Test
	void anActionTheMerchantSwitchedOffIsHiddenAndRefused() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		LocalDate before = nextDate(owned);
		StoreSettings original = settings.current();
		try {
			settings.update(original.withPortalActions(StoreSettings.PortalActions.all().withoutSkip()));
			mvc.perform(get(path(owned, "")).with(as(owned)))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(not(containsString("id=\"action-skip\"")),
						containsString("id=\"action-reschedule\""))));
			action(owned, "skip").andExpect(status().isForbidden());
			assertThat(nextDate(owned)).isEqualTo(before);
		}
		finally {
			settings.update(original);
		}
	}

	@Test
	void everyChangeIsRecordedInTheTimeline() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		int quantity = quantity(owned);
		int next = quantity == 1 ? 2 : 1;
		action(owned, "quantity", "quantity", String.valueOf(next)).andExpect(status().isFound());

		assertThat(jdbc.queryForObject(
				"select actor from subscription_event where subscription_id = ? and kind = 'QUANTITY_CHANGED'",
				String.class, owned.subscriptionId()))
			.isEqualTo(owned.email());
		mvc.perform(get(path(owned, "")).with(as(owned)))
			.andExpect(content().string(containsString("Changed quantity from " + quantity + " to " + next)));
	}

	private ResultActions action(Owned owned, String action, String... params) throws Exception {
		return mvc.perform(form(owned, action, params));
	}

	/** The same POST as htmx sends it. */
	private ResultActions htmxAction(Owned owned, String action, String... params) throws Exception {
		return mvc.perform(form(owned, action, params).header("HX-Request", "true"));
	}

	/** The action's form as the page sends it: with the subscription's version and, for a skip, the box. */
	private MockHttpServletRequestBuilder form(Owned owned, String action, String... params) {
		MockHttpServletRequestBuilder request = post(path(owned, action)).with(as(owned)).with(csrf())
			.param("version", String.valueOf(version(owned)));
		if (action.equals("skip")) {
			request.param("shipDate", nextDate(owned).toString());
		}
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return request;
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(Owned owned) {
		return user(users.loadUserByUsername(owned.email()));
	}

	private static String path(Owned owned, String action) {
		return "/portal/subscriptions/" + owned.subscriptionId() + (action.isEmpty() ? "" : "/" + action);
	}

	private long version(Owned owned) {
		return jdbc.queryForObject("select version from subscription where id = ?", Long.class,
				owned.subscriptionId());
	}

	private LocalDate nextDate(Owned owned) {
		return jdbc.queryForObject("select next_shipment_date from subscription where id = ?", LocalDate.class,
				owned.subscriptionId());
	}

	private String statusOf(Owned owned) {
		return jdbc.queryForObject("select status from subscription where id = ?", String.class,
				owned.subscriptionId());
	}

	private int quantity(Owned owned) {
		return jdbc.queryForObject("select quantity from subscription where id = ?", Integer.class,
				owned.subscriptionId());
	}

	private String intervalCount(Owned owned) {
		return jdbc.queryForObject("select interval_count from subscription where id = ?", String.class,
				owned.subscriptionId());
	}

	private long planId(Owned owned) {
		return jdbc.queryForObject("select plan_id from subscription where id = ?", Long.class,
				owned.subscriptionId());
	}

	private int openShipments(Owned owned) {
		return jdbc.queryForObject("select count(*) from shipment where subscription_id = ? and status = 'OPEN'",
				Integer.class, owned.subscriptionId());
	}

	private String shipmentStatus(Owned owned, LocalDate date) {
		return jdbc.queryForObject("select status from shipment where subscription_id = ? and ship_date = ?",
				String.class, owned.subscriptionId(), date);
	}

}
