package io.nextbox.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.nextbox.account.AccountService;
import io.nextbox.account.NewSubscriber;
import io.nextbox.offer.OfferEvent;
import io.nextbox.offer.OfferEvents;
import io.nextbox.support.NextboxIntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@NextboxIntegrationTest
class DemoStoreIntegrationTests {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private DemoStoreLoader loader;

	@Autowired
	private DemoProperties properties;

	@Autowired
	private Clock clock;

	@Autowired
	private AccountService accounts;

	@Autowired
	private OfferEvents offerEvents;

	@Test
	void theDemoStoreIsSeededWithEverythingTheGeneratorGrew() {
		DemoStoreGenerator generator = new DemoStoreGenerator(properties.seed(), LocalDate.now(clock));
		int orders = IntStream.rangeClosed(1, properties.subscribers())
			.map(number -> generator.customer(number).orders().size())
			.sum();
		assertThat(demoProducts()).isEqualTo(40);
		assertThat(jdbc.queryForObject("select count(*) from plan_family where name in ('Filter Coffee', 'Espresso', 'Tea')",
				Long.class)).isEqualTo(3);
		assertThat(jdbc.queryForObject("select count(*) from plan where sku like 'PLAN-FILTER-%' or sku like "
				+ "'PLAN-ESPRESSO-%' or sku like 'PLAN-TEA-%'", Long.class)).isEqualTo(8);
		assertThat(jdbc.queryForObject("select count(*) from subscriber where email like 'subscriber%@nextbox.test'",
				Long.class)).isEqualTo((long) properties.subscribers());
		assertThat(count("subscription")).isEqualTo((long) properties.subscribers());
		assertThat(jdbc.queryForObject("select count(*) from orders where source = 'DEMO'", Long.class))
			.isEqualTo(orders);
		assertThat(jdbc.queryForObject("select count(*) from account where role = 'MERCHANT'", Long.class))
			.isEqualTo(1);
		assertThat(jdbc.queryForObject("select store_name from store_settings", String.class))
			.isEqualTo(DemoCatalog.STORE_NAME);
	}

	@Test
	void everyOrderTotalIsTheSumOfItsLines() {
		Long mismatched = jdbc.queryForObject("""
				select count(*) from orders o
				where o.total <> (select sum(l.quantity * l.unit_price) from order_line l where l.order_id = o.id)""",
				Long.class);
		assertThat(mismatched).isZero();
	}

	@Test
	void everyLiveSubscriptionHasItsOpenNextShipment() {
		Long missing = jdbc.queryForObject("""
				select count(*) from subscription s
				where s.status = 'ACTIVE' and not exists (select 1 from shipment sh
				  where sh.subscription_id = s.id and sh.status = 'OPEN' and sh.ship_date = s.next_shipment_date)""",
				Long.class);
		assertThat(missing).isZero();
	}

	@Test
	void aStoreWithAccountsIsNotSeededAgain() {
		long orders = count("orders");
		long products = count("product");
		assertThat(loader.loadIfEmpty(properties)).isFalse();
		assertThat(count("orders")).isEqualTo(orders);
		assertThat(count("product")).isEqualTo(products);
		assertThat(demoProducts()).isEqualTo(40);
	}

	@Test
	void aStoreWithAccountsOfItsOwnIsNotSeeded() {
		// accounts and no demo_seed row: a store with data of its own (or seeded before V58)
		long subscribers = count("subscriber");
		long orders = count("orders");
		jdbc.update("update demo_seed set id = 2 where id = 1");
		try {
			assertThat(loader.loadIfEmpty(properties)).isFalse();
		}
		finally {
			jdbc.update("update demo_seed set id = 1 where id = 2");
		}
		assertThat(count("subscriber")).isEqualTo(subscribers);
		assertThat(count("orders")).isEqualTo(orders);
	}

