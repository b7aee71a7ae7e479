package io.nextbox.subscription;

import java.util.List;

import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@NextboxIntegrationTest
class PortalDashboardIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private SubscriptionService subscriptions;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	@WithUserDetails("subscriber1@nextbox.test")
	void aSubscriberSeesTheirOwnSubscriptionsAndNoOneElses() throws Exception {
		long subscriberId = subscriberId("subscriber1@nextbox.test");
		List<SubscriptionSummary> own = subscriptions.subscriptionsOf(subscriberId);
		assertThat(own).isNotEmpty();
		SubscriptionSummary first = own.get(0);
		long someoneElses = jdbc.queryForObject(
				"select min(id) from subscription where subscriber_id <> ?", Long.class, subscriberId);

		mvc.perform(get("/portal"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("subscriptions", own))
			.andExpect(content().string(containsString(first.planName())))
			.andExpect(content().string(containsString("Active")))
			.andExpect(content().string(containsString("id=\"subscription-" + first.id() + "\"")))
			.andExpect(content().string(not(containsString("id=\"subscription-" + someoneElses + "\""))));
	}

	@Test
	void subscriptionsOfAnUnknownSubscriberAreEmpty() {
		assertThat(subscriptions.subscriptionsOf(-1)).isEmpty();
	}

	@Test
	void theSummaryPricesQuantityTimesThePlan() {
		long subscriberId = subscriberId("subscriber1@nextbox.test");
		SubscriptionSummary summary = subscriptions.subscriptionsOf(subscriberId).get(0);
		java.math.BigDecimal planPrice = jdbc.queryForObject(
				"select p.price from plan p join subscription s on s.plan_id = p.id where s.id = ?",
				java.math.BigDecimal.class, summary.id());
		assertThat(summary.pricePerShipment())
			.isEqualByComparingTo(planPrice.multiply(java.math.BigDecimal.valueOf(summary.quantity())));
	}

	private long subscriberId(String email) {
		return jdbc.queryForObject("select id from subscriber where email = ?", Long.class, email);
	}

}
