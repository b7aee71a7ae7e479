package io.nextbox.analytics;

import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.StatementCounter;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link AnalyticsPageBenchmarking} on H2, in memory. Run it with
 * {@code ./mvnw test -Dtest=AnalyticsPageBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@NextboxIntegrationTest
@Import(StatementCounter.class)
@TestPropertySource(properties = { "nextbox.demo.subscribers=2000", "nextbox.demo.offer-history=true",
		"spring.datasource.url=jdbc:h2:mem:nextbox-analytics-benchmark;DB_CLOSE_DELAY=-1",
		// StatementCounter counts here; the application's own counter (a bean of the same name) stays off
		"nextbox.sql-count=false" })
class AnalyticsPageBenchmark extends AnalyticsPageBenchmarking {

}
