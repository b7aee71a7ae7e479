package io.nextbox.analytics;

import io.nextbox.support.StatementCounter;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link AnalyticsPageBenchmarking} on PostgreSQL (127.0.0.1:5432, database test, in the schema named by
 * {@code NEXTBOX_TEST_PG_SCHEMA}, cleaned first). Run it with
 * {@code ./mvnw test -Dtest=PostgresAnalyticsPageBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * <p>
 * With {@code -Dnextbox.bench.reuse=true} (or {@code NEXTBOX_BENCH_REUSE=true}) it works in the schema
 * {@value #REUSED} instead and never cleans it: the first run seeds and loads the 100,000 subscribers (half an hour on
 * a busy machine), every later run finds them there, migrates what is new and measures at once.
 */
@SpringBootTest(properties = { "nextbox.demo.enabled=true", "nextbox.demo.subscribers=2000",
		"nextbox.demo.offer-history=true" })
@AutoConfigureMockMvc
@ActiveProfiles({ "postgres", "postgres-test" })
@Import({ PostgresAnalyticsPageBenchmark.Migrate.class, StatementCounter.class })
class PostgresAnalyticsPageBenchmark extends AnalyticsPageBenchmarking {

	static final String REUSED = "nextbox_bench100k";

	static boolean reuse() {
		String reuse = System.getProperty("nextbox.bench.reuse", System.getenv("NEXTBOX_BENCH_REUSE"));
		return Boolean.parseBoolean(reuse);
	}

	@DynamicPropertySource
	static void schema(DynamicPropertyRegistry registry) {
		if (reuse()) {
			registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + REUSED);
			registry.add("spring.flyway.schemas", () -> REUSED);
			registry.add("spring.flyway.default-schema", () -> REUSED);
		}
	}

	@Override
	boolean reusing() {
		return reuse();
	}

	@Override
	void analyze() {
		jdbc.execute("vacuum analyze offer_event");
	}

	/** Cleans the schema first, as every PostgreSQL test does, unless it is the benchmark's own kept schema. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Migrate {

		@Bean
		FlywayMigrationStrategy cleanUnlessReused() {
			return flyway -> {
				if (!reuse()) {
					flyway.clean();
				}
				flyway.migrate();
			};
		}

	}

}
