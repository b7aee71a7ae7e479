package io.nextbox.recommendation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.nextbox.ordering.NewOrder;
import io.nextbox.ordering.OrderHistory;
import io.nextbox.ordering.OrderPlaced;
import io.nextbox.ordering.OrderSource;
import io.nextbox.ordering.PastOrder;
import io.nextbox.recommendation.RecommendationService.ModelSummary;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every order reaches the model, once: the orders another instance places (written to the table, no event here)
 * through the poll, this instance's through the event as well, and none is lost or doubled by rebuilds at once.
 */
@NextboxIntegrationTest
class ModelLearningIntegrationTests {

	/** The poll's default interval, plus room for a slow machine. */
	private static final Duration POLL_WITH_MARGIN = Duration.ofSeconds(5 + 5);

	@Autowired
	private RecommendationService recommendations;

	@Autowired
	private OrderHistory history;

	@Autowired
	private ModelMaintenance maintenance;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void anOrderPlacedByAnotherInstanceIsLearntWithinThePollInterval() throws InterruptedException {
		recommendations.rebuild();
		Owned owned = TestSubscriptions.freshActive(jdbc);
		int before = recommendations.ordersLearnt(owned.subscriberId());

		// another instance writes the order; its event never reaches this one
		history.importOrders(List.of(order(owned)));
		Instant written = Instant.now();
		assertThat(recommendations.ordersLearnt(owned.subscriberId())).isEqualTo(before);

		while (recommendations.ordersLearnt(owned.subscriberId()) == before
				&& Duration.between(written, Instant.now()).compareTo(POLL_WITH_MARGIN) < 0) {
			Thread.sleep(50);
		}
		assertThat(recommendations.ordersLearnt(owned.subscriberId())).isEqualTo(before + 1);
		System.out.printf("An order written by another instance was learnt after %d ms%n",
				Duration.between(written, Instant.now()).toMillis());
	}

	@Test
	void anOrderTheEventAndThePollBothBringIsLearntOnce() {
		recommendations.rebuild();
		Owned owned = TestSubscriptions.freshActive(jdbc);
		int before = recommendations.ordersLearnt(owned.subscriberId());
		int total = recommendations.ordersLearnt();

		OrderPlaced placed = place(owned);
		assertThat(recommendations.ordersLearnt(owned.subscriberId())).as("learnt from the event").isEqualTo(before + 1);

		recommendations.learnNewOrders(Duration.ofMinutes(5));
		recommendations.learn(placed);

		assertThat(recommendations.ordersLearnt(owned.subscriberId())).isEqualTo(before + 1);
		assertThat(recommendations.ordersLearnt()).isEqualTo(total + 1);
	}

	@Test
	void anOrderReadFromTheTableFallsOnTheSameStoreDayAsItsEventSays() {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		OrderPlaced placed = place(owned);

		List<PastOrder> read = history.ordersAfter(placed.orderId() - 1, placed.orderId(), 10);

		assertThat(read).containsExactly(history.pastOrder(placed));
	}

	@Test
	void fiveRebuildsAtOnceEndWithOneModelHoldingEveryOrderPlacedMeanwhile() throws Exception {
		recommendations.rebuild();
		Owned here = TestSubscriptions.freshActive(jdbc);
		Owned elsewhere = TestSubscriptions.freshActive(jdbc);
		int beforeHere = recommendations.ordersLearnt(here.subscriberId());
		int beforeElsewhere = recommendations.ordersLearnt(elsewhere.subscriberId());
		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			List<Future<ModelSummary>> rebuilds = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				rebuilds.add(threads.submit(recommendations::rebuild));
			}
			Future<?> orders = threads.submit(() -> {
				for (int i = 0; i < 10; i++) {
					place(here);
					history.importOrders(List.of(order(elsewhere)));
				}
			});
			orders.get(1, TimeUnit.MINUTES);
			List<ModelSummary> summaries = new ArrayList<>();
			for (Future<ModelSummary> rebuild : rebuilds) {
				summaries.add(rebuild.get(1, TimeUnit.MINUTES));
			}

			assertThat(summaries.stream().map(System::identityHashCode).distinct().count())
				.as("models built for five calls").isBetween(1L, 2L);
			assertThat(recommendations.ordersLearnt(here.subscriberId())).as("placed here, during the rebuilds")
				.isEqualTo(beforeHere + 10);
			recommendations.learnNewOrders(Duration.ofMinutes(5));
			assertThat(recommendations.ordersLearnt(elsewhere.subscriberId())).as("placed by another instance")
				.isEqualTo(beforeElsewhere + 10);
			assertThat(recommendations.ordersLearnt()).as("every order in the table, once")
				.isEqualTo(jdbc.queryForObject("select count(*) from orders o "
						+ "where exists (select 1 from order_line l where l.order_id = o.id)", Integer.class));
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aPollThatLearnsAnotherInstancesImportRetunesTheModel() throws InterruptedException {
		recommendations.rebuild();
		Owned owned = TestSubscriptions.freshActive(jdbc);
		int before = recommendations.ordersLearnt(owned.subscriberId());
		long builds = recommendations.builds();
		List<NewOrder> imported = new ArrayList<>();
		for (int i = 0; i < ModelMaintenance.RETUNE_BATCH; i++) {
			imported.add(order(owned));
		}

		// another instance imports a history: its rebuild event never reaches this one
		history.importOrders(imported);
		maintenance.learnNewOrders();

		Instant polled = Instant.now();
		while (recommendations.builds() == builds && Duration.between(polled, Instant.now()).toSeconds() < 60) {
			Thread.sleep(50);
		}
		assertThat(recommendations.builds()).as("models built since the import").isGreaterThan(builds);
		assertThat(recommendations.ordersLearnt(owned.subscriberId())).isEqualTo(before + ModelMaintenance.RETUNE_BATCH);
	}

	@Test
	void theSameHistoryTunesTheSameBlend() {
		assertThat(recommendations.rebuild().blend()).isEqualTo(recommendations.rebuild().blend());
	}

	private OrderPlaced place(Owned owned) {
		return new TransactionTemplate(transactions).execute(status -> history.place(order(owned)));
	}

	private NewOrder order(Owned owned) {
		long plan = jdbc.queryForObject("select plan_id from subscription where id = ?", Long.class,
				owned.subscriptionId());
		long biscotti = jdbc.queryForObject("select id from product where sku = 'TRT-BISCOTTI'", Long.class);
		return new NewOrder("LEARN-" + UUID.randomUUID(), owned.subscriberId(), owned.subscriptionId(), null,
				Instant.now(), OrderSource.SHIPMENT, List.of(NewOrder.Line.plan(plan, 1, new BigDecimal("20.00")),
						NewOrder.Line.addOn(biscotti, null, 1, new BigDecimal("6.50"))));
	}

}
