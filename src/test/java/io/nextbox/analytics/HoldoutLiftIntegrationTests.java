package io.nextbox.analytics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.NewProduct;
import io.nextbox.catalog.ProductCategory;
import io.nextbox.offer.NewOffer;
import io.nextbox.offer.OfferEvent;
import io.nextbox.offer.OfferEventType;
import io.nextbox.offer.OfferEvents;
import io.nextbox.offer.OfferService;
import io.nextbox.offer.Placement;
import io.nextbox.ordering.OrderHistory;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The lift sentence at the top of the analytics page, for events seeded in March 2017 (a month no other data
 * reaches) for subscribers of the test's own: 45 shown offers, 35 held out, one on both sides. The expected
 * intervals are scipy's ({@code ttest_ind(equal_var=False).confidence_interval(0.95)}) for the same amounts.
 */
@NextboxIntegrationTest
@WithUserDetails(DemoLogins.MERCHANT)
class HoldoutLiftIntegrationTests {

	private static final String MARCH = "range=custom&from=2017-03-01&to=2017-03-31";

	private static boolean seeded;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private OfferService offers;

	@Autowired
	private OfferEvents events;

	@Autowired
	private CatalogService catalog;

	@Autowired
	private OrderHistory orderHistory;

	private static final List<Long> shown = new ArrayList<>();

	private static final List<Long> heldOut = new ArrayList<>();

	@BeforeEach
	void seed() {
		if (seeded) {
			return;
		}
		String unique = UUID.randomUUID().toString().substring(0, 8);
		long product = catalog.createProduct(new NewProduct("LIFT-" + unique, "Lift mug " + unique, "", "",
				ProductCategory.GEAR, new BigDecimal("12.50"), true, true));
		long offer = offers.create(AnalyticsIntegrationTests
			.ended(NewOffer.activeAddOn("Lift mug " + unique, product, 1, Set.of(Placement.DASHBOARD))));
		BigDecimal price = new BigDecimal("12.50");
		List<OfferEvent> seeded = new ArrayList<>();
		for (int i = 0; i < 45; i++) {
			long subscriber = subscriber(unique, "shown" + i);
			shown.add(subscriber);
			seeded.add(event(offer, subscriber, OfferEventType.IMPRESSION, price, false, 10));
			BigDecimal total = new BigDecimal("30.00");
			if (i % 3 == 0) {
				seeded.add(event(offer, subscriber, OfferEventType.SHIPPED, price, false, 20));
				total = total.add(price);
			}
			order(unique, subscriber, total);
		}
		for (int i = 0; i < 35; i++) {
			long subscriber = subscriber(unique, "held" + i);
			heldOut.add(subscriber);
			seeded.add(event(offer, subscriber, OfferEventType.IMPRESSION, price, true, 10));
			if (i % 5 != 0) {
				order(unique, subscriber, new BigDecimal("30.00"));
			}
		}
		long both = subscriber(unique, "both");
		seeded.add(event(offer, both, OfferEventType.IMPRESSION, price, false, 11));
		seeded.add(event(offer, both, OfferEventType.IMPRESSION, price, true, 12));
		seeded.add(event(offer, both, OfferEventType.SHIPPED, price, false, 20));
		events.record(seeded);
		HoldoutLiftIntegrationTests.seeded = true;
	}

	private long subscriber(String unique, String name) {
		String email = "lift-" + name + "-" + unique + "@lift.test";
		jdbc.update("insert into subscriber (email, first_name, last_name, created_at) values (?, 'Lift', ?, ?)",
				email, name, Timestamp.from(Instant.now()));
		return jdbc.queryForObject("select id from subscriber where email = ?", Long.class, email);
	}

	/** An order without lines: the recommender, which learns from lines, never sees it. */
	private void order(String unique, long subscriber, BigDecimal total) {
		jdbc.update("insert into orders (order_number, subscriber_id, ordered_at, total, source) "
				+ "values (?, ?, ?, ?, 'IMPORT')", "LIFT-" + unique + "-" + subscriber, subscriber,
				Timestamp.from(at(22)), total);
	}

	private static OfferEvent event(long offer, long subscriber, OfferEventType type, BigDecimal price,
			boolean holdout, int day) {
		return new OfferEvent(offer, subscriber, null, null, Placement.DASHBOARD, type, price, holdout, at(day));
	}

	/** Noon on day {@code day} of March 2017, in the store's time zone. */
	private static Instant at(int day) {
		return LocalDate.of(2017, 3, day).atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant();
	}

	@Test
	void thePageSaysWhatOffersRaisedWithAnIntervalAndBothGroupSizes() throws Exception {
		String page = page("/admin/analytics?" + MARCH);
		assertThat(page).contains("Lift against the holdout")
			.contains("Offers raised add-on revenue per subscriber by $4.17 (95% interval $2.38 to $5.96) over "
					+ "31 days; 45 vs 35 subscribers.")
			.contains("Offers raised total order revenue per subscriber by $10.17 (95% interval $5.66 to $14.68) "
					+ "over 31 days; 45 vs 35 subscribers.")
			.contains("Per subscriber: $4.17 with offers, $0.00 in the holdout.")
			.contains("Per subscriber: $34.17 with offers, $24.00 in the holdout.")
			.contains("One subscriber had impressions on both sides")
			.contains("Across all placements: how this is measured");
		assertThat(page.indexOf("Lift against the holdout")).as("the lift comes first")
			.isLessThan(page.indexOf("analytics-table"));
	}

	@Test
	void atAPlacementWithoutImpressionsThePageSaysTheGroupsAreTooSmall() throws Exception {
		String page = page("/admin/analytics?" + MARCH + "&placement=CANCEL_FLOW");
		assertThat(page).contains("At Cancel flow only: how this is measured")
			.contains("Too few subscribers to tell what offers did to add-on revenue over 31 days: 0 saw offers and "
					+ "0 were held out; each group needs at least 30.")
			.doesNotContain("95% interval $");
	}

	@Test
	void aShorterRangeWithTheSameImpressionsButNoRevenueHasNoSpreadToMeasure() throws Exception {
		String page = page("/admin/analytics?range=custom&from=2017-03-10&to=2017-03-10");
		assertThat(page).contains("No answer for add-on revenue over 1 day: it was the same for every subscriber in "
				+ "both groups (45 vs 35 subscribers)");
	}

	@Test
	void orderTotalsAreSummedPerSubscriberForTheRangeOnly() {
		Set<Long> some = Set.of(shown.get(0), shown.get(1), heldOut.get(0), heldOut.get(1));
		Instant from = at(1);
		assertThat(orderHistory.totalsBySubscriber(some, from, at(31)))
			.containsOnlyKeys(shown.get(0), shown.get(1), heldOut.get(1))
			.hasEntrySatisfying(shown.get(0), total -> assertThat(total).isEqualByComparingTo("42.50"))
			.hasEntrySatisfying(shown.get(1), total -> assertThat(total).isEqualByComparingTo("30.00"));
		assertThat(orderHistory.totalsBySubscriber(some, from, at(22))).as("the end is exclusive").isEmpty();
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
