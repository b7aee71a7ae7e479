package io.nextbox.analytics;

import io.nextbox.support.CleanMigrate;
import io.nextbox.support.StatementCounter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link AnalyticsPageBenchmarking} on PostgreSQL (127.0.0.1:5432, database test, in the schema named by
 * {@code NEXTBOX_TEST_PG_SCHEMA}, cleaned first). Run it with
 * {@code ./mvnw test -Dtest=PostgresAnalyticsPageBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(properties = { "nextbox.demo.enabled=true", "nextbox.demo.subscribers=2000",
		"nextbox.demo.offer-history=true" })
@AutoConfigureMockMvc
@ActiveProfiles({ "postgres", "postgres-test" })
@Import({ CleanMigrate.class, StatementCounter.class })
class PostgresAnalyticsPageBenchmark extends AnalyticsPageBenchmarking {

	@Override
	void analyze() {
		jdbc.execute("vacuum analyze offer_event");
	}

}
