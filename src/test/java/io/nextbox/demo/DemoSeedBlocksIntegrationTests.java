package io.nextbox.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.nextbox.engagement.WidgetService;
import io.nextbox.shared.BulkLoadWrites;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seed commits a block of subscribers at a time (V58's {@code demo_seed} row): a start stopped midway is finished
 * by the next one, with every subscriber, order and offer event once. An empty database of its own (not the shared
 * test store), so the seed starts from nothing.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:demo-seed-blocks;DB_CLOSE_DELAY=-1",
		"nextbox.demo.enabled=false" })
@ActiveProfiles("test")
class DemoSeedBlocksIntegrationTests {

	private static final int SUBSCRIBERS = 23;

	private static final long SEED = 20261125L;

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	@Autowired
	private DemoStoreLoader loader;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private WidgetService widgets;

	@Test
	void aSeedStoppedMidwayIsFinishedByTheNextStartWithEveryoneOnce() {
		DemoProperties started = new DemoProperties(true, SUBSCRIBERS, SEED, TODAY, true);
		// blocks of 5; the start stops in the third block, its rows added and not committed (as a kill would)
		assertThatThrownBy(() -> loader.loadIfEmpty(started, 5, through -> {
			if (through == 15) {
				throw new IllegalStateException("killed");
			}
		})).hasMessage("killed");
		assertThat(count("select count(*) from subscriber")).isEqualTo(10);
		assertThat(count("select seeded_through from demo_seed")).isEqualTo(10);
		assertThat(count("select count(*) from demo_seed where finished_at is null")).isEqualTo(1);
		// a kill does not build the dropped indexes again either: they are left in bulk_load_index
		long plainIndexes = count("select count(*) from information_schema.indexes where index_type_name = 'INDEX'");
		List<BulkLoadWrites.Index> dropped = BulkLoadWrites.dropPlainIndexes(jdbc, DemoStoreLoader.SEED_TABLES);
		assertThat(dropped).extracting(BulkLoadWrites.Index::name).contains("OFFER_EVENT_DISMISSALS", "ORDERS_SUBSCRIBER");

		// the next start, configured otherwise, finishes the seed it finds with that seed's settings
		assertThat(loader.loadIfEmpty(new DemoProperties(true, 2000, 7, null, false))).isTrue();

		DemoStoreGenerator generator = new DemoStoreGenerator(SEED, TODAY);
		Map<String, Long> offerIds = new HashMap<>();
		DemoOffers.LIVE.forEach(offer -> offerIds.put(offer.name(),
				jdbc.queryForObject("select id from offer where name = ?", Long.class, offer.name())));
		DemoOfferHistory history = new DemoOfferHistory(SEED, TODAY, offerIds);
		long orders = 0;
		long lines = 0;
		long events = 0;
		for (int number = 1; number <= SUBSCRIBERS; number++) {
			DemoCustomer customer = generator.customer(number);
			List<Long> ids = jdbc.queryForList("select id from subscriber where email = ?", Long.class, customer.email());
			assertThat(ids).as(customer.email()).hasSize(1);
			long subscriberId = ids.get(0);
			long subscriptionId = jdbc.queryForObject("select id from subscription where subscriber_id = ?", Long.class,
					subscriberId);
			DemoOfferHistory.Grown grown = history.grow(customer, subscriberId, subscriptionId,
					widgets.isInHoldout(subscriberId));
			assertThat(count("select count(*) from orders where subscriber_id = " + subscriberId)).as(customer.email())
				.isEqualTo(customer.orders().size());
			orders += customer.orders().size();
			lines += customer.orders().stream().mapToLong(order -> 1 + order.addOns().size()).sum() + grown.lines().size();
			events += grown.events().size();
		}
		assertThat(events).as("offer events grown").isGreaterThan(100);
		assertThat(count("select count(*) from subscriber")).isEqualTo(SUBSCRIBERS);
		assertThat(count("select count(*) from subscription")).isEqualTo(SUBSCRIBERS);
		assertThat(count("select count(*) from orders")).isEqualTo(orders);
		assertThat(count("select count(*) from order_line")).isEqualTo(lines);
		assertThat(count("select count(*) from offer_event")).isEqualTo(events);
		assertThat(count("select count(*) from product")).isEqualTo(DemoCatalog.PRODUCTS.size());
		assertThat(count("select count(*) from account where role = 'MERCHANT'")).isEqualTo(1);
		assertThat(count("select count(*) from demo_seed where finished_at is not null and seeded_through = "
				+ SUBSCRIBERS)).isEqualTo(1);
		for (BulkLoadWrites.Index index : dropped) {
			assertThat(count("select count(*) from information_schema.indexes where index_name = '" + index.name() + "'"))
				.as(index.name()).isEqualTo(1);
		}
		assertThat(count("select count(*) from information_schema.indexes where index_type_name = 'INDEX'"))
			.isEqualTo(plainIndexes);
		assertThat(count("select count(*) from bulk_load_index")).isZero();

		// and a start after that seeds nothing
		assertThat(loader.loadIfEmpty(started)).isFalse();
		assertThat(count("select count(*) from subscriber")).isEqualTo(SUBSCRIBERS);
		assertThat(count("select count(*) from orders")).isEqualTo(orders);
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

}
