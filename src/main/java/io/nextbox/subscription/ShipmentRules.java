package io.nextbox.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.nextbox.store.StoreSettings;
import io.nextbox.store.StoreSettingsService;
import org.springframework.stereotype.Component;

/** The store's current rules for changing shipments: now, the cutoff and the reschedule window. */
@Component
class ShipmentRules {

	private final StoreSettingsService settings;

	private final Clock clock;

	ShipmentRules(StoreSettingsService settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	StoreSettings settings() {
		return settings.current();
	}

	Instant now() {
		return clock.instant();
	}

	ZoneId zone() {
		return clock.getZone();
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	Cutoff cutoff() {
		return new Cutoff(settings().cutoffHours(), clock.getZone());
	}

	boolean isLocked(Shipment shipment) {
		return cutoff().isLocked(shipment.getShipDate(), now());
	}

	/** The first day a box can be moved to or started on: its cutoff is still ahead. */
	LocalDate earliestOpenDate() {
		return cutoff().earliestOpenDate(now());
	}

	/** The last day a box can be moved to. */
	LocalDate latestRescheduleDate() {
		return today().plusDays(settings().rescheduleWindowDays());
	}

}
