package io.nextbox.admin;

import java.time.LocalDate;
import java.util.Map;

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
import org.springframework.security.test.context.support.WithUserDetails;
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

/**
 * Store staff acting for a subscriber from the subscriber's admin page: each kind of action goes through the
 * portal's rules, is recorded in the timeline as the store's with the staff member's email and in the audit log,
 * is not stopped by a portal switch but is by the cutoff, and happens once on a double click.
 */
@NextboxIntegrationTest
@WithUserDetails(StaffActionIntegrationTests.STAFF)
class StaffActionIntegrationTests {

	static final String STAFF = "merchant@nextbox.test";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private StoreSettingsService settings;

	@Autowired
	private UserDetailsService users;

	private Owned owned;

	@BeforeEach
	void takeASubscription() {
		owned = TestSubscriptions.freshActive(jdbc);
	}

	@Test
	void staffSkipTheNextBoxEvenWithSkippingSwitchedOffInThePortal() throws Exception {
		StoreSettings before = settings.current();
		settings.update(before.withPortalActions(before.portalActions().withoutSkip()));
		try {
			LocalDate box = openShipDate();
			act("skip", "version", version(), "shipDate", box.toString())
				.andExpect(redirectedUrl(page() + "#subscription-" + owned.subscriptionId()))
				.andExpect(flash().attribute("message", containsString("Skipped the box of")));
			assertThat(jdbc.queryForObject("select status from shipment where subscription_id = ? and ship_date = ?",
					String.class, owned.subscriptionId(), box)).isEqualTo("SKIPPED");
			assertRecordedByStaff("SKIPPED", "skipped");
			mvc.perform(get(page()))
				.andExpect(content().string(allOf(containsString("by the store (" + STAFF + ")"),
						containsString("Bring back the skipped box"))));
		}
		finally {
			settings.update(before);
		}
	}

	@Test
	void aDoubleClickActsOnceAndAnswersTheSame() throws Exception {
		long version = version();
		String box = openShipDate().toString();
		act("skip", "version", version, "shipDate", box).andExpect(status().isFound());
		act("skip", "version", version, "shipDate", box).andExpect(status().isFound())
			.andExpect(flash().attribute("message", containsString("Skipped the box of")));
		assertThat(timelineCount("SKIPPED")).isEqualTo(1);
	}

	@Test
	void staffBringBackASkippedBox() throws Exception {
		LocalDate box = openShipDate();
		act("skip", "version", version(), "shipDate", box.toString()).andExpect(status().isFound());
		act("unskip", "version", version()).andExpect(status().isFound());
		assertThat(openShipDate()).isEqualTo(box);
		assertRecordedByStaff("UNSKIPPED", "unskipped");
	}

	@Test
	void staffMoveTheNextBox() throws Exception {
		LocalDate to = openShipDate().plusDays(3);
		act("reschedule", "version", version(), "date", to.toString())
			.andExpect(flash().attribute("message", containsString("The next box now ships on")));
		assertThat(openShipDate()).isEqualTo(to);
		assertRecordedByStaff("RESCHEDULED", "rescheduled");
	}

