package io.nextbox.subscription.web;

import java.util.regex.Pattern;

import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The cancel flow's save offer fits the reason given; what was shown is still recorded for the merchant. */
@NextboxIntegrationTest
class SaveOfferIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserDetailsService users;

	@Test
	void notLikingTheTasteProposesAPlanWithAnotherCoffeeNotTheSameCoffeeSmaller() throws Exception {
		Owned small = onPlan("PLAN-FILTER-250");
		assertThat(offers(small, "TASTE")).contains("Try Filter Coffee 500 g instead: it brings Kenya Nyeri AA 250 g.")
			.doesNotContain("Pause instead");
		assertThat(shown(small)).isEqualTo("plan");

		Owned large = onPlan("PLAN-FILTER-500");
		assertThat(offers(large, "TASTE")).doesNotContain("Filter Coffee 250 g", "Not your taste", "Pause instead");
	}

	@Test
	void tooExpensiveProposesTheCheaperTierAndTheStayDiscount() throws Exception {
		Owned owned = onPlan("PLAN-FILTER-500");
		assertThat(offers(owned, "TOO_EXPENSIVE")).contains("Switch to Filter Coffee 250 g",
				"/portal/widgets/CANCEL_FLOW");
	}

	@Test
	void tooMuchProposesASkipOrALongerInterval() throws Exception {
		Owned monthly = onPlan("PLAN-TEA-3");
		jdbc.update("update subscription set interval_count = 1, interval_unit = 'MONTH' where id = ?",
				monthly.subscriptionId());
		assertThat(offers(monthly, "TOO_MUCH_PRODUCT")).contains("Skip the next box",
				"Get a box every 2 months instead");
		assertThat(shown(monthly)).startsWith("skip,interval");
	}

	@Test
	void movingProposesAPause() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		assertThat(offers(owned, "MOVING")).contains("Pause instead");
		assertThat(Pattern.compile("class=\"save-offer\"").matcher(offers(owned, "MOVING")).results().count())
			.isEqualTo(1);
	}

	private Owned onPlan(String sku) {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		jdbc.update("update subscription set plan_id = (select id from plan where sku = ?) where id = ?", sku,
				owned.subscriptionId());
		return owned;
	}

	private String offers(Owned owned, String reason) throws Exception {
		return mvc
			.perform(get("/portal/subscriptions/" + owned.subscriptionId() + "/cancel/save").param("reason", reason)
				.header("HX-Request", "true")
				.with(user(users.loadUserByUsername(owned.email()))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	/** The save offers the cancel flow recorded as shown for the subscription. */
	private String shown(Owned owned) {
		return jdbc.queryForObject("select shown from cancel_attempt where subscription_id = ? order by id desc "
				+ "limit 1", String.class, owned.subscriptionId());
	}

}
