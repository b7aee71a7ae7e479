package io.nextbox.analytics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.NewProduct;
import io.nextbox.catalog.ProductCategory;
import io.nextbox.offer.NewOffer;
import io.nextbox.offer.OfferEvent;
import io.nextbox.offer.OfferEventType;
import io.nextbox.offer.OfferEvents;
import io.nextbox.offer.OfferService;
import io.nextbox.offer.Placement;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The charts: their JSON holds, period by period, the figures of the table beside them and of the offer event log;
 * the pages load Chart.js and our script from files (no inline script); the data is the merchant's only.
 */
@NextboxIntegrationTest
@WithUserDetails(DemoLogins.MERCHANT)
class AnalyticsChartsIntegrationTests {

	/** Seeded in April 2017, a month the demo store's history and the other tests do not reach. */
	private static final String APRIL = "range=custom&from=2017-04-01&to=2017-04-10";

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
	private JsonMapper json;

	private long offer;

	@BeforeEach
	void seed() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		long product = catalog.createProduct(new NewProduct("CH-" + unique, "Chart mug " + unique, "", "",
				ProductCategory.GEAR, new BigDecimal("9.00"), true, true));
		offer = offers.create(AnalyticsIntegrationTests
			.ended(NewOffer.activeAddOn("Chart mug " + unique, product, 1, Set.of(Placement.DASHBOARD))));
		long first = TestSubscriptions.freshActive(jdbc).subscriberId();
		long second = TestSubscriptions.freshActive(jdbc).subscriberId();
		BigDecimal price = new BigDecimal("9.00");
		events.record(List.of(event(first, OfferEventType.IMPRESSION, price, false, 2),
				event(second, OfferEventType.IMPRESSION, price, false, 2),
				event(second, OfferEventType.IMPRESSION, price, true, 2),
				event(first, OfferEventType.ACCEPT, price, false, 2),
				event(first, OfferEventType.SHIPPED, price, false, 5),
				event(second, OfferEventType.IMPRESSION, price, false, 9),
				event(second, OfferEventType.IMPRESSION, price, false, 40)));
	}

	/** At noon UTC on day {@code day} of April 2017 (day 40 is 10 May). */
	private OfferEvent event(long subscriber, OfferEventType type, BigDecimal price, boolean holdout, int day) {
		Instant at = LocalDate.of(2017, 3, 31).plusDays(day).atTime(12, 0).atZone(ZoneId.of("UTC")).toInstant();
		return new OfferEvent(offer, subscriber, null, null, Placement.DASHBOARD, type, price, holdout, at);
	}

	@Test
	void anOffersChartHoldsTheFiguresOfItsTablePerDay() throws Exception {
		JsonNode chart = chart("/admin/analytics/offers/" + offer + "/chart.json?" + APRIL);
		String page = page("/admin/analytics/offers/" + offer + "?" + APRIL);
		assertThat(chart.get("weekly").asBoolean()).isFalse();
		assertThat(chart.get("labels")).hasSize(10);
		assertThat(chart.get("labels").get(1).asString()).isEqualTo("2 Apr");
		for (int i = 0; i < 10; i++) {
			String day = LocalDate.of(2017, 4, 1).plusDays(i).toString();
			assertThat(chart.get("starts").get(i).asString()).isEqualTo(day);
			String row = row(page, "period-row", day);
			assertThat(chart.get("impressions").get(i).asLong()).as(day).isEqualTo((long) cell(row, "impressions"))
				.isEqualTo(count(day, "IMPRESSION", offer));
			assertThat(chart.get("accepts").get(i).asLong()).as(day).isEqualTo((long) cell(row, "accepts"))
				.isEqualTo(count(day, "ACCEPT", offer));
			assertThat(chart.get("netRevenue").get(i).decimalValue()).as(day)
				.isEqualByComparingTo(BigDecimal.valueOf(cell(row, "add-on-revenue")));
		}
		assertThat(chart.get("impressions").get(1).asLong()).as("the holdout's impression is left out").isEqualTo(2);
		assertThat(chart.get("netRevenue").get(4).decimalValue()).isEqualByComparingTo("9.00");
	}

	@Test
	void theStoreChartAddsEveryOfferPerDayOrWeekLikeItsTable() throws Exception {
		JsonNode chart = chart("/admin/analytics/chart.json?" + APRIL);
		String page = page("/admin/analytics?" + APRIL);
		for (int i = 0; i < 10; i++) {
			String day = LocalDate.of(2017, 4, 1).plusDays(i).toString();
			String row = row(page, "trend-row", day);
			assertThat(chart.get("impressions").get(i).asLong()).as(day).isEqualTo((long) cell(row, "impressions"))
				.isEqualTo(count(day, "IMPRESSION", null));
			assertThat(chart.get("accepts").get(i).asLong()).as(day).isEqualTo((long) cell(row, "accepts"))
				.isEqualTo(count(day, "ACCEPT", null));
			assertThat(chart.get("netRevenue").get(i).decimalValue()).as(day)
				.isEqualByComparingTo(BigDecimal.valueOf(cell(row, "net-revenue")));
		}
		JsonNode weekly = chart("/admin/analytics/chart.json?range=custom&from=2017-04-01&to=2017-05-31");
		assertThat(weekly.get("weekly").asBoolean()).isTrue();
		assertThat(weekly.get("starts")).hasSize(9);
		assertThat(weekly.get("starts").get(5).asString()).isEqualTo("2017-05-06");
		assertThat(weekly.get("impressions").get(5).asLong()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void thePagesDrawFromFilesAndTheJsonWithoutInlineScript() throws Exception {
		for (String url : List.of("/admin/analytics?" + APRIL, "/admin/analytics/offers/" + offer + "?" + APRIL)) {
			String page = mvc.perform(get(url))
				.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
				.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("data-chart-src=\"/admin/analytics/", "/webjars/chart.js/", "/dist/chart.umd.js",
					"/js/charts.js", "href=\"#");
			assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(page).find()).as("inline script")
				.isFalse();
			assertThat(page).as("each chart says what it shows and where its figures are as text")
				.contains("aria-label=\"Chart of impressions per day. The same figures are in the table below.\"",
						"aria-label=\"Chart of net revenue per day. The same figures are in the table below.\"");
		}
		mvc.perform(get("/webjars/chart.js/dist/chart.umd.js")).andExpect(status().isOk());
		mvc.perform(get("/js/charts.js")).andExpect(status().isOk());
	}

	@Test
	void aFilterTheChartCannotReadIsRefused() throws Exception {
		mvc.perform(get("/admin/analytics/chart.json?range=custom&from=2017-05-01&to=2017-04-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("analytics.range.toBeforeFrom")));
		mvc.perform(get("/admin/analytics/offers/999999999/chart.json")).andExpect(status().isNotFound());
	}

	@Test
	@WithUserDetails("subscriber1@nextbox.test")
	void subscribersAreRefusedTheChartData() throws Exception {
		mvc.perform(get("/admin/analytics/chart.json")).andExpect(status().isForbidden());
		mvc.perform(get("/admin/analytics/offers/" + offer + "/chart.json")).andExpect(status().isForbidden());
	}

	private JsonNode chart(String url) throws Exception {
		return json.readTree(mvc.perform(get(url))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("application/json")))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static String row(String page, String rowClass, String start) {
		Matcher found = Pattern.compile("<tr class=\"" + rowClass + "\" data-start=\"" + start + "\">(.*?)</tr>",
				Pattern.DOTALL).matcher(page);
		assertThat(found.find()).as("a %s for %s", rowClass, start).isTrue();
		return found.group(1);
	}

	private static double cell(String row, String figure) {
		Matcher found = Pattern.compile("data-figure=\"" + figure + "\">([^<]*)<").matcher(row);
		assertThat(found.find()).as(figure).isTrue();
		return Double.parseDouble(found.group(1).replaceAll("[^0-9.]", ""));
	}

	/** Events of a type outside the holdout on one day (store time), of one offer or all, counted with SQL. */
	private long count(String day, String type, Long offerId) {
		LocalDate date = LocalDate.parse(day);
		Timestamp from = Timestamp.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
		Timestamp to = Timestamp.from(date.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
		return offerId == null
				? jdbc.queryForObject("select count(*) from offer_event where holdout = false and type = ? "
						+ "and occurred_at >= ? and occurred_at < ?", Long.class, type, from, to)
				: jdbc.queryForObject("select count(*) from offer_event where holdout = false and type = ? "
						+ "and occurred_at >= ? and occurred_at < ? and offer_id = ?", Long.class, type, from, to,
						offerId);
	}

}
