package io.nextbox.subscription.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A subscriber can read and change only their own subscriptions: any other id answers 404, changing nothing. */
@NextboxIntegrationTest
class OwnershipTests {

	/** Every subscription route, with parameters that would be valid for the owner. */
	static Stream<String> routes() {
		return Stream.of("GET ", "GET /shipment", "GET /cancel", "GET /plan?planId=1", "GET /plan", "GET /reschedule",
				"GET /interval", "GET /pause", "POST /skip", "POST /unskip",
				"POST /reschedule?date=2031-01-01", "POST /pause", "POST /resume", "POST /interval?count=3&unit=WEEK",
				"POST /quantity?quantity=2", "POST /plan?planId=1", "POST /cancel?reason=MOVING", "POST /reactivate");
	}

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserDetailsService users;

	private Owned intruder;

	private Owned victim;

	@BeforeEach
	void twoSubscribers() {
		intruder = TestSubscriptions.freshActive(jdbc);
		victim = TestSubscriptions.freshActive(jdbc);
	}

	@ParameterizedTest
	@MethodSource("routes")
	void anotherSubscribersSubscriptionIsNotFoundAndUnchanged(String route) throws Exception {
		List<Map<String, Object>> before = snapshot(victim);
		mvc.perform(request(route, victim.subscriptionId())).andExpect(status().isNotFound());
		assertThat(snapshot(victim)).isEqualTo(before);
	}

	@ParameterizedTest
	@MethodSource("routes")
	void anUnknownSubscriptionIsNotFound(String route) throws Exception {
		mvc.perform(request(route, 987_654_321L)).andExpect(status().isNotFound());
	}

	@Test
	void anIdThatIsNotANumberIsABadRequest() throws Exception {
		mvc.perform(get("/portal/subscriptions/abc").with(user(users.loadUserByUsername(intruder.email()))))
			.andExpect(status().isBadRequest());
	}

	@Test
	void orderHistoryShowsOnlyYourOwnOrders() throws Exception {
		String victimsOrder = jdbc.queryForObject(
				"select min(order_number) from orders where subscriber_id = ?", String.class, victim.subscriberId());
		String page = mvc.perform(get("/portal/orders").with(user(users.loadUserByUsername(intruder.email()))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain(victimsOrder);
	}

	private MockHttpServletRequestBuilder request(String route, long subscriptionId) {
		String[] parts = route.split(" ", 2);
		String path = "/portal/subscriptions/" + subscriptionId + parts[1];
		MockHttpServletRequestBuilder request = parts[0].equals("GET") ? get(path) : post(path).with(csrf());
		return request.with(user(users.loadUserByUsername(intruder.email())));
	}

	private List<Map<String, Object>> snapshot(Owned owned) {
		List<Map<String, Object>> rows = new java.util.ArrayList<>();
		rows.addAll(jdbc.queryForList("select * from subscription where id = ?", owned.subscriptionId()));
		rows.addAll(jdbc.queryForList("select * from shipment where subscription_id = ? order by id",
				owned.subscriptionId()));
		rows.addAll(jdbc.queryForList("select count(*) as events from subscription_event where subscription_id = ?",
				owned.subscriptionId()));
		return rows;
	}

}
