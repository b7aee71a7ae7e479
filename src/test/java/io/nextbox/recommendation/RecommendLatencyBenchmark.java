package io.nextbox.recommendation;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.nextbox.offer.Placement;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A benchmark, not a test (the build does not run it, and it asserts no timing): the whole {@code recommend} call,
 * database look-ups included, on the demo store of 2,000 subscribers in H2. Run it with
 * {@code ./mvnw test -Dtest=RecommendLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@NextboxIntegrationTest
@TestPropertySource(properties = { "nextbox.demo.subscribers=2000",
		"spring.datasource.url=jdbc:h2:mem:nextbox-benchmark;DB_CLOSE_DELAY=-1" })
class RecommendLatencyBenchmark {

	private static final int CALLS = 20_000;

	@Autowired
	private RecommendationService recommendations;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void recommendForRandomSubscribers() {
		recommendations.rebuild();
		List<Long> subscribers = jdbc.queryForList("select subscriber_id from subscription where status = 'ACTIVE'",
				Long.class);
		Random random = new Random(1);
		long[] nanos = new long[CALLS];
		int shown = 0;
		for (int call = -5_000; call < CALLS; call++) {
			long subscriber = subscribers.get(random.nextInt(subscribers.size()));
			long start = System.nanoTime();
			shown += recommendations.recommend(subscriber, Placement.DASHBOARD, 4).size();
			if (call >= 0) {
				nanos[call] = System.nanoTime() - start;
			}
		}
		Arrays.sort(nanos);
		System.out.printf("recommend(subscriber, DASHBOARD, 4) over %,d calls on %,d active subscribers: p50 %.3f ms, "
				+ "p99 %.3f ms (%.1f cards a call)%n", CALLS, subscribers.size(), nanos[CALLS / 2] / 1e6,
				nanos[CALLS * 99 / 100] / 1e6, (double) shown / (CALLS + 5_000));
	}

}
