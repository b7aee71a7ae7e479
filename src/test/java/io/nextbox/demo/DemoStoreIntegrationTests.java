package io.nextbox.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.IntStream;

import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
