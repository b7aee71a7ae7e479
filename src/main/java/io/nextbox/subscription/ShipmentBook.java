package io.nextbox.subscription;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Finding and making a subscription's boxes, shared by the actions and the processor. */
@Component
class ShipmentBook {

	private final ShipmentRepository shipments;

	private final ShipmentRules rules;

	ShipmentBook(ShipmentRepository shipments, ShipmentRules rules) {
		this.shipments = shipments;
		this.rules = rules;
	}

	/** The most recent skipped box before the open one, if its cutoff is still ahead: it can be restored. */
	Optional<Shipment> restorableSkip(Subscription subscription, Shipment open) {
		return restorable(shipments
			.findFirstBySubscriptionIdAndStatusOrderByShipDateDesc(subscription.getId(), ShipmentStatus.SKIPPED), open);
	}

	/** The same among the ship dates of the subscription's skipped boxes, already read, and the open box's date. */
	Optional<LocalDate> restorableSkip(List<LocalDate> skipped, LocalDate open) {
		return skipped.stream().max(Comparator.naturalOrder()).filter(date -> restorable(date, open));
	}

	private Optional<Shipment> restorable(Optional<Shipment> latestSkipped, Shipment open) {
		return latestSkipped.filter(skipped -> restorable(skipped.getShipDate(), open.getShipDate()));
	}

	private boolean restorable(LocalDate skipped, LocalDate open) {
		return skipped.isBefore(open) && !rules.cutoff().isLocked(skipped, rules.now());
	}

	/** Every box of the subscription that was skipped. */
	List<Shipment> skipped(Subscription subscription) {
		return shipments.findBySubscriptionIdAndStatus(subscription.getId(), ShipmentStatus.SKIPPED);
	}

	Optional<Shipment> open(Subscription subscription) {
		return shipments.findFirstBySubscriptionIdAndStatusOrderByShipDateAsc(subscription.getId(),
				ShipmentStatus.OPEN);
	}

	/** The open box on {@code date}: a box skipped on that day is restored, otherwise a new one is made. */
	Shipment openAt(Subscription subscription, LocalDate date) {
		Optional<Shipment> skipped = skippedAt(subscription, date);
		skipped.ifPresent(Shipment::reopen);
		return skipped.orElseGet(() -> shipments.save(Shipment.open(subscription.getId(), date)));
	}

	void removeSkippedAt(Subscription subscription, LocalDate date) {
		skippedAt(subscription, date).ifPresent(shipment -> {
			shipments.delete(shipment);
			shipments.flush();
		});
	}

	private Optional<Shipment> skippedAt(Subscription subscription, LocalDate date) {
		return skipped(subscription).stream()
			.filter(shipment -> shipment.getShipDate().equals(date))
			.findFirst();
	}

}
