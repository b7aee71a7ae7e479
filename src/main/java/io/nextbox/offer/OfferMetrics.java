package io.nextbox.offer;

import java.math.BigDecimal;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Offer events as Micrometer counters (scraped at {@code /actuator/prometheus}): {@code nextbox.offer.events} by
 * type, placement and holdout, and {@code nextbox.offer.addon.revenue}, the price of shipped add-ons outside the
 * holdout. Counted when the events' transaction commits, so a rolled-back click counts nothing. Per instance since
 * its start: add them up across instances, and use the analytics page for what happened over a period.
 */
@Component
class OfferMetrics {

	private final MeterRegistry meters;

	OfferMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	void countOnceCommitted(List<OfferEvent> events) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					count(events);
				}
			});
		}
		else {
			count(events);
		}
	}

	private void count(List<OfferEvent> events) {
		for (OfferEvent event : events) {
			Counter.builder("nextbox.offer.events")
				.description("Offer events: impressions, accepts, undos, dismissals and shipped add-ons")
				.tag("type", event.type().name())
				.tag("placement", event.placement().name())
				.tag("holdout", String.valueOf(event.holdout()))
				.register(meters)
				.increment();
			if (event.type() == OfferEventType.SHIPPED && !event.holdout() && event.unitPrice() != null) {
				Counter.builder("nextbox.offer.addon.revenue")
					.description("Price of the add-ons shipped, outside the holdout")
					.baseUnit("currency")
					.register(meters)
					.increment(event.unitPrice().max(BigDecimal.ZERO).doubleValue());
			}
		}
	}

}
