package io.nextbox.ordering.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Orders say where they are, by the store's shipping assumptions (defaults: shipped the day placed, delivered three
 * days later).
 */
@NextboxIntegrationTest
class OrderProgressIntegrationTests {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private Clock clock;

	private Owned owned;

	private String lastYear;

	private String today;

	@BeforeEach
	void twoOrders() {
		owned = TestSubscriptions.freshActive(jdbc);
		List<String> numbers = jdbc.queryForList("select order_number from orders where subscriber_id = ? "
				+ "order by ordered_at desc, id desc limit 2", String.class, owned.subscriberId());
		assertThat(numbers).as("the demo subscriber has two orders").hasSize(2);
		today = numbers.get(0);
		lastYear = numbers.get(1);
		ZonedDateTime now = ZonedDateTime.now(clock);
		placedAt(today, now);
		placedAt(lastYear, now.minusYears(1));
	}

	@Test
	void anOrderFromLastYearSaysItWasDeliveredNotThatItIsOnItsWay() throws Exception {
		LocalDate delivered = LocalDate.now(clock).minusYears(1).plusDays(3);

		String page = page("/portal/orders/" + lastYear);

		assertThat(page).contains("Your box was delivered", "Delivered on " + delivered.format(DAY))
			.doesNotContainIgnoringCase("on its way")
			.doesNotContain("While you wait");
	}

	@Test
	void anOrderPlacedTodayHasShippedAndIsOnItsWay() throws Exception {
		LocalDate shipped = LocalDate.now(clock);

		String page = page("/portal/orders/" + today);

		assertThat(page).contains("your box is on its way", ">Shipped<",
				"Shipped on " + shipped.format(DAY) + ", expected "
						+ shipped.plusDays(3).format(DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH)));
	}

	@Test
	void theHistorySaysWhereEachOrderIsNewestFirst() throws Exception {
		String page = page("/portal/orders");

		assertThat(page).containsSubsequence(today, ">Shipped<", "Order ", ">Delivered<");
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).with(user(users.loadUserByUsername(owned.email()))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private void placedAt(String orderNumber, ZonedDateTime at) {
		jdbc.update("update orders set ordered_at = ? where order_number = ?", Timestamp.from(at.toInstant()),
				orderNumber);
	}

}
