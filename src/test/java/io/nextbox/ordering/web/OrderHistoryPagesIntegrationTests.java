package io.nextbox.ordering.web;

import java.util.ArrayList;
import java.util.List;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@NextboxIntegrationTest
class OrderHistoryPagesIntegrationTests {

	private static final Pattern ORDER = Pattern.compile("href=\"/portal/orders/([A-Za-z0-9._~-]+)\"");

	private static final Pattern OLDER = Pattern.compile("href=\"/portal/orders\\?before=([0-9]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void olderOrdersLinksWalkTheWholeHistoryNewestFirstTenAtATime() throws Exception {
		Owned owned = TestSubscriptions.freshActiveWithOrders(jdbc, 10);
		List<String> expected = jdbc.queryForList(
				"select order_number from orders where subscriber_id = ? order by ordered_at desc, id desc",
				String.class, owned.subscriberId());
		assertThat(expected).as("a demo subscriber with more than one page of orders").hasSizeGreaterThan(10);

		List<String> shown = new ArrayList<>();
		String path = "/portal/orders";
		int pages = 0;
		while (path != null) {
			String page = mvc.perform(get(path).with(user(users.loadUserByUsername(owned.email()))))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			pages++;
			List<String> onPage = new ArrayList<>();
			Matcher order = ORDER.matcher(page);
			while (order.find()) {
				if (!onPage.contains(order.group(1))) {
					onPage.add(order.group(1));
				}
			}
			assertThat(onPage).hasSizeLessThanOrEqualTo(10);
			assertThat(page.contains("Newest orders")).as("a link back to the newest on " + path)
				.isEqualTo(pages > 1);
			shown.addAll(onPage);
			Matcher older = OLDER.matcher(page);
			path = older.find() ? "/portal/orders?before=" + older.group(1) : null;
		}

		assertThat(shown).containsExactlyElementsOf(expected);
		assertThat(pages).isEqualTo((expected.size() + 9) / 10);
	}

}
