package io.nextbox.analytics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import io.nextbox.offer.OfferStatus;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every figure on the analytics page equals a count made directly from the offer events; filters narrow; bad
 * filters are refused with a message; the exports neutralise formulas; subscribers are refused.
 */
@NextboxIntegrationTest
@WithUserDetails(DemoLogins.MERCHANT)
class AnalyticsIntegrationTests {

	/** Seeded in February 2019, a month the demo store's history does not reach. */
	private static final String FEBRUARY = "range=custom&from=2019-02-01&to=2019-02-28";

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

	private long addOn;

	private long upgrade;

	private String addOnName;

	@BeforeEach
	void seed() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		long product = catalog.createProduct(new NewProduct("AN-" + unique, "Analytics mug " + unique, "", "",
				ProductCategory.GEAR, new BigDecimal("12.50"), true, true));
		addOnName = "=HYPERLINK(\"x\") mug " + unique;
		addOn = offers.create(ended(NewOffer.activeAddOn(addOnName, product, 1, Set.of(Placement.DASHBOARD))));
		long plan = catalog.allPlans().keySet().iterator().next();
		upgrade = offers.create(ended(NewOffer.activeUpgrade("Analytics upgrade " + unique, plan, 1,
				Set.of(Placement.POST_PURCHASE))));
		long first = TestSubscriptions.freshActive(jdbc).subscriberId();
		long second = TestSubscriptions.freshActive(jdbc).subscriberId();
		long third = TestSubscriptions.freshActive(jdbc).subscriberId();
		BigDecimal price = new BigDecimal("12.50");
		events.record(List.of(event(addOn, first, Placement.DASHBOARD, OfferEventType.IMPRESSION, price, false, 3),
				event(addOn, first, Placement.DASHBOARD, OfferEventType.IMPRESSION, price, false, 4),
				event(addOn, second, Placement.DASHBOARD, OfferEventType.IMPRESSION, price, false, 4),
				event(addOn, third, Placement.EMAIL, OfferEventType.IMPRESSION, price, false, 5),
				event(addOn, third, Placement.DASHBOARD, OfferEventType.IMPRESSION, price, true, 5),
				event(addOn, first, Placement.DASHBOARD, OfferEventType.ACCEPT, price, false, 4),
				event(addOn, third, Placement.EMAIL, OfferEventType.ACCEPT, price, false, 5),
				event(addOn, first, Placement.DASHBOARD, OfferEventType.UNDO, price, false, 4),
				event(addOn, second, Placement.DASHBOARD, OfferEventType.DISMISS, price, false, 4),
				event(addOn, third, Placement.NEXT_SHIPMENT, OfferEventType.SHIPPED, price, false, 9),
				event(addOn, second, Placement.DASHBOARD, OfferEventType.IMPRESSION, price, false, 33),
				event(upgrade, second, Placement.POST_PURCHASE, OfferEventType.IMPRESSION, new BigDecimal("39.00"),
						false, 6),
				event(upgrade, second, Placement.POST_PURCHASE, OfferEventType.ACCEPT, new BigDecimal("39.00"), false,
						6)));
	}

	/** Ended, so no other test's subscriber is ever shown it. */
	static NewOffer ended(NewOffer offer) {
		return new NewOffer(offer.name(), offer.kind(), offer.productId(), offer.targetPlanId(), offer.discountType(),
				offer.discountValue(), OfferStatus.ENDED, offer.priority(), offer.startsOn(), offer.endsOn(),
				offer.minOrders(), offer.minTenureDays(), offer.excludeExisting(), offer.placements(),
				offer.targetPlanIds(), offer.targetFamilyIds());
	}

	/** At noon UTC on day {@code day} counted from 31 January 2019 (so day 33 is 5 March). */
	private static OfferEvent event(long offer, long subscriber, Placement placement, OfferEventType type,
			BigDecimal price, boolean holdout, int day) {
		Instant at = LocalDate.of(2019, 1, 31).plusDays(day).atTime(12, 0).atZone(ZoneId.of("UTC")).toInstant();
		return new OfferEvent(offer, subscriber, null, null, placement, type, price, holdout, at);
	}

	@Test
	void everyFigureEqualsACountOfTheOfferEvents() throws Exception {
		String page = page("/admin/analytics?" + FEBRUARY);
		Instant from = start("2019-02-01");
		Instant to = start("2019-03-01");

		assertThat(figures(page, "offer-row", addOn, null)).isEqualTo(counted(addOn, null, from, to));
		assertThat(figures(page, "offer-row", upgrade, null)).isEqualTo(counted(upgrade, null, from, to));
		assertThat(figures(page, "placement-row", addOn, Placement.DASHBOARD))
			.isEqualTo(counted(addOn, Placement.DASHBOARD, from, to));
		assertThat(figures(page, "placement-row", addOn, Placement.EMAIL))
			.isEqualTo(counted(addOn, Placement.EMAIL, from, to));
		assertThat(figures(page, "totals-row", null, null)).isEqualTo(counted(null, null, from, to));
		// the holdout's impression and March's are left out; the upgrade earns per delivery, the mug once shipped
		assertThat(figures(page, "offer-row", addOn, null)).containsEntry("impressions", 4.0)
			.containsEntry("reached", 3.0)
			.containsEntry("add-on-revenue", 12.5);
		assertThat(figures(page, "offer-row", upgrade, null)).containsEntry("upgrades", 1.0)
			.containsEntry("upgrade-revenue", 39.0);
	}

	@Test
	void thePlacementAndTheDatesNarrowTheFigures() throws Exception {
		String email = page("/admin/analytics?" + FEBRUARY + "&placement=EMAIL");
		assertThat(figures(email, "offer-row", addOn, null))
			.isEqualTo(counted(addOn, Placement.EMAIL, start("2019-02-01"), start("2019-03-01")))
			.containsEntry("impressions", 1.0);
		assertThat(email).doesNotContain("data-offer-id=\"" + upgrade + "\"").doesNotContain("placement-row");

		String oneDay = page("/admin/analytics?range=custom&from=2019-02-05&to=2019-02-05");
		assertThat(figures(oneDay, "offer-row", addOn, null))
			.isEqualTo(counted(addOn, null, start("2019-02-05"), start("2019-02-06")))
			.containsEntry("impressions", 1.0);
	}

	@Test
	void theTableSortsByTheChosenColumn() throws Exception {
		String byUpgrades = page("/admin/analytics?" + FEBRUARY + "&sort=upgrades");
		assertThat(byUpgrades.indexOf("data-offer-id=\"" + upgrade + "\""))
			.isLessThan(byUpgrades.indexOf("data-offer-id=\"" + addOn + "\""));
		String byImpressions = page("/admin/analytics?" + FEBRUARY + "&sort=impressions");
		assertThat(byImpressions.indexOf("data-offer-id=\"" + addOn + "\""))
			.isLessThan(byImpressions.indexOf("data-offer-id=\"" + upgrade + "\""));
	}

	@Test
	void theOfferPageShowsTheSameFiguresPerDayAndPerWeek() throws Exception {
		String daily = page("/admin/analytics/offers/" + addOn + "?range=custom&from=2019-02-01&to=2019-02-10");
		assertThat(figures(daily, "period-row", "2019-02-04"))
			.isEqualTo(counted(addOn, null, start("2019-02-04"), start("2019-02-05")));
		assertThat(figures(daily, "totals-row", null))
			.isEqualTo(counted(addOn, null, start("2019-02-01"), start("2019-02-11")));

		String weekly = page("/admin/analytics/offers/" + addOn + "?range=custom&from=2019-02-01&to=2019-03-31");
		assertThat(weekly).contains(">Week<");
		assertThat(figures(weekly, "period-row", "2019-02-01"))
			.isEqualTo(counted(addOn, null, start("2019-02-01"), start("2019-02-08")));
		assertThat(figures(weekly, "period-row", "2019-03-01"))
			.isEqualTo(counted(addOn, null, start("2019-03-01"), start("2019-03-08")))
			.containsEntry("impressions", 1.0);
	}

	@Test
	void badFiltersAreAnsweredWithAMessage() throws Exception {
		mvc.perform(get("/admin/analytics?range=custom&from=2019-02-31&to=2019-03-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter a date as year-month-day")));
		mvc.perform(get("/admin/analytics?range=custom&from=2019-03-01&to=2019-02-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The end comes before the start.")));
		mvc.perform(get("/admin/analytics?range=custom&from=2019-03-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter a date.")));
		mvc.perform(get("/admin/analytics?range=12"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose one of the ranges offered.")));
		mvc.perform(get("/admin/analytics/offers/" + addOn + "?placement=nowhere"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose one of the placements offered.")));
		mvc.perform(get("/admin/analytics/events.csv?range=custom&from=x&to=y"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/admin/analytics/offers/999999999")).andExpect(status().isNotFound());
	}

	@Test
	void theExportsNeutraliseFormulas() throws Exception {
		String table = mvc.perform(get("/admin/analytics/offers.csv?" + FEBRUARY))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(table).contains(addOn + ",\"'=HYPERLINK(\"\"x\"\") mug").doesNotContain(",\"=HYPERLINK");
		assertThat(table.lines().filter(line -> line.startsWith(addOn + ","))).hasSize(4);

		String raw = mvc.perform(get("/admin/analytics/events.csv?" + FEBRUARY))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> mine = raw.lines().filter(line -> line.contains("," + addOn + ",\"'=HYPERLINK")).toList();
		assertThat(mine).hasSize(10).noneMatch(line -> line.contains(",\"=HYPERLINK"));
		assertThat(mine.stream().filter(line -> line.endsWith(",true"))).hasSize(1);
	}

	@Test
	void aCellThatASpreadsheetWouldRunIsWrittenAsText() {
		assertThat(CsvCells.neutralised("=1+2")).isEqualTo("'=1+2");
		assertThat(CsvCells.neutralised("+1")).isEqualTo("'+1");
		assertThat(CsvCells.neutralised("-1")).isEqualTo("'-1");
		assertThat(CsvCells.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvCells.neutralised("Mug")).isEqualTo("Mug");
	}

	@Test
	@WithUserDetails("subscriber1@nextbox.test")
	void subscribersAreRefusedAnalytics() throws Exception {
		mvc.perform(get("/admin/analytics")).andExpect(status().isForbidden());
		mvc.perform(get("/admin/analytics/events.csv")).andExpect(status().isForbidden());
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static Instant start(String day) {
		return LocalDate.parse(day).atStartOfDay(ZoneId.systemDefault()).toInstant();
	}

	/** The figures of a table row, read from its cells. */
	private static Map<String, Double> figures(String page, String rowClass, Object key, Placement placement) {
		String attributes = key == null ? "" : "[^>]*data-offer-id=\"" + key + "\"";
		attributes += placement == null ? "" : "[^>]*data-placement=\"" + placement + "\"";
		Map<String, Double> figures = cells(page, "<tr class=\"" + rowClass + "\"" + attributes + "[^>]*>(.*?)</tr>");
		// counted from upgrade_accepted, not offer_event: RecurringRevenueIntegrationTests checks it
		figures.remove("mrr-added");
		return figures;
	}

	private static Map<String, Double> figures(String page, String rowClass, String start) {
		return cells(page, "<tr class=\"" + rowClass + "\"" + (start == null ? "" : " data-start=\"" + start + "\"")
				+ "[^>]*>(.*?)</tr>");
	}

	private static Map<String, Double> cells(String page, String row) {
		Matcher found = Pattern.compile(row, Pattern.DOTALL).matcher(page);
		assertThat(found.find()).as("a row matching %s", row).isTrue();
		Map<String, Double> figures = new LinkedHashMap<>();
		Matcher cell = Pattern.compile("data-figure=\"([a-z-]+)\">([^<]*)<").matcher(found.group(1));
		while (cell.find()) {
			String value = cell.group(2).replaceAll("[^0-9.]", "");
			double number = Double.parseDouble(value);
			figures.put(cell.group(1), cell.group(2).endsWith("%") ? Math.round(number * 10) / 10.0 : number);
		}
		return figures;
	}

	/** The same figures counted with SQL straight from offer_event, holdout left out. */
	private Map<String, Double> counted(Long offer, Placement placement, Instant from, Instant to) {
		List<Object> arguments = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
		String where = " from offer_event e join offer o on o.id = e.offer_id where e.holdout = false"
				+ " and e.occurred_at >= ? and e.occurred_at < ?";
		if (offer != null) {
			where += " and e.offer_id = ?";
			arguments.add(offer);
		}
		if (placement != null) {
			where += " and e.placement = ?";
			arguments.add(placement.name());
		}
		Object[] args = arguments.toArray();
		double impressions = number("select count(*)" + where + " and e.type = 'IMPRESSION'", args);
		double accepts = number("select count(*)" + where + " and e.type = 'ACCEPT'", args);
		double shipped = number("select count(*)" + where + " and e.type = 'SHIPPED'", args);
		Map<String, Double> figures = new LinkedHashMap<>();
		figures.put("impressions", impressions);
		figures.put("reached", number("select count(distinct e.subscriber_id)" + where + " and e.type = 'IMPRESSION'",
				args));
		figures.put("accepts", accepts);
		figures.put("undone", number("select count(*)" + where + " and e.type = 'UNDO'", args));
		figures.put("dismissed", number("select count(*)" + where + " and e.type = 'DISMISS'", args));
		figures.put("shipped", shipped);
		figures.put("take-rate", percent(accepts, impressions));
		figures.put("net-take-rate", percent(shipped, impressions));
		figures.put("add-on-revenue",
				number("select coalesce(sum(e.unit_price), 0)" + where + " and e.type = 'SHIPPED'", args));
		figures.put("upgrades", number("select count(*)" + where + " and e.type = 'ACCEPT' and o.kind = 'UPGRADE'",
				args));
		figures.put("upgrade-revenue", number(
				"select coalesce(sum(e.unit_price), 0)" + where + " and e.type = 'ACCEPT' and o.kind = 'UPGRADE'",
				args));
		return figures;
	}

	private static double percent(double part, double whole) {
		return whole == 0 ? 0 : Math.round(part / whole * 1000) / 10.0;
	}

	private double number(String sql, Object... arguments) {
		BigDecimal value = jdbc.queryForObject(sql, BigDecimal.class, arguments);
		return value.doubleValue();
	}

}
