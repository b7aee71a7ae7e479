package io.nextbox.ordering;

import io.nextbox.support.CleanMigrate;
import org.junit.jupiter.api.Tag;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The same migrations and repository tests on PostgreSQL: {@code ./mvnw verify -Ppostgres}. */
@Tag("postgres")
@ActiveProfiles({ "postgres", "postgres-test" })
@Import(CleanMigrate.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=${NEXTBOX_TEST_PG_SCHEMA:nextbox_ci}")
class OrderRepositoryPostgresTests extends OrderRepositoryTests {

}
