package io.nextbox.analytics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.nextbox.engagement.AcceptedUpgrades;
import io.nextbox.subscription.CancelAttempts;
import io.nextbox.subscription.CancelReason;
import io.nextbox.subscription.CancelReasonFigures;
import io.nextbox.support.CleanMigrate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The cancel flow record, the accepted upgrades and the charts' queries on PostgreSQL (V27, V28). */
@Tag("postgres")
@SpringBootTest(properties = { "nextbox.demo.enabled=true", "nextbox.demo.subscribers=60" })
@AutoConfigureMockMvc
@ActiveProfiles({ "postgres", "postgres-test" })
@Import(CleanMigrate.class)
class AnalyticsPostgresTests {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private CancelAttempts attempts;

	@Autowired
	private AcceptedUpgrades upgrades;

	@Test
	@WithUserDetails("merchant@nextbox.test")
	void theCancelFlowAndTheUpgradesAreCountedAndThePageAndChartsAnswer() throws Exception {
		Map<String, Object> subscription = jdbc.queryForMap(
				"select id, subscriber_id from subscription where status = 'ACTIVE' order by id limit 1");
		long id = ((Number) subscription.get("id")).longValue();
		long subscriber = ((Number) subscription.get("subscriber_id")).longValue();
		Instant before = Instant.now().minusSeconds(60);
		attempts.reasonChosen(subscriber, id, CancelReason.TOO_MUCH_PRODUCT, List.of("skip", "pause"));
		attempts.reasonChosen(subscriber, id, CancelReason.TOO_MUCH_PRODUCT, List.of("skip", "pause"));
		CancelReasonFigures tooMuch = attempts.perReason(before, Instant.now().plusSeconds(60)).get(0);
		assertThat(tooMuch.reason()).isEqualTo(CancelReason.TOO_MUCH_PRODUCT);
		assertThat(tooMuch.attempts()).isEqualTo(1);
		assertThat(tooMuch.offersShown()).isEqualTo(2);

		long offer = jdbc.queryForObject("select min(id) from offer where kind = 'UPGRADE'", Long.class);
		long plan = jdbc.queryForObject("select min(id) from plan", Long.class);
		jdbc.update("insert into offer_claim (claim_key, subscriber_id, subscription_id, offer_id, placement, kind, "
				+ "target_plan_id, unit_price, status, issued_at, decided_at) values ('pg-upgrade', ?, ?, ?, "
				+ "'DASHBOARD', 'UPGRADE', ?, 26.00, 'ACCEPTED', ?, ?)", subscriber, id, offer, plan,
				Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
		jdbc.update("insert into upgrade_accepted (claim_key, offer_id, placement, subscription_id, previous_price, "
				+ "new_price, interval_count, interval_unit, accepted_at) values ('pg-upgrade', ?, 'DASHBOARD', ?, "
				+ "16.00, 26.00, 1, 'MONTH', ?)", offer, id, Timestamp.from(Instant.now()));
		jdbc.update("insert into offer_event (offer_id, subscriber_id, subscription_id, placement, type, unit_price, "
				+ "holdout, occurred_at) values (?, ?, ?, 'DASHBOARD', 'ACCEPT', 26.00, false, ?)", offer, subscriber, id,
				Timestamp.from(Instant.now()));
		assertThat(upgrades.between(before, Instant.now().plusSeconds(60), null)).singleElement()
			.satisfies(upgrade -> assertThat(upgrade.monthlyRecurringAdded()).isEqualByComparingTo(BigDecimal.TEN));

		mvc.perform(get("/admin/analytics?range=7"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-reason=\"TOO_MUCH_PRODUCT\"")))
			.andExpect(content().string(containsString("data-figure=\"mrr-added\">$10.00<")));
		mvc.perform(get("/admin/analytics/chart.json?range=90")).andExpect(status().isOk());
		mvc.perform(get("/admin/analytics/offers/" + offer + "/chart.json?range=7")).andExpect(status().isOk());
	}

}
