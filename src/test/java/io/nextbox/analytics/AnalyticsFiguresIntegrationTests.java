package io.nextbox.analytics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every figure on the analytics page (every offer row, every placement row, the totals, and the lift's group
 * sizes), at every placement filter, equals a count made with plain SQL straight from {@code offer_event}. The
 * events are seeded at random (a fixed seed) through the event log in June 2018, a month no other data reaches.
 */
@NextboxIntegrationTest
@WithUserDetails(DemoLogins.MERCHANT)
class AnalyticsFiguresIntegrationTests {

	private static final String JUNE = "range=custom&from=2018-06-01&to=2018-06-30";

	private static final Pattern ROW = Pattern
		.compile("<tr class=\"(offer-row|placement-row|totals-row)\"([^>]*)>(.*?)</tr>", Pattern.DOTALL);

	private static final Pattern CELL = Pattern.compile("data-figure=\"([a-z-]+)\">([^<]*)<");

	private static boolean seeded;

	private final List<OfferEvent> seeding = new ArrayList<>();

	@Autowired
	private OfferEvents events;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private OfferService offers;

	@Autowired
	private CatalogService catalog;

	@BeforeEach
	void seed() {
		if (seeded) {
			return;
		}
		String unique = UUID.randomUUID().toString().substring(0, 8);
		Set<Placement> everywhere = Set.copyOf(Placement.forOffers());
		List<long[]> offerAndCents = new ArrayList<>();
		for (String price : List.of("12.50", "7.25")) {
			long product = catalog.createProduct(new NewProduct("FIG-" + price + "-" + unique,
					"Figures " + price + " " + unique, "", "", ProductCategory.GEAR, new BigDecimal(price), true, true));
			long offer = offers.create(AnalyticsIntegrationTests
				.ended(NewOffer.activeAddOn("Figures " + price + " " + unique, product, 1, everywhere)));
			offerAndCents.add(new long[] { offer, new BigDecimal(price).movePointRight(2).longValueExact() });
		}
		long plan = catalog.allPlans().keySet().iterator().next();
		long upgrade = offers.create(AnalyticsIntegrationTests
			.ended(NewOffer.activeUpgrade("Figures upgrade " + unique, plan, 1, everywhere)));
		offerAndCents.add(new long[] { upgrade, 3900 });

		Random random = new Random(12);
		for (int s = 0; s < 14; s++) {
			String email = "figures-" + s + "-" + unique + "@lift.test";
			jdbc.update("insert into subscriber (email, first_name, last_name, created_at) values (?, 'Fig', 'Ures', ?)",
					email, Timestamp.from(Instant.now()));
			long subscriber = jdbc.queryForObject("select id from subscriber where email = ?", Long.class, email);
			boolean holdout = s % 4 == 0;
			for (long[] offer : offerAndCents) {
				for (Placement placement : Placement.values()) {
					int impressions = random.nextInt(4);
					for (int i = 0; i < impressions; i++) {
						insert(offer[0], subscriber, placement, "IMPRESSION", offer[1], holdout, random);
						if (holdout) {
							continue;
						}
						double roll = random.nextDouble();
						if (roll < 0.35) {
							insert(offer[0], subscriber, placement, "ACCEPT", offer[1], false, random);
							double after = random.nextDouble();
							if (after < 0.25) {
								insert(offer[0], subscriber, placement, "UNDO", offer[1], false, random);
							}
							else if (after < 0.8 && offer[0] != upgrade) {
								insert(offer[0], subscriber, placement, "SHIPPED", offer[1], false, random);
							}
						}
						else if (roll < 0.5) {
							insert(offer[0], subscriber, placement, "DISMISS", offer[1], false, random);
						}
					}
				}
			}
		}
		// recorded in two halves, the second after the page counted the days of the first: its events fall before
		// and between those already logged (late events), which moves their previous days (see OfferReach)
		List<OfferEvent> first = new ArrayList<>();
		List<OfferEvent> second = new ArrayList<>();
		for (int i = 0; i < seeding.size(); i++) {
			(i % 2 == 0 ? first : second).add(seeding.get(i));
		}
		events.importHistory(first);
		try {
			page("/admin/analytics?" + JUNE);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		events.importHistory(second);
		seeding.clear();
		seeded = true;
	}

	/** An event on a random day of June 2018 or, one in ten, of the days just around it (outside the range). */
	private void insert(long offer, long subscriber, Placement placement, String type, long cents, boolean holdout,
			Random random) {
		LocalDate day = random.nextInt(10) == 0 ? LocalDate.of(2018, 5, 31).plusDays(random.nextBoolean() ? 0 : 31)
				: LocalDate.of(2018, 6, 1).plusDays(random.nextInt(30));
		Instant at = day.atTime(random.nextInt(24), random.nextInt(60)).atZone(ZoneId.systemDefault()).toInstant();
		seeding.add(new OfferEvent(offer, subscriber, null, null, placement, OfferEventType.valueOf(type),
				BigDecimal.valueOf(cents, 2), holdout, at));
	}

	@Test
	void everyFigureAtEveryPlacementEqualsACountOfTheOfferEvents() throws Exception {
		int checked = assertEveryFigure(LocalDate.of(2018, 6, 1), LocalDate.of(2018, 6, 30), true);
		// 3 offer rows and 3 x 5 placement rows, plus the totals, with 11 figures each, and the 5 filtered pages
		assertThat(checked).isGreaterThanOrEqualTo((3 + 15 + 1) * 11 + 5 * (3 + 1) * 11);
	}

	/**
	 * Subscribers reached are counted from each day's first impressions: a range starting and ending mid-week, a
	 * single day and one reaching past the seeded month count exactly what a distinct count of the log finds, and so
	 * does an offer's page per day and per week.
	 */
	@Test
	void subscribersReachedOverAnyRangeEqualADistinctCountOfTheLog() throws Exception {
		// 6 June 2018 is a Wednesday, 20 June too
		assertEveryFigure(LocalDate.of(2018, 6, 6), LocalDate.of(2018, 6, 20), false);
		assertEveryFigure(LocalDate.of(2018, 6, 13), LocalDate.of(2018, 6, 13), false);
		assertEveryFigure(LocalDate.of(2018, 5, 20), LocalDate.of(2018, 7, 3), false);
		long offer = jdbc.queryForObject("select min(offer_id) from offer_event where occurred_at >= ? and occurred_at < ?",
				Long.class, arguments(null, null).toArray());
		for (LocalDate[] range : List.of(new LocalDate[] { LocalDate.of(2018, 6, 6), LocalDate.of(2018, 6, 20) },
				new LocalDate[] { LocalDate.of(2018, 5, 30), LocalDate.of(2018, 7, 2) })) {
			for (Placement placement : java.util.Arrays.asList(null, Placement.DASHBOARD)) {
				String page = page("/admin/analytics/offers/" + offer + "?range=custom&from=" + range[0] + "&to="
						+ range[1] + (placement == null ? "" : "&placement=" + placement.name()));
				Matcher row = PERIOD.matcher(page);
				int periods = 0;
				while (row.find()) {
					LocalDate start = LocalDate.parse(row.group(1));
					LocalDate end = start.plusDays(ChronoUnit.DAYS.between(range[0], range[1]) > 30 ? 6 : 0);
					end = end.isAfter(range[1]) ? range[1] : end;
					assertThat(cells(row.group(2)).get("reached")).as("reached from %s to %s at %s", start, end, placement)
						.isEqualTo((double) reached(offer, placement, start, end));
					periods++;
				}
				assertThat(periods).isGreaterThan(1);
				Matcher totals = ROW.matcher(page);
				assertThat(totals.find()).isTrue();
				assertThat(cells(totals.group(3)).get("reached")).as("reached over %s at %s", range[0], placement)
					.isEqualTo((double) reached(offer, placement, range[0], range[1]));
			}
		}
	}

	private static final Pattern PERIOD = Pattern
		.compile("<tr class=\"period-row\" data-start=\"([0-9-]+)\">(.*?)</tr>", Pattern.DOTALL);

	private long reached(long offer, Placement placement, LocalDate first, LocalDate last) {
		return count("select count(distinct subscriber_id) from offer_event where offer_id = ? and type = 'IMPRESSION' "
				+ "and holdout = false and occurred_at >= ? and occurred_at < ?"
				+ (placement == null ? "" : " and placement = '" + placement.name() + "'"), offer,
				Timestamp.from(first.atStartOfDay(ZoneId.systemDefault()).toInstant()),
				Timestamp.from(last.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()));
	}

	private LocalDate from = LocalDate.of(2018, 6, 1);

	private LocalDate to = LocalDate.of(2018, 6, 30);

	private int assertEveryFigure(LocalDate first, LocalDate last, boolean bothGroups) throws Exception {
		this.from = first;
		this.to = last;
		String range = "range=custom&from=" + first + "&to=" + last;
		List<Placement> filters = new ArrayList<>();
		filters.add(null);
		filters.addAll(List.of(Placement.values()));
		int checked = 0;
		for (Placement filter : filters) {
			String page = page("/admin/analytics?" + range + "&placement=" + (filter == null ? "all" : filter.name()));
			Matcher row = ROW.matcher(page);
			while (row.find()) {
				Long offer = attribute(row.group(2), "data-offer-id").map(Long::valueOf).orElse(null);
				Placement placement = attribute(row.group(2), "data-placement").map(Placement::valueOf).orElse(filter);
				Map<String, Double> shown = cells(row.group(3));
				Map<String, Double> counted = counted(offer, placement);
				assertThat(shown.keySet()).as("row %s", row.group(2)).isEqualTo(counted.keySet());
				for (Map.Entry<String, Double> figure : counted.entrySet()) {
					String what = figure.getKey() + " of row" + row.group(2) + " at " + filter + " from " + first + " to " + last;
					if (figure.getKey().endsWith("rate")) {
						// the page rounds a rate to one decimal place of a percent
						assertThat(shown.get(figure.getKey())).as(what).isCloseTo(figure.getValue(), within(0.0501));
					}
					else {
						assertThat(shown.get(figure.getKey())).as(what).isEqualTo(figure.getValue());
					}
					checked++;
				}
			}
			assertThat(page).as("the totals row at %s", filter).contains("class=\"totals-row\"");
			assertLiftGroups(page, filter, bothGroups);
		}
		return checked;
	}

	private void assertLiftGroups(String page, Placement placement, boolean bothGroups) {
		Object[] args = arguments(null, placement).toArray();
		String exposed = "select subscriber_id from offer_event e where e.type = 'IMPRESSION' and e.occurred_at >= ? "
				+ "and e.occurred_at < ?" + (placement == null ? "" : " and e.placement = ?") + " group by subscriber_id";
		long shown = count("select count(*) from (" + exposed + " having max(case when e.holdout then 1 else 0 end) = 0) x",
				args);
		long heldOut = count("select count(*) from (" + exposed
				+ " having min(case when e.holdout then 1 else 0 end) = 1) x", args);
		assertThat(page).contains("data-shown=\"" + shown + "\"").contains("data-held-out=\"" + heldOut + "\"");
		if (bothGroups) {
			assertThat(shown).as("shown at %s", placement).isPositive();
			assertThat(heldOut).as("held out at %s", placement).isPositive();
		}
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static java.util.Optional<String> attribute(String attributes, String name) {
		Matcher found = Pattern.compile(name + "=\"([^\"]*)\"").matcher(attributes);
		return found.find() ? java.util.Optional.of(found.group(1)) : java.util.Optional.empty();
	}

	private static Map<String, Double> cells(String row) {
		Map<String, Double> figures = new LinkedHashMap<>();
		Matcher cell = CELL.matcher(row);
		while (cell.find()) {
			figures.put(cell.group(1), Double.parseDouble(cell.group(2).replaceAll("[^0-9.]", "")));
		}
		return figures;
	}

	private List<Object> arguments(Long offer, Placement placement) {
		List<Object> arguments = new ArrayList<>();
		arguments.add(Timestamp.from(from.atStartOfDay(ZoneId.systemDefault()).toInstant()));
		arguments.add(Timestamp.from(to.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()));
		if (placement != null) {
			arguments.add(placement.name());
		}
		if (offer != null) {
			arguments.add(offer);
		}
		return arguments;
	}

	/** The figures of one offer (or all) at one placement (or all), counted in SQL, holdout left out. */
	private Map<String, Double> counted(Long offer, Placement placement) {
		String where = " from offer_event e join offer o on o.id = e.offer_id where e.holdout = false"
				+ " and e.occurred_at >= ? and e.occurred_at < ?" + (placement == null ? "" : " and e.placement = ?")
				+ (offer == null ? "" : " and e.offer_id = ?");
		Object[] args = arguments(offer, placement).toArray();
		double impressions = count("select count(*)" + where + " and e.type = 'IMPRESSION'", args);
		double accepts = count("select count(*)" + where + " and e.type = 'ACCEPT'", args);
		double shipped = count("select count(*)" + where + " and e.type = 'SHIPPED'", args);
		Map<String, Double> figures = new LinkedHashMap<>();
		figures.put("impressions", impressions);
		figures.put("reached",
				(double) count("select count(distinct e.subscriber_id)" + where + " and e.type = 'IMPRESSION'", args));
		figures.put("accepts", accepts);
		figures.put("undone", (double) count("select count(*)" + where + " and e.type = 'UNDO'", args));
		figures.put("dismissed", (double) count("select count(*)" + where + " and e.type = 'DISMISS'", args));
		figures.put("shipped", shipped);
		figures.put("take-rate", impressions == 0 ? 0 : accepts / impressions * 100);
		figures.put("net-take-rate", impressions == 0 ? 0 : shipped / impressions * 100);
		figures.put("add-on-revenue", amount("select coalesce(sum(e.unit_price), 0)" + where + " and e.type = 'SHIPPED'",
				args));
		figures.put("upgrades",
				(double) count("select count(*)" + where + " and e.type = 'ACCEPT' and o.kind = 'UPGRADE'", args));
		figures.put("upgrade-revenue", amount(
				"select coalesce(sum(e.unit_price), 0)" + where + " and e.type = 'ACCEPT' and o.kind = 'UPGRADE'", args));
		// an accepted upgrade's monthly difference, from the row its card wrote (upgrade_accepted), not an event
		figures.put("mrr-added", amount("select coalesce(sum(round((u.new_price - u.previous_price) * case u.interval_unit"
				+ " when 'WEEK' then 52.0 / 12 / u.interval_count when 'MONTH' then 1.0 / u.interval_count"
				+ " else 365.0 / 12 / u.interval_count end, 2)), 0) from upgrade_accepted u"
				+ " where u.accepted_at >= ? and u.accepted_at < ?" + (placement == null ? "" : " and u.placement = ?")
				+ (offer == null ? "" : " and u.offer_id = ?"), args));
		return figures;
	}

	private long count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}

	private double amount(String sql, Object... args) {
		return jdbc.queryForObject(sql, BigDecimal.class, args).doubleValue();
	}

}
