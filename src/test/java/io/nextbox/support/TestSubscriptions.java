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
		List<Map<String, Object>> candidates = jdbc.queryForList("""
				select s.id as subscription_id, u.id as subscriber_id, u.email
				from subscription s join subscriber u on u.id = s.subscriber_id
				where s.status = 'ACTIVE' and s.next_shipment_date >= ? and u.id > 3 and u.account_id is not null
				  and (select count(*) from subscription other where other.subscriber_id = u.id) = 1
				order by s.id""", LocalDate.now().plusDays(5));
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
