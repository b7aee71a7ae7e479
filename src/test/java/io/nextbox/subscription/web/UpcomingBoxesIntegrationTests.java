package io.nextbox.subscription.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The subscription page lists the next three box dates, skipped ones marked. */
@NextboxIntegrationTest
class UpcomingBoxesIntegrationTests {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

	private static final Pattern LIST = Pattern.compile("<ol class=\"upcoming-list\".*?</ol>", Pattern.DOTALL);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserDetailsService users;

	@Test
	void anIntervalChangeSaysTheDateOfTheBoxAfterNextAndTheListFollowsIt() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		LocalDate next = nextDate(owned);
		String count = "2".equals(intervalCount(owned)) ? "3" : "2";
		int weeks = Integer.parseInt(count);

		String page = mvc
			.perform(post(path(owned) + "/interval").with(as(owned)).with(csrf())
				.param("version", String.valueOf(version(owned)))
				.param("count", count)
				.param("unit", "WEEK")
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		LocalDate afterNext = next.plusWeeks(weeks);
		assertThat(page).contains("from the box after next (" + afterNext.format(DAY) + ")");
		assertThat(upcoming(page)).containsSubsequence(next.format(DAY), afterNext.format(DAY),
				afterNext.plusWeeks(weeks).format(DAY))
			.doesNotContain("Skipped");
	}

	@Test
	void aSkippedBoxStaysInTheListMarkedSkipped() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		LocalDate skipped = nextDate(owned);
		mvc.perform(post(path(owned) + "/skip").with(as(owned)).with(csrf())
			.param("version", String.valueOf(version(owned)))
			.param("shipDate", skipped.toString())).andExpect(status().isFound());
		LocalDate next = nextDate(owned);

		String list = upcoming(page(owned));

		assertThat(list).containsSubsequence(skipped.format(DAY), "Skipped", next.format(DAY));
		assertThat(list.split("<li", -1)).hasSize(4);
		assertThat(list.split("Skipped", -1)).hasSize(2);
	}

	@Test
	void aCancelledSubscriptionListsNoUpcomingBoxes() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		assertThat(upcoming(page(owned)).split("<li", -1)).hasSize(4);
		mvc.perform(post(path(owned) + "/cancel").with(as(owned)).with(csrf())
			.param("version", String.valueOf(version(owned)))
			.param("reason", "MOVING")).andExpect(status().isFound());

		assertThat(page(owned)).doesNotContain("upcoming-list");
	}

	private String page(Owned owned) throws Exception {
		return mvc.perform(get(path(owned)).with(as(owned)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private static String upcoming(String page) {
		Matcher list = LIST.matcher(page);
		assertThat(list.find()).as("the page lists upcoming boxes").isTrue();
		return list.group();
	}

	private RequestPostProcessor as(Owned owned) {
		return user(users.loadUserByUsername(owned.email()));
	}

	private static String path(Owned owned) {
		return "/portal/subscriptions/" + owned.subscriptionId();
	}

	private long version(Owned owned) {
		return jdbc.queryForObject("select version from subscription where id = ?", Long.class,
				owned.subscriptionId());
	}

	private LocalDate nextDate(Owned owned) {
		return jdbc.queryForObject("select min(ship_date) from shipment where subscription_id = ? and status = 'OPEN'",
				LocalDate.class, owned.subscriptionId());
	}

	private String intervalCount(Owned owned) {
		return jdbc.queryForObject("select interval_count from subscription where id = ?", String.class,
				owned.subscriptionId());
	}

}
