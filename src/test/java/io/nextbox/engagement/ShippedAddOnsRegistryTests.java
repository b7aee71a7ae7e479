package io.nextbox.engagement;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.nextbox.ordering.NewOrder;
import io.nextbox.ordering.OrderHistory;
import io.nextbox.ordering.OrderPlaced;
import io.nextbox.ordering.OrderSource;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shipped add-ons are recorded by a listener that runs after the order's transaction, through Spring Modulith's event
 * publication registry: when the listener dies half-way, the order stands, the publication stays incomplete, and
 * resubmitting it (as the next start does) records the add-ons once; a second delivery records nothing more.
 */
@NextboxIntegrationTest
class ShippedAddOnsRegistryTests {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private OrderHistory orders;

	@Autowired
	private IncompleteEventPublications incomplete;

	@Autowired
	private ShippedAddOns shippedAddOns;

	@AfterEach
	void removeTheTrigger() {
		FailingShippedInsert.failingFor = -1;
		jdbc.execute("drop trigger if exists fail_shipped");
	}

	@Test
	void anOrderWhoseListenerDiedHasItsAddOnsRecordedOnceWhenResubmitted() {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		jdbc.execute("create trigger fail_shipped before insert on offer_event for each row call \""
				+ FailingShippedInsert.class.getName() + "\"");
		FailingShippedInsert.failingFor = owned.subscriberId();

		OrderPlaced placed = orders.place(orderWithAnAddOn(owned));

		await().atMost(Duration.ofSeconds(10)).until(() -> incompleteFor(placed) == 1 && failedAttempts(placed) > 0);
		assertThat(shipped(owned)).as("nothing recorded by the listener that died").isZero();
		assertThat(jdbc.queryForObject("select count(*) from orders where id = ?", Long.class, placed.orderId()))
			.as("the order stands").isEqualTo(1);

		FailingShippedInsert.failingFor = -1;
		incomplete.resubmitIncompletePublications(publication -> publication.getEvent().equals(placed));

		await().atMost(Duration.ofSeconds(10)).until(() -> incompleteFor(placed) == 0);
		assertThat(shipped(owned)).isEqualTo(1);

		shippedAddOns.on(placed);
		assertThat(shipped(owned)).as("a second delivery records nothing more").isEqualTo(1);
	}

	private NewOrder orderWithAnAddOn(Owned owned) {
		Map<String, Object> offer = jdbc.queryForMap(
				"select id, product_id from offer where kind = 'ADD_ON' order by id fetch first 1 rows only");
		Map<String, Object> box = jdbc.queryForMap("select b.id, s.plan_id from shipment b "
				+ "join subscription s on s.id = b.subscription_id where b.subscription_id = ? and b.status = 'OPEN'",
				owned.subscriptionId());
		return new NewOrder("REGISTRY-" + UUID.randomUUID(), owned.subscriberId(), owned.subscriptionId(),
				((Number) box.get("id")).longValue(), Instant.now(), OrderSource.SHIPMENT,
				List.of(NewOrder.Line.plan(((Number) box.get("plan_id")).longValue(), 1, new BigDecimal("20.00")),
						NewOrder.Line.addOn(((Number) offer.get("product_id")).longValue(),
								((Number) offer.get("id")).longValue(), 1, new BigDecimal("4.50"))));
	}

	private long shipped(Owned owned) {
		return jdbc.queryForObject("select count(*) from offer_event where subscriber_id = ? and type = 'SHIPPED'",
				Long.class, owned.subscriberId());
	}

	private long incompleteFor(OrderPlaced placed) {
		return jdbc.queryForObject("select count(*) from event_publication where completion_date is null "
				+ "and listener_id like '%ShippedAddOns%' and serialized_event like ?", Long.class,
				"%\"orderId\":" + placed.orderId() + ",%");
	}

	private long failedAttempts(OrderPlaced placed) {
		return jdbc.queryForObject("select count(*) from event_publication where status = 'FAILED' "
				+ "and listener_id like '%ShippedAddOns%' and serialized_event like ?", Long.class,
				"%\"orderId\":" + placed.orderId() + ",%");
	}

}
