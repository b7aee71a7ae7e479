package io.nextbox.ordering;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.nextbox.audit.AuditLog;
import io.nextbox.catalog.CatalogService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order tables and their guards, on the migrated schema (H2 here, PostgreSQL in the subclass). */
@DataJpaTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:repository-tests;DB_CLOSE_DELAY=-1")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ OrderHistory.class, CatalogService.class, AuditLog.class, OrderRepositoryTests.FixedClock.class })
class OrderRepositoryTests {

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
		}

	}

	@Autowired
	private OrderRepository orders;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private OrderHistory history;

	private long subscriberId;

	private long planId;

	private long productId;

	@BeforeEach
	void aSubscriberOnAPlan() {
		jdbc.update("insert into account (email, password_hash, role, display_name, created_at) "
				+ "values ('ada@example.test', '{noop}x', 'SUBSCRIBER', 'Ada L', current_timestamp)");
		long accountId = jdbc.queryForObject("select id from account where email = 'ada@example.test'", Long.class);
		jdbc.update("insert into subscriber (account_id, email, first_name, last_name, created_at) "
				+ "values (?, 'ada@example.test', 'Ada', 'L', current_timestamp)", accountId);
		subscriberId = jdbc.queryForObject("select id from subscriber where account_id = ?", Long.class, accountId);
		jdbc.update("insert into plan_family (name, description) values ('Coffee', 'Beans')");
		long familyId = jdbc.queryForObject("select id from plan_family where name = 'Coffee'", Long.class);
		jdbc.update("insert into product (sku, name, description, category, price, in_stock, add_on_eligible, retired, "
				+ "created_at) values ('FILTERS', 'Filters', 'Paper', 'GEAR', 7.00, true, true, false, current_timestamp)");
		productId = jdbc.queryForObject("select id from product where sku = 'FILTERS'", Long.class);
		jdbc.update("insert into plan (family_id, sku, name, description, tier, price, interval_count, interval_unit, "
				+ "retired) values (?, 'P-250', 'Coffee 250 g', 'One bag', 1, 15.00, 2, 'WEEK', false)", familyId);
		planId = jdbc.queryForObject("select id from plan where sku = 'P-250'", Long.class);
	}

	@Test
	void findsASubscribersOrdersWithTheirLinesNewestFirst() {
		history.importOrders(List.of(order("A-1", "2026-01-05T06:00:00Z", true),
				order("A-2", "2026-02-05T06:00:00Z", false), order("A-3", "2026-03-05T06:00:00Z", true)));

		List<Order> found = orders.findWithLinesBySubscriberId(subscriberId);

		assertThat(found).extracting(Order::getOrderNumber).containsExactly("A-3", "A-2", "A-1");
		assertThat(found.get(0).getLines()).extracting(OrderLine::getKind)
			.containsExactlyInAnyOrder(OrderLineKind.PLAN, OrderLineKind.ADD_ON);
		assertThat(found.get(0).getTotal()).isEqualByComparingTo("22.00");
		assertThat(found.get(1).getTotal()).isEqualByComparingTo("15.00");
	}

	@Test
	void pagesThroughOrdersWithNamedLines() {
		history.importOrders(List.of(order("A-1", "2026-01-05T06:00:00Z", true),
				order("A-2", "2026-02-05T06:00:00Z", false), order("A-3", "2026-03-05T06:00:00Z", true)));

		OrderPage first = history.ordersOf(subscriberId, 0, 2);
		OrderPage second = history.ordersOf(subscriberId, 1, 2);

		assertThat(first.totalOrders()).isEqualTo(3);
		assertThat(first.totalPages()).isEqualTo(2);
		assertThat(first.orders()).extracting(OrderView::orderNumber).containsExactly("A-3", "A-2");
		assertThat(first.orders().get(0).lines()).extracting(OrderView.Line::name)
			.containsExactlyInAnyOrder("Coffee 250 g", "Filters");
		assertThat(second.orders()).extracting(OrderView::orderNumber).containsExactly("A-1");
		assertThat(history.ordersOf(subscriberId, 99, 2).orders()).extracting(OrderView::orderNumber).containsExactly("A-1");
		assertThat(history.ordersOf(subscriberId, Integer.MAX_VALUE, 2).page()).isEqualTo(1);
	}

	@Test
	void readsOrdersByKeysetWithoutGapsOrRepeatsEvenWhenTwoShareTheirTime() {
		history.importOrders(List.of(order("K-1", "2026-01-05T06:00:00Z", true),
				order("K-2", "2026-02-05T06:00:00Z", false), order("K-3", "2026-02-05T06:00:00Z", true),
				order("K-4", "2026-02-05T06:00:00Z", false), order("K-5", "2026-03-05T06:00:00Z", true)));

		OrderSlice first = history.ordersBefore(subscriberId, null, 2);
		OrderSlice second = history.ordersBefore(subscriberId, first.olderThan(), 2);
		OrderSlice last = history.ordersBefore(subscriberId, second.olderThan(), 2);

		assertThat(first.newest()).isTrue();
		assertThat(first.orders()).extracting(OrderView::orderNumber).containsExactly("K-5", "K-4");
		assertThat(first.orders().get(0).lines()).extracting(OrderView.Line::name)
			.containsExactly("Coffee 250 g", "Filters");
		assertThat(first.orders().get(0).total()).isEqualByComparingTo("22.00");
		assertThat(second.newest()).isFalse();
		assertThat(second.orders()).extracting(OrderView::orderNumber).containsExactly("K-3", "K-2");
		assertThat(last.orders()).extracting(OrderView::orderNumber).containsExactly("K-1");
		assertThat(last.olderThan()).isNull();
	}

	@Test
	void anotherSubscribersOrderAsTheKeyGivesNoOrders() {
		history.importOrders(List.of(order("K-1", "2026-01-05T06:00:00Z", true)));
		long someoneElses = jdbc.queryForObject("select id from orders where order_number = 'K-1'", Long.class);

		assertThat(history.ordersBefore(subscriberId + 1, someoneElses, 10).orders()).isEmpty();
		assertThat(history.ordersBefore(subscriberId, 987_654_321L, 10).orders()).isEmpty();
	}

	@Test
	void anOrderNumberIsRecordedOnce() {
		history.importOrders(List.of(order("A-1", "2026-01-05T06:00:00Z", false)));
		assertThatThrownBy(() -> history.importOrders(List.of(order("A-1", "2026-01-06T06:00:00Z", false))))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aShipmentBecomesAtMostOneOrder() {
		jdbc.update("insert into subscription (subscriber_id, plan_id, quantity, interval_count, interval_unit, status, "
				+ "started_on, next_shipment_date, anchor_day, version) values (?, ?, 1, 2, 'WEEK', 'ACTIVE', "
				+ "date '2026-01-01', date '2026-01-15', 15, 0)", subscriberId, planId);
		long subscriptionId = jdbc.queryForObject("select id from subscription where subscriber_id = ?", Long.class,
				subscriberId);
		jdbc.update("insert into shipment (subscription_id, ship_date, status, version) "
				+ "values (?, date '2026-01-15', 'OPEN', 0)", subscriptionId);
		long shipmentId = jdbc.queryForObject("select id from shipment where subscription_id = ?", Long.class,
				subscriptionId);
		String insert = "insert into orders (order_number, subscriber_id, shipment_id, ordered_at, total, source) "
				+ "values (?, ?, ?, current_timestamp, 15.00, 'SHIPMENT')";
		jdbc.update(insert, "S-1", subscriberId, shipmentId);
		assertThatThrownBy(() -> jdbc.update(insert, "S-2", subscriberId, shipmentId))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void anOrderLineIsEitherAPlanOrAProduct() {
		history.importOrders(List.of(order("A-1", "2026-01-05T06:00:00Z", false)));
		long orderId = jdbc.queryForObject("select id from orders where order_number = 'A-1'", Long.class);
		assertThatThrownBy(() -> jdbc.update("insert into order_line (order_id, kind, plan_id, product_id, quantity, "
				+ "unit_price) values (?, 'PLAN', ?, ?, 1, 1.00)", orderId, planId, productId))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	private NewOrder order(String number, String at, boolean withFilters) {
		List<NewOrder.Line> lines = withFilters
				? List.of(NewOrder.Line.plan(planId, 1, new BigDecimal("15.00")),
						NewOrder.Line.addOn(productId, null, 1, new BigDecimal("7.00")))
				: List.of(NewOrder.Line.plan(planId, 1, new BigDecimal("15.00")));
		return new NewOrder(number, subscriberId, null, null, Instant.parse(at), OrderSource.IMPORT, lines);
	}

}
