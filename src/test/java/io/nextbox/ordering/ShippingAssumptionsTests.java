package io.nextbox.ordering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.nextbox.ordering.OrderProgress.Stage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ShippingAssumptionsTests {

	private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	/** 23:30 UTC on 1 March is already 2 March in the store's zone. */
	private static final Instant PLACED = Instant.parse("2026-03-01T23:30:00Z");

	@Test
	void anOrderIsProcessingUntilItShipsThenShippedUntilItIsDelivered() {
		ShippingAssumptions oneDayPacking = new ShippingAssumptions(1, 3);
		LocalDate placedOn = LocalDate.of(2026, 3, 2);

		assertThat(oneDayPacking.progress(PLACED, placedOn, ZONE))
			.isEqualTo(new OrderProgress(Stage.PROCESSING, placedOn.plusDays(1), placedOn.plusDays(4)));
		assertThat(oneDayPacking.progress(PLACED, placedOn.plusDays(1), ZONE).stage()).isEqualTo(Stage.SHIPPED);
		assertThat(oneDayPacking.progress(PLACED, placedOn.plusDays(3), ZONE).stage()).isEqualTo(Stage.SHIPPED);
		assertThat(oneDayPacking.progress(PLACED, placedOn.plusDays(4), ZONE).stage()).isEqualTo(Stage.DELIVERED);
	}

	@Test
	void byDefaultAnOrderShipsTheDayItIsPlaced() {
		OrderProgress progress = new ShippingAssumptions(0, 3).progress(PLACED, LocalDate.of(2026, 3, 2), ZONE);

		assertThat(progress.stage()).isEqualTo(Stage.SHIPPED);
		assertThat(progress.shippedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
		assertThat(progress.deliveredOn()).isEqualTo(LocalDate.of(2026, 3, 5));
	}

	@Test
	void negativeDaysAreRefusedAtStartup() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ShippingAssumptions(-1, 3));
		assertThatIllegalArgumentException().isThrownBy(() -> new ShippingAssumptions(0, -1));
	}

}
