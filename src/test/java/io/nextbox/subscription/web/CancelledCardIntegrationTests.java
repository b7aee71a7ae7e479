package io.nextbox.subscription.web;

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

/** A cancelled subscription shows when it was cancelled, and no price or next shipment it no longer has. */
@NextboxIntegrationTest
class CancelledCardIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserDetailsService users;

	@Test
	void aCancelledSubscriptionShowsNoPriceAndNoNextShipment() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		assertThat(card(owned)).contains("per delivery", "Next shipment");

		mvc.perform(post("/portal/subscriptions/" + owned.subscriptionId() + "/cancel").with(as(owned)).with(csrf())
			.param("version", version(owned))
			.param("reason", "TOO_MUCH_PRODUCT")).andExpect(status().isFound());

		assertThat(card(owned)).contains("Cancelled on")
			.doesNotContain("per delivery", "Next shipment", "Next box", "Upcoming boxes");
		String detail = page("/portal/subscriptions/" + owned.subscriptionId(), owned);
		String summary = detail.substring(detail.indexOf("subscription-summary"), detail.indexOf("section-title"));
		assertThat(summary).contains("Cancelled on").doesNotContain("per delivery", "Next box", "Upcoming boxes");
	}

	/** The subscription's card on the dashboard. */
	private String card(Owned owned) throws Exception {
		String dashboard = page("/portal", owned);
		Matcher card = Pattern.compile("id=\"subscription-" + owned.subscriptionId() + "\".*?</li>\\s*</ul>",
				Pattern.DOTALL).matcher(dashboard);
		assertThat(card.find()).as("the dashboard shows the subscription").isTrue();
		return card.group();
	}

	private String page(String path, Owned owned) throws Exception {
		return mvc.perform(get(path).with(as(owned)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private RequestPostProcessor as(Owned owned) {
		return user(users.loadUserByUsername(owned.email()));
	}

	private String version(Owned owned) {
		return jdbc.queryForObject("select version from subscription where id = ?", String.class,
				owned.subscriptionId());
	}

}
