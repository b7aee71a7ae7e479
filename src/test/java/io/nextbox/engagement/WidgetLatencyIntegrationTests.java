package io.nextbox.engagement;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nextbox.support.DemoLogins;
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

/** The widget's latency histogram: a widget request is timed, and the scrape shows its buckets. */
@NextboxIntegrationTest
class WidgetLatencyIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private MeterRegistry meters;

	@Test
	void aWidgetRequestIsTimedAndScrapedAsAHistogram() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		long before = timed();

		mvc.perform(get("/portal/widgets/POST_PURCHASE").header("HX-Request", "true")
			.with(user(users.loadUserByUsername(owned.email())))).andExpect(status().isOk());

		assertThat(timed()).isEqualTo(before + 1);
		String scrape = mvc.perform(get("/actuator/prometheus")
			.with(user(users.loadUserByUsername(DemoLogins.MERCHANT))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher bucket = Pattern
			.compile("nextbox_widget_seconds_bucket\\{[^}]*outcome=\"(cards|empty)\"[^}]*placement=\"POST_PURCHASE\""
					+ "[^}]*} [0-9]")
			.matcher(scrape);
		assertThat(bucket.find()).as("a histogram bucket of the widget's latency in:%n%s", scrape.lines()
			.filter(line -> line.contains("nextbox_widget"))
			.toList()).isTrue();
		assertThat(scrape).contains("nextbox_widget_seconds_count{", "nextbox_widget_failures_total");
	}

	private long timed() {
		return meters.find("nextbox.widget")
			.tag("placement", "POST_PURCHASE")
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

}