	@Test
	void theOfferHistoryOfNewSubscribersCarriesThePreviousDaysTheMigrationDefines() {
		// the seed works each impression's previous days out from the subscriber's own history, without reading the
		// log (the test store is seeded without offer history: grown here for subscribers of its own)
		Map<String, Long> offerIds = new HashMap<>();
		DemoOffers.LIVE.forEach(offer -> offerIds.put(offer.name(),
				jdbc.queryForObject("select id from offer where name = ?", Long.class, offer.name())));
		DemoStoreGenerator generator = new DemoStoreGenerator(properties.seed(), LocalDate.now(clock));
		DemoOfferHistory history = new DemoOfferHistory(properties.seed(), LocalDate.now(clock), offerIds);
		List<DemoCustomer> customers = IntStream.rangeClosed(5001, 5060).mapToObj(generator::customer).toList();
		String run = Long.toString(System.nanoTime(), 36);
		List<Long> ids = accounts.registerSubscribers(customers.stream()
			.map(customer -> new NewSubscriber("history-" + run + "-" + customer.number() + "@nextbox.test",
					customer.firstName(), customer.lastName(), Instant.now(clock)))
			.toList(), "previous-days-1");
		List<OfferEvent> events = new ArrayList<>();
		for (int i = 0; i < customers.size(); i++) {
			events.addAll(history.grow(customers.get(i), ids.get(i), null, i % 10 == 0).events());
		}
		offerEvents.importHistoryOfNewSubscribers(events);

		String in = ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
		Long differing = jdbc.queryForObject("""
				select count(*) from offer_event e join (select id,
				  coalesce(lag(cast(occurred_at as date)) over (partition by subscriber_id, holdout, offer_id, placement
				    order by occurred_at, id), date '0001-01-01') as p_offer_placement,
				  coalesce(lag(cast(occurred_at as date)) over (partition by subscriber_id, holdout, offer_id
				    order by occurred_at, id), date '0001-01-01') as p_offer,
				  coalesce(lag(cast(occurred_at as date)) over (partition by subscriber_id, holdout, placement
				    order by occurred_at, id), date '0001-01-01') as p_placement,
				  coalesce(lag(cast(occurred_at as date)) over (partition by subscriber_id, holdout
				    order by occurred_at, id), date '0001-01-01') as p_any
				  from offer_event where type = 'IMPRESSION' and subscriber_id in (%s)) p on p.id = e.id
				where e.prev_offer_placement <> p.p_offer_placement or e.prev_offer <> p.p_offer
				  or e.prev_placement <> p.p_placement or e.prev_any <> p.p_any""".formatted(in), Long.class);
		Long impressions = jdbc.queryForObject("select count(*) from offer_event where type = 'IMPRESSION' "
				+ "and prev_any > date '0001-01-01' and subscriber_id in (" + in + ")", Long.class);
		assertThat(impressions).as("impressions after an earlier one").isGreaterThan(100);
		assertThat(differing).isZero();
	}

	@Test
	void theIndexesTheSeedDropsAreBuiltAgainAsTheMigrationsMakeThem() throws Exception {
		Map<String, List<String>> migrated = new HashMap<>();
		String url = "jdbc:h2:mem:seed-indexes-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
		Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			migrated.putAll(plainIndexes(connection));
			connection.createStatement().execute("shutdown");
		}
		Map<String, List<String>> seeded = jdbc.execute((ConnectionCallback<Map<String, List<String>>>) this::plainIndexes);
		assertThat(migrated).containsKeys("OFFER_EVENT_DISMISSALS", "ORDERS_TOTALS_BY_TIME");
		assertThat(seeded).isEqualTo(migrated);
		assertThat(jdbc.queryForObject("select count(*) from bulk_load_index", Integer.class)).isZero();
	}

	/** The columns of each plain index of the seed's tables, by index name (upper case), in their order. */
	private Map<String, List<String>> plainIndexes(Connection connection) throws SQLException {
		Map<String, List<String>> indexes = new HashMap<>();
		boolean lowerCase = connection.getMetaData().storesLowerCaseIdentifiers();
		for (String table : List.of("offer_event", "orders", "order_line")) {
			try (ResultSet rows = connection.getMetaData().getIndexInfo(null, connection.getSchema(),
					lowerCase ? table : table.toUpperCase(Locale.ROOT), false, false)) {
				Map<String, TreeMap<Short, String>> columns = new HashMap<>();
				while (rows.next()) {
					if (rows.getString("INDEX_NAME") != null && rows.getString("COLUMN_NAME") != null) {
						columns.computeIfAbsent(rows.getString("INDEX_NAME").toUpperCase(Locale.ROOT), n -> new TreeMap<>())
							.put(rows.getShort("ORDINAL_POSITION"), rows.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
					}
				}
				columns.forEach((name, byPosition) -> indexes.put(name, List.copyOf(byPosition.values())));
			}
		}
		return indexes;
	}

	private long demoProducts() {
		return DemoCatalog.PRODUCTS.stream()
			.filter(item -> jdbc.queryForObject("select count(*) from product where sku = ?", Long.class,
					item.sku()) == 1)
			.count();
	}

	private long count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
