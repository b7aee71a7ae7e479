package io.nextbox.support;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Starts the PostgreSQL tests from an empty schema, so every run proves the migrations from the first. */
@TestConfiguration(proxyBeanMethods = false)
public class CleanMigrate {

	@Bean
	FlywayMigrationStrategy cleanThenMigrate() {
		return flyway -> {
			flyway.clean();
			flyway.migrate();
		};
	}

}
