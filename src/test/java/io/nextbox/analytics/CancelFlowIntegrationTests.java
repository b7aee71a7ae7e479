package io.nextbox.analytics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nextbox.subscription.CancelReason;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The cancel flow through the portal's own endpoints, then read on the analytics page: the reason chosen, the save
 * offers shown for it, one taken, cancellations that went through; every figure equal to a count of the record.
 */
@NextboxIntegrationTest
class CancelFlowIntegrationTests {

	private static final String PAGE = "/admin/analytics?range=7";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserDetailsService users;

	@Test
	void reasonsOffersShownAndTakenAndCancellationsReachThePage() throws Exception {
		Map<String, Map<String, Double>> before = reasons(page());

		// A: too much product, shown skip / space out / one fewer; a double click and the htmx swap count once;
		// takes the skip the page offered
		Owned saved = TestSubscriptions.freshActive(jdbc);
		jdbc.update("update subscription set interval_count = 2, interval_unit = 'WEEK', quantity = 2 where id = ?",
				saved.subscriptionId());
		String cancel = "/portal/subscriptions/" + saved.subscriptionId() + "/cancel";
		mvc.perform(get(cancel).param("reason", "TOO_MUCH_PRODUCT").with(as(saved))).andExpect(status().isOk());
		mvc.perform(get(cancel).param("reason", "TOO_MUCH_PRODUCT").with(as(saved))).andExpect(status().isOk());
		String offers = mvc.perform(get(cancel + "/save").param("reason", "TOO_MUCH_PRODUCT")
			.header("HX-Request", "true")
			.with(as(saved))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		long shownToSaved = Pattern.compile("class=\"save-offer\"").matcher(offers).results().count();
		assertThat(shownToSaved).isEqualTo(3);
		mvc.perform(form("/portal/subscriptions/" + saved.subscriptionId() + "/skip", offers, "skip", saved))
			.andExpect(status().isFound());
		assertThat(jdbc.queryForObject("select outcome from cancel_attempt where subscription_id = ?", String.class,
				saved.subscriptionId()))
			.isEqualTo("SAVED");

		// B: said taste, then moving (the last reason counts), shown a pause, cancelled anyway
		Owned moving = TestSubscriptions.freshActive(jdbc);
		String cancelB = "/portal/subscriptions/" + moving.subscriptionId() + "/cancel";
		mvc.perform(get(cancelB + "/save").param("reason", "TASTE").header("HX-Request", "true").with(as(moving)));
		mvc.perform(get(cancelB + "/save").param("reason", "MOVING").header("HX-Request", "true").with(as(moving)));
		mvc.perform(post(cancelB).param("reason", "MOVING").param("version", version(moving)).with(as(moving))
			.with(csrf())).andExpect(status().isFound());

		// C: cancelled straight from the form, never shown an alternative
		Owned direct = TestSubscriptions.freshActive(jdbc);
		mvc.perform(post("/portal/subscriptions/" + direct.subscriptionId() + "/cancel").param("reason", "TOO_EXPENSIVE")
			.param("version", version(direct))
			.with(as(direct))
			.with(csrf())).andExpect(status().isFound());

		String page = page();
		Map<String, Map<String, Double>> after = reasons(page);
		assertThat(change(before, after, "TOO_MUCH_PRODUCT")).containsEntry("attempts", 1.0)
			.containsEntry("shown", 3.0)
			.containsEntry("taken", 1.0)
			.containsEntry("cancelled", 0.0);
		assertThat(change(before, after, "MOVING")).containsEntry("attempts", 1.0)
			.containsEntry("shown", 1.0)
			.containsEntry("taken", 0.0)
			.containsEntry("cancelled", 1.0);
		assertThat(change(before, after, "TASTE")).containsEntry("attempts", 0.0);
		assertThat(change(before, after, "TOO_EXPENSIVE")).containsEntry("attempts", 1.0)
			.containsEntry("shown", 0.0)
			.containsEntry("cancelled", 1.0);
		for (CancelReason reason : CancelReason.values()) {
			assertThat(after.get(reason.name())).as(reason.name()).isEqualTo(counted(reason.name()));
		}
		assertThat(after.get("ALL")).isEqualTo(counted(null));
	}

	@Test
	void aSaveTakenThatWasNotShownDoesNotCountAsTaken() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		String base = "/portal/subscriptions/" + owned.subscriptionId();
		mvc.perform(get(base + "/cancel").param("reason", "MOVING").with(as(owned))).andExpect(status().isOk());
		String dashboard = mvc.perform(get(base + "/cancel").param("reason", "TOO_MUCH_PRODUCT").with(as(owned)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		jdbc.update("update cancel_attempt set shown = 'pause' where subscription_id = ?", owned.subscriptionId());
		mvc.perform(form(base + "/skip", dashboard, "skip", owned)).andExpect(status().isFound());
		assertThat(jdbc.queryForObject("select count(*) from cancel_attempt where subscription_id = ? "
				+ "and outcome is null", Long.class, owned.subscriptionId()))
			.isEqualTo(1);
	}

	private String page() throws Exception {
		return mvc.perform(get(PAGE).with(user(users.loadUserByUsername(DemoLogins.MERCHANT))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The save offer form posting to {@code action}, with the hidden fields the page gave it. */
	private MockHttpServletRequestBuilder form(String url, String page, String action, Owned owned) {
		Matcher found = Pattern.compile("<form method=\"post\" action=\"[^\"]*/" + action + "\">(.*?)</form>",
				Pattern.DOTALL).matcher(page);
		assertThat(found.find()).as("a %s form in the save offers", action).isTrue();
		MockHttpServletRequestBuilder request = post(url).with(as(owned)).with(csrf());
		Matcher field = Pattern.compile("<input type=\"hidden\" name=\"([a-zA-Z]+)\" value=\"([^\"]*)\"")
			.matcher(found.group(1));
		while (field.find()) {
			request.param(field.group(1), field.group(2));
		}
		return request;
	}

	private String version(Owned owned) {
		return String.valueOf(jdbc.queryForObject("select version from subscription where id = ?", Long.class,
				owned.subscriptionId()));
	}

	private RequestPostProcessor as(Owned owned) {
		return user(users.loadUserByUsername(owned.email()));
	}

	/** Per reason (and ALL for the totals), the figures of its row in the cancel flow table. */
	private static Map<String, Map<String, Double>> reasons(String page) {
		Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
		Matcher row = Pattern.compile("<tr class=\"[a-z-]+\" data-reason=\"([A-Z_]+)\">(.*?)</tr>", Pattern.DOTALL)
			.matcher(page);
		while (row.find()) {
			Map<String, Double> figures = new LinkedHashMap<>();
			Matcher cell = Pattern.compile("data-figure=\"([a-z-]+)\">([^<]*)<").matcher(row.group(2));
			while (cell.find()) {
				figures.put(cell.group(1), Double.parseDouble(cell.group(2).replaceAll("[^0-9.]", "")));
			}
			rows.put(row.group(1), figures);
		}
		if (rows.isEmpty()) {
			assertThat(page).as("without a table, the page says no one chose a reason")
				.contains("No subscriber chose a reason to cancel in this range.");
			for (String reason : List.of("TOO_MUCH_PRODUCT", "TOO_EXPENSIVE", "TASTE", "MOVING", "OTHER", "ALL")) {
				rows.put(reason, Map.of("attempts", 0.0, "shown", 0.0, "taken", 0.0, "save-rate", 0.0, "cancelled", 0.0));
			}
		}
		return rows;
	}

	private static Map<String, Double> change(Map<String, Map<String, Double>> before,
			Map<String, Map<String, Double>> after, String reason) {
		Map<String, Double> change = new LinkedHashMap<>();
		after.get(reason).forEach((figure, value) -> change.put(figure, value - before.get(reason).get(figure)));
		return change;
	}

	/** The row's figures counted with SQL straight from cancel_attempt, over the last 7 days. */
	private Map<String, Double> counted(String reason) {
		LocalDate today = LocalDate.now();
		Timestamp from = Timestamp.from(today.minusDays(6).atStartOfDay(ZoneId.systemDefault()).toInstant());
		Timestamp to = Timestamp.from(today.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
		String where = " from cancel_attempt where started_at >= ? and started_at < ?"
				+ (reason == null ? "" : " and reason = '" + reason + "'");
		double attempts = number("select count(*)" + where, from, to);
		double saved = number("select count(*)" + where + " and outcome = 'SAVED'", from, to);
		Map<String, Double> figures = new LinkedHashMap<>();
		figures.put("attempts", attempts);
		figures.put("shown", number("select coalesce(sum(offers_shown), 0)" + where, from, to));
		figures.put("taken", saved);
		figures.put("save-rate", attempts == 0 ? 0 : Math.round(saved / attempts * 1000) / 10.0);
		figures.put("cancelled", number("select count(*)" + where + " and outcome = 'CANCELLED'", from, to));
		return figures;
	}

	private double number(String sql, Object... arguments) {
		return jdbc.queryForObject(sql, Long.class, arguments).doubleValue();
	}

}
