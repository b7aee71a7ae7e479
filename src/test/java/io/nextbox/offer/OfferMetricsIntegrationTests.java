package io.nextbox.offer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Offer events as Prometheus counters: counted once committed, scraped by a merchant, closed to everyone else. */
@NextboxIntegrationTest
class OfferMetricsIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private OfferEvents events;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	@WithUserDetails(DemoLogins.MERCHANT)
	void aShippedAddOnIsCountedWhenItsTransactionCommitsAndNotWhenItRollsBack() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		long offer = jdbc.queryForObject("select min(id) from offer", Long.class);
		OfferEvent shipped = new OfferEvent(offer, owned.subscriberId(), owned.subscriptionId(), null,
				Placement.NEXT_SHIPMENT, OfferEventType.SHIPPED, new BigDecimal("2.50"), false,
				Instant.parse("2018-06-01T10:00:00Z"));
		double revenue = revenue();
		double shippedCount = shippedCount();

		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			events.record(List.of(shipped));
			status.setRollbackOnly();
		});
		assertThat(revenue()).as("a rolled-back event counts nothing").isEqualTo(revenue);

		events.record(shipped);
		assertThat(revenue()).isEqualTo(revenue + 2.5);
		assertThat(shippedCount()).isEqualTo(shippedCount + 1);

		mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("nextbox_offer_addon_revenue_currency_total")))
			.andExpect(content().string(containsString(
					"nextbox_offer_events_total{holdout=\"false\",placement=\"NEXT_SHIPMENT\",type=\"SHIPPED\"}")));
	}

	@Test
	void theScrapeIsClosedToSubscribersAndToTheSignedOut() throws Exception {
		mvc.perform(get("/actuator/prometheus")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/actuator/prometheus").with(user(DemoLogins.subscriber(1)).roles("SUBSCRIBER")))
			.andExpect(status().isForbidden());
	}

	private double revenue() {
		var counter = meters.find("nextbox.offer.addon.revenue").counter();
		return counter == null ? 0 : counter.count();
	}

	private double shippedCount() {
		var counter = meters.find("nextbox.offer.events")
			.tags("type", "SHIPPED", "placement", "NEXT_SHIPMENT", "holdout", "false")
			.counter();
		return counter == null ? 0 : counter.count();
	}

}
