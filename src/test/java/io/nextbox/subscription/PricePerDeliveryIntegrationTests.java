package io.nextbox.subscription;

import java.util.List;

import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Prices say what they mean: per box is quantity 1; a delivery of two boxes of a $26.00 plan reads
 * "2 × $26.00 = $52.00 per delivery", and a plan change states its difference per delivery at the real quantity.
 * The next box also says what the plan delivers.
 */
@NextboxIntegrationTest
class PricePerDeliveryIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserDetailsService users;

	private Owned owned;

	@BeforeEach
	void twoBoxesOfTheTeaExplorerPlan() {
		owned = TestSubscriptions.freshActive(jdbc);
		jdbc.update("update subscription set plan_id = (select id from plan where sku = 'PLAN-TEA-5'), quantity = 2 "
				+ "where id = ?", owned.subscriptionId());
	}

	@Test
	void theDashboardSaysWhatADeliveryOfTwoBoxesCosts() throws Exception {
		mvc.perform(get("/portal").with(as()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("2 × $26.00 = $52.00 per delivery"),
					not(containsString("$52.00 a box")))));
	}

	@Test
	void theSubscriptionPageAndItsPlanChoiceSayWhatADeliveryCostsOnEveryPlanAtItsQuantity() throws Exception {
		mvc.perform(get("/portal/subscriptions/" + owned.subscriptionId()).with(as()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("2 × $26.00 = $52.00 per delivery"),
					not(containsString("$52.00 a box")))));
		mvc.perform(get("/portal/subscriptions/" + owned.subscriptionId() + "/plan").with(as()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("2 × $26.00 = $52.00 per delivery"),
					containsString("2 × $16.00 = $32.00 per delivery"), containsString("2 × $34.00 = $68.00 per delivery"),
					containsString("$16.00 more per delivery"), containsString("$20.00 less per delivery"),
					not(containsString("$52.00 a box")), not(containsString("$32.00 a box")))));
	}

	@Test
	void onePerDeliveryIsTheBoxPrice() throws Exception {
		jdbc.update("update subscription set quantity = 1 where id = ?", owned.subscriptionId());
		mvc.perform(get("/portal/subscriptions/" + owned.subscriptionId()).with(as()))
			.andExpect(content().string(allOf(containsString("$26.00 per delivery"), not(containsString("1 ×")))));
	}

	@Test
	void aPlanChangeStatesTheDifferencePerDeliveryAtTheRealQuantity() throws Exception {
		long tier3 = jdbc.queryForObject("select id from plan where sku = 'PLAN-TEA-5-HONEY'", Long.class);
		mvc.perform(get("/portal/subscriptions/" + owned.subscriptionId() + "/plan").param("planId", String.valueOf(tier3))
			.with(as()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Difference per delivery"),
					containsString("2 × $26.00 = $52.00 per delivery"), containsString("2 × $34.00 = $68.00 per delivery"),
					containsString("$16.00 more per delivery"))));
	}

	@Test
	void theNextBoxSaysWhatThePlanDeliversAndWhatTheDeliveryCosts() throws Exception {
		List<String> teas = jdbc.queryForList("select p.name from plan_item i join product p on p.id = i.product_id "
				+ "join plan on plan.id = i.plan_id where plan.sku = 'PLAN-TEA-5' order by p.name", String.class);
		String page = mvc.perform(get("/portal/subscriptions/" + owned.subscriptionId() + "/shipment").with(as()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(teas).hasSize(5);
		assertThat(page).contains("What the plan delivers", "2 × $26.00 = $52.00 per delivery")
			.contains(teas.stream().map(tea -> "2 × " + tea).toList());
	}

	private RequestPostProcessor as() {
		return user(users.loadUserByUsername(owned.email()));
	}

}
