package io.nextbox.subscription;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the shipment processor on the {@code nextbox.shipments.cron} schedule ({@code -} switches it off). Every
 * instance may run it: each shipment is claimed in the database, so a box ships once however many run.
 */
@Component
class ShipmentSchedule {

	private final ShipmentProcessor processor;

	private final Clock clock;

	ShipmentSchedule(ShipmentProcessor processor, Clock clock) {
		this.processor = processor;
		this.clock = clock;
	}

	@Scheduled(cron = "${nextbox.shipments.cron:0 */15 * * * *}")
	void processDueShipments() {
		processor.processDue(LocalDate.now(clock));
	}

}
