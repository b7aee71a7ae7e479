package io.nextbox.subscription;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.nextbox.ordering.OrderPlaced;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

@NextboxIntegrationTest
@RecordApplicationEvents
class ShipmentProcessorIntegrationTests {

	private static final LocalDate TODAY = LocalDate.now();

	@Autowired
	private ShipmentProcessor processor;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ApplicationEvents events;

	@Test
	void twoProcessorsRunningAtOnceShipEachDueBoxExactlyOnce() throws Exception {
		List<Owned> due = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Owned owned = TestSubscriptions.freshActive(jdbc);
			makeDue(owned, TODAY.minusDays(1));
			due.add(owned);
		}
		long productId = jdbc.queryForObject("select id from product where sku = 'TRT-BISCOTTI'", Long.class);
		jdbc.update("insert into shipment_line (shipment_id, product_id, quantity, unit_price, added_at) "
				+ "select id, ?, 2, 6.00, current_timestamp from shipment where subscription_id = ? and status = 'OPEN'",
				productId, due.get(0).subscriptionId());

		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<ProcessingReport>> runs = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Callable<ProcessingReport> run = () -> {
				start.await();
				return processor.processDue(TODAY);
			};
			runs.add(pool.submit(run));
		}
		start.countDown();
		int placed = 0;
		for (Future<ProcessingReport> run : runs) {
			placed += run.get().ordersPlaced();
		}
		pool.shutdown();

		assertThat(placed).isGreaterThanOrEqualTo(due.size());
		for (Owned owned : due) {
			assertThat(jdbc.queryForObject("""
					select count(*) from orders o join shipment s on s.id = o.shipment_id
					where s.subscription_id = ? and s.ship_date = ?""", Long.class, owned.subscriptionId(),
					TODAY.minusDays(1)))
				.as("orders for the due box of subscription %d", owned.subscriptionId())
				.isEqualTo(1);
			LocalDate next = jdbc.queryForObject("select next_shipment_date from subscription where id = ?",
					LocalDate.class, owned.subscriptionId());
			assertThat(next).isAfter(TODAY);
			assertThat(jdbc.queryForObject(
					"select ship_date from shipment where subscription_id = ? and status = 'OPEN'", LocalDate.class,
					owned.subscriptionId()))
				.isEqualTo(next);
		}
		BigDecimal planPrice = jdbc.queryForObject(
				"select p.price * s.quantity from plan p join subscription s on s.plan_id = p.id where s.id = ?",
				BigDecimal.class, due.get(0).subscriptionId());
		BigDecimal total = jdbc.queryForObject("""
				select o.total from orders o join shipment s on s.id = o.shipment_id
				where s.subscription_id = ? and s.ship_date = ?""", BigDecimal.class, due.get(0).subscriptionId(),
				TODAY.minusDays(1));
		assertThat(total).isEqualByComparingTo(planPrice.add(new BigDecimal("12.00")));
		assertThat(events.stream(OrderPlaced.class)
			.filter(event -> event.subscriptionId().equals(due.get(0).subscriptionId())))
			.singleElement()
			.satisfies(event -> assertThat(event.lines()).hasSize(2));
	}

	@Test
	void aSkippedBoxIsPassedOverAndAPausedSubscriptionWaits() {
		Owned skipped = TestSubscriptions.freshActive(jdbc);
		makeDue(skipped, TODAY.minusDays(2));
		jdbc.update("update shipment set status = 'SKIPPED' where subscription_id = ? and status = 'OPEN'",
				skipped.subscriptionId());
		Owned paused = TestSubscriptions.freshActive(jdbc);
		jdbc.update("delete from shipment where subscription_id = ? and status = 'OPEN'", paused.subscriptionId());
		jdbc.update("update subscription set status = 'PAUSED', paused_until = null, next_shipment_date = null "
				+ "where id = ?", paused.subscriptionId());

		processor.processDue(TODAY);

		assertThat(ordersOn(skipped, TODAY.minusDays(2))).isZero();
		assertThat(jdbc.queryForObject("select count(*) from orders o join shipment s on s.id = o.shipment_id "
				+ "where s.subscription_id = ?", Long.class, paused.subscriptionId()))
			.isZero();
		assertThat(jdbc.queryForObject("select status from subscription where id = ?", String.class,
				paused.subscriptionId()))
			.isEqualTo("PAUSED");
	}

	@Test
	void aPauseThatEndsTodayResumesAndItsBoxShips() {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		jdbc.update("delete from shipment where subscription_id = ? and status = 'OPEN'", owned.subscriptionId());
		jdbc.update("update subscription set status = 'PAUSED', paused_until = ?, next_shipment_date = ? where id = ?",
				TODAY, TODAY, owned.subscriptionId());

		ProcessingReport report = processor.processDue(TODAY);

		assertThat(report.subscriptionsResumed()).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.queryForObject("select status from subscription where id = ?", String.class,
				owned.subscriptionId()))
			.isEqualTo("ACTIVE");
		assertThat(ordersOn(owned, TODAY)).isEqualTo(1);
		assertThat(jdbc.queryForList("select kind from subscription_event where subscription_id = ? order by id",
				String.class, owned.subscriptionId()))
			.containsSubsequence("RESUMED_AUTOMATICALLY", "SHIPPED");
	}

	@Test
	void runningAgainPlacesNothingNew() {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		makeDue(owned, TODAY);
		processor.processDue(TODAY);
		long orders = jdbc.queryForObject("select count(*) from orders", Long.class);

		processor.processDue(TODAY);

		assertThat(jdbc.queryForObject("select count(*) from orders", Long.class)).isEqualTo(orders);
		assertThat(ordersOn(owned, TODAY)).isEqualTo(1);
	}

	private void makeDue(Owned owned, LocalDate date) {
		jdbc.update("update shipment set ship_date = ? where subscription_id = ? and status = 'OPEN'", date,
				owned.subscriptionId());
		jdbc.update("update subscription set next_shipment_date = ? where id = ?", date, owned.subscriptionId());
	}

	private long ordersOn(Owned owned, LocalDate date) {
		return jdbc.queryForObject("""
				select count(*) from orders o join shipment s on s.id = o.shipment_id
				where s.subscription_id = ? and s.ship_date = ?""", Long.class, owned.subscriptionId(), date);
	}

}
