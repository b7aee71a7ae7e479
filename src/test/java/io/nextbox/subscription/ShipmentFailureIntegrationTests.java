package io.nextbox.subscription;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.nextbox.catalog.CatalogService;
import io.nextbox.ordering.NewOrder;
import io.nextbox.ordering.OrderHistory;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A box whose processing fails, whatever it throws, is marked failed with its reason and left for a retry with
 * backoff, the other due boxes of the run ship, and the merchant sees it on the admin home. The processor runs
 * here on a clock the test moves, and with the real order history behind a seam that can fail for one box.
 */
@NextboxIntegrationTest
class ShipmentFailureIntegrationTests {

	private static final LocalDate TODAY = LocalDate.now();

	private static final String PACKING_DOWN = "The packing list service did not answer";

	@Autowired
	private ShipmentRepository shipments;

	@Autowired
	private SubscriptionRepository subscriptions;

	@Autowired
	private TimelineRepository timeline;

	@Autowired
	private CatalogService catalog;

	@Autowired
	private OrderHistory orders;

	@Autowired
	private StoreSettingsService settings;

	@Autowired
	private PlatformTransactionManager transactions;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MockMvc mvc;

	private final MovingClock clock = new MovingClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

	/** Boxes whose order the seam refuses to place, and how often each was tried. */
	private final Set<Long> failing = ConcurrentHashMap.newKeySet();

	private final Map<Long, AtomicInteger> tries = new ConcurrentHashMap<>();

	@Test
	@WithUserDetails("merchant@nextbox.test")
	void aBoxThatFailsIsMarkedWithItsReasonRetriedLaterAndShownWhileTheOtherDueBoxesShip() throws Exception {
		Owned broken = dueOn(TODAY.minusDays(3));
		Owned taken = dueOn(TODAY.minusDays(2));
		Owned fine = dueOn(TODAY.minusDays(1));
		long brokenBox = openBoxOf(broken);
		long takenBox = openBoxOf(taken);
		failing.add(brokenBox);
		// an imported order already carries the order number this box would get
		jdbc.update("insert into orders (order_number, subscriber_id, ordered_at, total, source) "
				+ "values (?, ?, ?, 10.00, 'IMPORT')", ShipmentProcessor.orderNumber(takenBox), taken.subscriberId(),
				Timestamp.from(clock.instant().minus(Duration.ofDays(400))));
		ShipmentProcessor processor = processor();
		Instant firstRun = clock.instant();

		ProcessingReport report = processor.processDue(TODAY);

		assertThat(report.shipmentsFailed()).isEqualTo(2);
		assertThat(ordersOf(fine)).as("the box due after the failing ones").isEqualTo(1);
		assertThat(ordersOf(broken)).isZero();
		assertThat(failureOf(brokenBox)).containsEntry("status", "OPEN")
			.containsEntry("failure_count", 1)
			.containsEntry("failure_reason", "IllegalStateException: " + PACKING_DOWN);
		assertThat(retryOf(brokenBox)).isEqualTo(firstRun.plus(Duration.ofMinutes(15)));
		assertThat((String) failureOf(takenBox).get("failure_reason")).startsWith("DuplicateKeyException: ")
			.contains(ShipmentProcessor.orderNumber(takenBox))
			.doesNotContain("insert into");
		mvc.perform(get("/admin"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"failed-shipment-" + brokenBox + "\"")))
			.andExpect(content().string(containsString("2 boxes could not ship")))
			.andExpect(content().string(containsString(broken.email())))
			.andExpect(content().string(containsString("IllegalStateException: " + PACKING_DOWN)))
			.andExpect(content().string(containsString(shown(firstRun.plus(Duration.ofMinutes(15))))))
			.andExpect(content().string(containsString("id=\"failed-shipment-" + takenBox + "\"")));

		clock.move(Duration.ofMinutes(10));
		assertThat(processor.processDue(TODAY).shipmentsFailed()).as("failed boxes wait for their retry").isZero();
		assertThat(tries.get(brokenBox)).hasValue(1);
		assertThat(failureOf(brokenBox)).containsEntry("failure_count", 1);

		jdbc.update("delete from orders where order_number = ? and source = 'IMPORT'",
				ShipmentProcessor.orderNumber(takenBox));
		clock.move(Duration.ofMinutes(6));
		Instant secondTry = clock.instant();
		assertThat(processor.processDue(TODAY).shipmentsFailed()).isEqualTo(1);
		assertThat(tries.get(brokenBox)).hasValue(2);
		assertThat(failureOf(brokenBox)).containsEntry("failure_count", 2);
		assertThat(retryOf(brokenBox)).as("backoff after a second failure").isEqualTo(secondTry.plus(Duration.ofHours(1)));
		assertThat(ordersOf(taken)).as("the retry once its order number is free").isEqualTo(1);
		assertThat(failureOf(takenBox)).containsEntry("status", "PROCESSED")
			.containsEntry("failure_count", 0)
			.containsEntry("failure_reason", null)
			.containsEntry("retry_at", null);

