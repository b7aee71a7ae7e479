package io.nextbox.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hands each test its own demo subscriber with one active subscription whose next box is still open, so tests
 * sharing the demo store never change each other's data.
 */
public final class TestSubscriptions {

	private static final Set<Long> HANDED_OUT = ConcurrentHashMap.newKeySet();

	/** A subscriber and their only subscription. */
	public record Owned(long subscriberId, long subscriptionId, String email) {
	}

	private TestSubscriptions() {
	}

	public static Owned freshActive(JdbcTemplate jdbc) {
		return freshActiveWithOrders(jdbc, 0);
	}

	/** As {@link #freshActive}, for a subscriber with more than {@code orders} past orders. */
	public static Owned freshActiveWithOrders(JdbcTemplate jdbc, int orders) {
		List<Map<String, Object>> candidates = jdbc.queryForList("""
				select s.id as subscription_id, u.id as subscriber_id, a.email
				from subscription s join subscriber u on u.id = s.subscriber_id join account a on a.id = u.account_id
				where s.status = 'ACTIVE' and s.next_shipment_date >= ? and u.id > 3
				  and (select count(*) from subscription other where other.subscriber_id = u.id) = 1
				  and (select count(*) from orders o where o.subscriber_id = u.id) > ?
				order by s.id""", LocalDate.now().plusDays(5), orders);
		for (Map<String, Object> row : candidates) {
			long subscriptionId = ((Number) row.get("subscription_id")).longValue();
			if (HANDED_OUT.add(subscriptionId)) {
				return new Owned(((Number) row.get("subscriber_id")).longValue(), subscriptionId,
						(String) row.get("email"));
			}
		}
		throw new IllegalStateException("The demo store has no fresh active subscription left for tests");
	}

}
