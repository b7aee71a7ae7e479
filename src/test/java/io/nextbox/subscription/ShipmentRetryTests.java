package io.nextbox.subscription;

import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;

class ShipmentRetryTests {

	@Test
	void aFailedBoxWaitsLongerAfterEveryFailureInARowButNeverMoreThanADay() {
		assertThat(Shipment.retryDelay(1)).isEqualTo(Duration.ofMinutes(15));
		assertThat(Shipment.retryDelay(2)).isEqualTo(Duration.ofHours(1));
		assertThat(Shipment.retryDelay(3)).isEqualTo(Duration.ofHours(4));
		assertThat(Shipment.retryDelay(4)).isEqualTo(Duration.ofHours(16));
		assertThat(Shipment.retryDelay(5)).isEqualTo(Duration.ofHours(24));
		assertThat(Shipment.retryDelay(1_000)).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void theReasonNamesTheFailureAndItsCauseInOneLineWithoutTheSqlStatement() {
		DuplicateKeyException failure = new DuplicateKeyException("PreparedStatementCallback; SQL [insert into orders]",
				new SQLIntegrityConstraintViolationException("Unique index or primary key violation: "
						+ "\"PUBLIC.ORDERS_NUMBER_UNIQUE\"; SQL statement:\ninsert into orders (order_number) values (?)"));

		assertThat(ShipmentProcessor.reason(failure)).isEqualTo(
				"DuplicateKeyException: Unique index or primary key violation: \"PUBLIC.ORDERS_NUMBER_UNIQUE\"");
		assertThat(ShipmentProcessor.reason(new IllegalStateException("two\n  lines")))
			.isEqualTo("IllegalStateException: two lines");
		assertThat(ShipmentProcessor.reason(new NullPointerException())).isEqualTo("NullPointerException");
		assertThat(ShipmentProcessor.reason(new IllegalStateException("x".repeat(900)))).hasSize(500);
	}

}