		failing.clear();
		clock.move(Duration.ofMinutes(61));
		assertThat(processor.processDue(TODAY).shipmentsFailed()).isZero();
		assertThat(ordersOf(broken)).isEqualTo(1);
		assertThat(failureOf(brokenBox)).containsEntry("status", "PROCESSED")
			.containsEntry("failure_count", 0)
			.containsEntry("failure_reason", null)
			.containsEntry("failed_at", null)
			.containsEntry("retry_at", null);
		mvc.perform(get("/admin"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"failed-shipment-" + brokenBox + "\""))))
			.andExpect(content().string(not(containsString("id=\"failed-shipment-" + takenBox + "\""))));
	}

	@Test
	void aFailedTryLeavesNothingBehindButItsReason() {
		Owned broken = dueOn(TODAY.minusDays(1));
		long box = openBoxOf(broken);
		failing.add(box);

		processor().processDue(TODAY);

		assertThat(failureOf(box)).containsEntry("status", "OPEN").containsEntry("failure_count", 1);
		assertThat(jdbc.queryForObject("select count(*) from shipment where subscription_id = ?", Long.class,
				broken.subscriptionId()))
			.as("no next box was scheduled")
			.isEqualTo(jdbc.queryForObject("select count(*) from shipment where subscription_id = ? and id <= ?",
					Long.class, broken.subscriptionId(), box));
		assertThat(jdbc.queryForObject("select next_shipment_date from subscription where id = ?", LocalDate.class,
				broken.subscriptionId()))
			.isEqualTo(TODAY.minusDays(1));

		failing.clear();
		clock.move(Duration.ofMinutes(15));
		processor().processDue(TODAY);

		assertThat(failureOf(box)).containsEntry("status", "PROCESSED").containsEntry("failure_reason", null);
		assertThat(ordersOf(broken)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select next_shipment_date from subscription where id = ?", LocalDate.class,
				broken.subscriptionId()))
			.isAfter(TODAY);
	}

	/** The processor as the application builds it, on the test's clock, with a seam in front of the orders. */
	private ShipmentProcessor processor() {
		ShipmentRules rules = new ShipmentRules(settings, clock);
		OrderHistory seam = mock(OrderHistory.class, delegatesTo(orders));
		doAnswer(invocation -> {
			NewOrder order = invocation.getArgument(0);
			tries.computeIfAbsent(order.shipmentId(), id -> new AtomicInteger()).incrementAndGet();
			if (failing.contains(order.shipmentId())) {
				throw new IllegalStateException(PACKING_DOWN);
			}
			return orders.place(order);
		}).when(seam).place(any());
		return new ShipmentProcessor(shipments, subscriptions, timeline, new ShipmentBook(shipments, rules), catalog,
				seam, rules, transactions);
	}

	private Owned dueOn(LocalDate date) {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		jdbc.update("update shipment set ship_date = ? where subscription_id = ? and status = 'OPEN'", date,
				owned.subscriptionId());
		jdbc.update("update subscription set next_shipment_date = ? where id = ?", date, owned.subscriptionId());
		return owned;
	}

	private long openBoxOf(Owned owned) {
		return jdbc.queryForObject("select id from shipment where subscription_id = ? and status = 'OPEN'", Long.class,
				owned.subscriptionId());
	}

	private Map<String, Object> failureOf(long box) {
		return jdbc.queryForMap("select status, failure_count, failure_reason, failed_at, retry_at from shipment "
				+ "where id = ?", box)
			.entrySet()
			.stream()
			.collect(java.util.HashMap::new, (map, entry) -> map.put(entry.getKey().toLowerCase(Locale.ROOT),
					entry.getValue()), java.util.HashMap::putAll);
	}

	private Instant retryOf(long box) {
		return jdbc.queryForObject("select retry_at from shipment where id = ?", Timestamp.class, box).toInstant();
	}

	private long ordersOf(Owned owned) {
		return jdbc.queryForObject("select count(*) from orders where subscription_id = ? and source = 'SHIPMENT'",
				Long.class, owned.subscriptionId());
	}

	private String shown(Instant instant) {
		return DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH)
			.format(LocalDateTime.ofInstant(instant, clock.getZone()));
	}

	/** A clock that stands still until the test moves it. */
	private static final class MovingClock extends Clock {

		private volatile Instant now;

		MovingClock(Instant start) {
			this.now = start;
		}

		void move(Duration by) {
			now = now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.systemDefault();
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
