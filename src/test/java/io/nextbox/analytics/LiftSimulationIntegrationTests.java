package io.nextbox.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.NewProduct;
import io.nextbox.catalog.ProductCategory;
import io.nextbox.offer.NewOffer;
import io.nextbox.offer.OfferEvent;
import io.nextbox.offer.OfferEventType;
import io.nextbox.offer.OfferEvents;
import io.nextbox.offer.OfferService;
import io.nextbox.offer.Placement;
import io.nextbox.shared.BatchInsert;
import io.nextbox.support.NextboxIntegrationTest;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lift's 95% interval, end to end: for each of 100 seeds, offer events with a known true lift are recorded
 * through the event log ({@link OfferEvents#record}, as the widget records them: impressions on both sides of the
 * holdout, accepts, dismissals, shipped add-ons) and orders are placed, for subscribers and in a week of 2002–2003
 * of the seed's own;
 * the lift is read by {@link HoldoutLift#measure}, as the page reads it. The interval must cover the true lift in at
 * least 90 of 100 seeds, for add-on revenue and for total order revenue, and miss a lift that is not the true one
 * (the true one shifted by about two standard errors) far more often: coverage that any interval would reach by
 * being wide, or by chance, would not do.
 */
@NextboxIntegrationTest
class LiftSimulationIntegrationTests {

	private static final int SEEDS = 100;

	private static final int SHOWN = 80;

	private static final int HELD_OUT = 40;

	/** Each shown subscriber buys an add-on with this probability, for a gamma amount (shape 2, scale 8: mean 16). */
	private static final double BUYS = 0.5;

	private static final double ADD_ON_MEAN = 16;

	/** Every subscriber's orders besides add-ons: a gamma amount (shape 3, scale 10: mean 30), on both sides. */
	private static final double ORDERS_MEAN = 30;

	/** Lifts that are not the true ones: about two standard errors away (near 1.6 for add-ons, 3.4 for orders). */
	private static final double ADD_ONS_WRONG_BY = 3.2;

	private static final double ORDERS_WRONG_BY = 7.5;

	@Autowired
	private OfferEvents events;

	@Autowired
	private HoldoutLift lift;

	@Autowired
	private OfferService offers;

	@Autowired
	private CatalogService catalog;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void the95PercentIntervalCoversAKnownLiftInAtLeast90Of100SeedsThroughTheEventLog() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		long product = catalog.createProduct(new NewProduct("SIM-" + unique, "Simulated mug " + unique, "", "",
				ProductCategory.GEAR, new BigDecimal("16.00"), true, true));
		long offer = offers.create(AnalyticsIntegrationTests.ended(NewOffer.activeAddOn("Simulated mug " + unique,
				product, 1, Set.of(Placement.DASHBOARD, Placement.NEXT_SHIPMENT))));
		double trueAddOnLift = BUYS * ADD_ON_MEAN;
		double trueOrderLift = BUYS * ADD_ON_MEAN; // the add-on ships in an order: the rest is the same on both sides
		int addOnsCovered = 0;
		int ordersCovered = 0;
		int addOnsWrongCovered = 0;
		int ordersWrongCovered = 0;
		long started = System.nanoTime();
		for (int seed = 1; seed <= SEEDS; seed++) {
			LocalDate monday = LocalDate.of(2002, 1, 7).plusWeeks(seed - 1);
			seed(new Well19937c(seed), offer, subscribers(unique + "-" + seed), monday, unique + "-" + seed);
			Lift measured = lift.measure(new DateRange(DateRange.CUSTOM, monday, monday.plusDays(6)), null);
			assertThat(measured.shown()).as("seed %d: shown", seed).isEqualTo(SHOWN);
			assertThat(measured.heldOut()).as("seed %d: held out", seed).isEqualTo(HELD_OUT);
			assertThat(measured.mixed()).as("seed %d: on both sides", seed).isEqualTo(1);
			addOnsCovered += covers(measured.addOns(), trueAddOnLift) ? 1 : 0;
			ordersCovered += covers(measured.orders(), trueOrderLift) ? 1 : 0;
			addOnsWrongCovered += covers(measured.addOns(), trueAddOnLift + ADD_ONS_WRONG_BY) ? 1 : 0;
			ordersWrongCovered += covers(measured.orders(), trueOrderLift - ORDERS_WRONG_BY) ? 1 : 0;
		}
		long took = System.nanoTime() - started;
		System.out.printf("Lift simulation through the event log, %d vs %d subscribers, %d seeds: add-on revenue "
				+ "covered %d (a lift %.2f off: %d), total order revenue covered %d (%.2f off: %d), in %.1f s%n", SHOWN, HELD_OUT,
				SEEDS, addOnsCovered, ADD_ONS_WRONG_BY, addOnsWrongCovered, ordersCovered, ORDERS_WRONG_BY,
				ordersWrongCovered, took / 1e9);
		assertThat(addOnsCovered).as("add-on revenue: seeds whose interval covers the true lift")
			.isGreaterThanOrEqualTo(90);
		assertThat(ordersCovered).as("total order revenue: seeds whose interval covers the true lift")
			.isGreaterThanOrEqualTo(90);
		assertThat(addOnsWrongCovered).as("add-on revenue: seeds whose interval covers a wrong lift").isLessThan(60);
		assertThat(ordersWrongCovered).as("total order revenue: seeds whose interval covers a wrong lift")
			.isLessThan(60);
	}

	private static boolean covers(Lift.Measure measure, double lift) {
		assertThat(measure.answered()).as("an interval (%s)", measure.verdict()).isTrue();
		return measure.low().doubleValue() <= lift && lift <= measure.high().doubleValue();
	}

	/**
	 * One week of one seed: every subscriber has one to three impressions at the dashboard or the next box page
	 * (the last {@code HELD_OUT} held out, the one after them on both sides); a shown subscriber accepts an add-on
	 * with probability {@link #BUYS} and it ships later that week, otherwise dismisses a card now and then; every
	 * subscriber places an order, which holds the add-on when one shipped.
	 */
	private void seed(RandomGenerator random, long offer, List<Long> subscribers, LocalDate monday, String orders) {
		GammaDistribution addOn = new GammaDistribution(random, 2, ADD_ON_MEAN / 2);
		GammaDistribution rest = new GammaDistribution(random, 3, ORDERS_MEAN / 3);
		List<OfferEvent> week = new ArrayList<>();
		List<Object[]> placed = new ArrayList<>();
		for (int i = 0; i < subscribers.size(); i++) {
			long subscriber = subscribers.get(i);
			boolean heldOut = i >= SHOWN;
			boolean mixed = i == SHOWN + HELD_OUT;
			int impressions = 1 + random.nextInt(3);
			for (int n = 0; n < impressions; n++) {
				week.add(event(offer, subscriber, random.nextBoolean() ? Placement.DASHBOARD : Placement.NEXT_SHIPMENT,
						OfferEventType.IMPRESSION, new BigDecimal("16.00"), heldOut,
						at(monday, random.nextInt(3), random)));
			}
			if (mixed) {
				week.add(event(offer, subscriber, Placement.DASHBOARD, OfferEventType.IMPRESSION,
						new BigDecimal("16.00"), false, at(monday, 3, random)));
			}
			BigDecimal total = money(rest.sample());
			if (!heldOut && random.nextDouble() < BUYS) {
				BigDecimal price = money(addOn.sample());
				week.add(event(offer, subscriber, Placement.DASHBOARD, OfferEventType.ACCEPT, price, false,
						at(monday, 3, random)));
				week.add(event(offer, subscriber, Placement.DASHBOARD, OfferEventType.SHIPPED, price, false,
						at(monday, 5, random)));
				total = total.add(price);
			}
			else if (!heldOut && random.nextInt(10) == 0) {
				week.add(event(offer, subscriber, Placement.DASHBOARD, OfferEventType.DISMISS, new BigDecimal("16.00"),
						false, at(monday, 3, random)));
			}
			placed.add(new Object[] { "SIM-" + orders + "-" + subscriber, subscriber,
					Timestamp.from(at(monday, 5, random)), total });
		}
		events.record(week);
		jdbc.batchUpdate("insert into orders (order_number, subscriber_id, ordered_at, total, source) "
				+ "values (?, ?, ?, ?, 'IMPORT')", placed);
	}

	/** The seed's own subscribers (so recording their events never reads another seed's). */
	private List<Long> subscribers(String unique) {
		return BatchInsert.insertReturningIds(jdbc,
				"insert into subscriber (email, first_name, last_name, created_at) values (?, 'Sim', ?, ?)",
				IntStream.range(0, SHOWN + HELD_OUT + 1).boxed().toList(), (statement, n) -> {
					statement.setString(1, "sim-" + n + "-" + unique + "@lift.test");
					statement.setString(2, "Subscriber " + n);
					statement.setTimestamp(3, Timestamp.from(Instant.now()));
				});
	}

	private static OfferEvent event(long offer, long subscriber, Placement placement, OfferEventType type,
			BigDecimal price, boolean holdout, Instant at) {
		return new OfferEvent(offer, subscriber, null, null, placement, type, price, holdout, at);
	}

	/** A time of day {@code day} after {@code monday} (0 to 6), in the store's time zone. */
	private static Instant at(LocalDate monday, int day, RandomGenerator random) {
		return monday.plusDays(day)
			.atTime(8 + random.nextInt(12), random.nextInt(60))
			.atZone(ZoneId.systemDefault())
			.toInstant();
	}

	private static BigDecimal money(double amount) {
		return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
	}

}