	@Test
	void aDateOutsideTheWindowIsRefusedAtItsField() throws Exception {
		act("reschedule", "version", version(), "date", LocalDate.now().plusYears(2).toString())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("class=\"field-error\"")));
		assertThat(timelineCount("RESCHEDULED")).isZero();
	}

	@Test
	void staffPauseAndResume() throws Exception {
		act("pause", "version", version(), "until", "").andExpect(status().isFound());
		assertThat(subscription().get("status")).isEqualTo("PAUSED");
		assertRecordedByStaff("PAUSED", "paused");
		act("resume", "version", version()).andExpect(status().isFound());
		assertThat(subscription().get("status")).isEqualTo("ACTIVE");
		assertRecordedByStaff("RESUMED", "resumed");
	}

	@Test
	void staffChangeTheQuantityWithinTheStoreLimits() throws Exception {
		int quantity = ((Number) subscription().get("quantity")).intValue() == 2 ? 3 : 2;
		act("quantity", "version", version(), "quantity", quantity).andExpect(status().isFound());
		assertThat(((Number) subscription().get("quantity")).intValue()).isEqualTo(quantity);
		assertRecordedByStaff("QUANTITY_CHANGED", "quantity changed");

		act("quantity", "version", version(), "quantity", settings.current().maxQuantity() + 1)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose a quantity from " + settings.current().minQuantity())));
	}

	@Test
	void staffChangeTheInterval() throws Exception {
		int count = ((Number) subscription().get("interval_count")).intValue() == 3 ? 4 : 3;
		act("interval", "version", version(), "count", count, "unit", "WEEK").andExpect(status().isFound());
		assertThat(subscription()).containsEntry("interval_unit", "WEEK");
		assertThat(((Number) subscription().get("interval_count")).intValue()).isEqualTo(count);
		assertRecordedByStaff("INTERVAL_CHANGED", "interval changed");
	}

	@Test
	void staffChangeThePlanWithinItsFamily() throws Exception {
		long plan = ((Number) subscription().get("plan_id")).longValue();
		Long other = jdbc.queryForObject("select min(id) from plan where not retired and id <> ? "
				+ "and family_id = (select family_id from plan where id = ?)", Long.class, plan, plan);
		act("plan", "version", version(), "planId", other).andExpect(status().isFound());
		assertThat(((Number) subscription().get("plan_id")).longValue()).isEqualTo(other);
		assertRecordedByStaff("PLAN_CHANGED", "plan changed");
	}

	@Test
	void staffAddAnAddOnOnceAndTakeItOutAgain() throws Exception {
		Map<String, Object> product = jdbc.queryForMap("select id, name from product where add_on_eligible "
				+ "and in_stock and not retired and id not in (select l.product_id from shipment_line l "
				+ "join shipment s on s.id = l.shipment_id where s.subscription_id = ? and s.status = 'OPEN') "
				+ "order by id fetch first 1 rows only", owned.subscriptionId());
		long productId = ((Number) product.get("id")).longValue();
		act("add-on", "productId", productId)
			.andExpect(flash().attribute("message", containsString(product.get("name") + " is in the box of")));
		act("add-on", "productId", productId).andExpect(status().isFound());
		Long lineId = jdbc.queryForObject("select l.id from shipment_line l join shipment s on s.id = l.shipment_id "
				+ "where s.subscription_id = ? and s.status = 'OPEN' and l.product_id = ?", Long.class,
				owned.subscriptionId(), productId);
		assertRecordedByStaff("ADD_ON_ADDED", "add on added");

		mvc.perform(post(base() + "/lines/" + lineId + "/remove").with(csrf()))
			.andExpect(flash().attribute("message", containsString("is out of the box of")));
		assertThat(jdbc.queryForObject("select count(*) from shipment_line where id = ?", Long.class, lineId))
			.isZero();
		assertRecordedByStaff("ADD_ON_REMOVED", "add on removed");
	}

	@Test
	void staffCancelWithAReasonAndReactivate() throws Exception {
		act("cancel", "version", version(), "reason", "").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose a reason.")));
		act("cancel", "version", version(), "reason", "MOVING", "note", "asked by phone")
			.andExpect(status().isFound());
		assertThat(subscription()).containsEntry("status", "CANCELLED").containsEntry("cancel_reason", "MOVING");
		assertRecordedByStaff("CANCELLED", "cancelled");
		act("reactivate", "version", version()).andExpect(status().isFound());
		assertThat(subscription().get("status")).isEqualTo("ACTIVE");
		assertRecordedByStaff("REACTIVATED", "reactivated");
	}

	@Test
	void theCutoffStopsStaffToo() throws Exception {
		LocalDate tomorrow = LocalDate.now().plusDays(1);
		jdbc.update("update shipment set ship_date = ? where subscription_id = ? and status = 'OPEN'", tomorrow,
				owned.subscriptionId());
		jdbc.update("update subscription set next_shipment_date = ? where id = ?", tomorrow, owned.subscriptionId());
		act("skip", "version", version(), "shipDate", tomorrow.toString())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("is already being packed, so it cannot change")));
		assertThat(openShipDate()).isEqualTo(tomorrow);
		assertThat(timelineCount("SKIPPED")).isZero();
	}

	@Test
	void anHtmxActionAnswersWithTheSubscriptionsSection() throws Exception {
		mvc.perform(form("pause", "version", version(), "until", "").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"subscriptions\""),
					containsString("Paused until resumed."), not(containsString("<html")))));
	}

	@Test
	void theSubscriberSeesThatTheStoreMadeTheChange() throws Exception {
		act("pause", "version", version(), "until", "").andExpect(status().isFound());
		mvc.perform(get("/portal/subscriptions/" + owned.subscriptionId())
			.with(user(users.loadUserByUsername(owned.email()))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The store"), not(containsString(STAFF)))));
	}

	private ResultActions act(String action, Object... params) throws Exception {
		return mvc.perform(form(action, params));
	}

	private MockHttpServletRequestBuilder form(String action, Object... params) {
		MockHttpServletRequestBuilder request = post(base() + "/" + action).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param((String) params[i], String.valueOf(params[i + 1]));
		}
		return request;
	}

	private void assertRecordedByStaff(String kind, String auditAction) {
		assertThat(jdbc.queryForList("select actor from subscription_event where subscription_id = ? and kind = ? "
				+ "and by_store", String.class, owned.subscriptionId(), kind)).containsOnly(STAFF).hasSize(1);
		assertThat(jdbc.queryForList("select actor from audit_entry where area = 'SUBSCRIBERS' and subject_id = ? "
				+ "and action = ? and subject = ?", String.class, owned.subscriberId(), auditAction, owned.email()))
			.containsExactly(STAFF);
	}

	private long timelineCount(String kind) {
		return jdbc.queryForObject("select count(*) from subscription_event where subscription_id = ? and kind = ?",
				Long.class, owned.subscriptionId(), kind);
	}

	private Map<String, Object> subscription() {
		return jdbc.queryForMap("select * from subscription where id = ?", owned.subscriptionId());
	}

	private long version() {
		return jdbc.queryForObject("select version from subscription where id = ?", Long.class,
				owned.subscriptionId());
	}

	private LocalDate openShipDate() {
		return jdbc.queryForObject("select ship_date from shipment where subscription_id = ? and status = 'OPEN'",
				LocalDate.class, owned.subscriptionId());
	}

	private String page() {
		return "/admin/subscribers/" + owned.subscriberId();
	}

	private String base() {
		return page() + "/subscriptions/" + owned.subscriptionId();
	}

}
