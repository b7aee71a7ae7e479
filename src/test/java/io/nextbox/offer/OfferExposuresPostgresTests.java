package io.nextbox.offer;

import io.nextbox.support.CleanMigrate;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** {@link OfferExposuresChecks} on PostgreSQL: V49's gap levels and the lift's groups read through them. */
@Tag("postgres")
@SpringBootTest(properties = { "nextbox.demo.enabled=true", "nextbox.demo.subscribers=60" })
@ActiveProfiles({ "postgres", "postgres-test" })
@Import(CleanMigrate.class)
class OfferExposuresPostgresTests extends OfferExposuresChecks {

}
