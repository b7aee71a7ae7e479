package io.nextbox.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.nextbox.catalog.PlanSummary;
import io.nextbox.catalog.CatalogService;
import io.nextbox.ordering.NewOrder;
import io.nextbox.ordering.OrderHistory;
import io.nextbox.ordering.OrderPlaced;
import io.nextbox.ordering.OrderSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns due shipments into orders, exactly once each. Every shipment is processed in a transaction of its own
 * that first claims it in the database (a conditional update from OPEN to PROCESSED), then places the order and
 * schedules the next box; the order table's unique shipment column is a second guard. Two processors running
 * at once, or a process that dies halfway, can therefore neither lose nor duplicate a box.
 */
@Service
public class ShipmentProcessor {

	static final String ACTOR = "Nextbox";

	private static final Logger log = LoggerFactory.getLogger(ShipmentProcessor.class);

	private final ShipmentRepository shipments;

	private final SubscriptionRepository subscriptions;

	private final TimelineRepository timeline;

	private final ShipmentBook book;

	private final CatalogService catalog;

	private final OrderHistory orders;

	private final ShipmentRules rules;

	private final TransactionTemplate eachInItsOwnTransaction;

	ShipmentProcessor(ShipmentRepository shipments, SubscriptionRepository subscriptions, TimelineRepository timeline,
			ShipmentBook book, CatalogService catalog, OrderHistory orders, ShipmentRules rules,
			PlatformTransactionManager transactionManager) {
		this.shipments = shipments;
		this.subscriptions = subscriptions;
		this.timeline = timeline;
		this.book = book;
		this.catalog = catalog;
		this.orders = orders;
		this.rules = rules;
		this.eachInItsOwnTransaction = new TransactionTemplate(transactionManager);
		this.eachInItsOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Resumes pauses that end by {@code today}, then ships every open box due by {@code today}. */
	public ProcessingReport processDue(LocalDate today) {
		int resumed = 0;
		for (Subscription paused : subscriptions.findByStatusAndPausedUntilLessThanEqual(SubscriptionStatus.PAUSED,
				today)) {
			if (attempt(() -> resume(paused.getId()), "resume subscription " + paused.getId())) {
				resumed++;
			}
		}
		int placed = 0;
		for (Long shipmentId : shipments.findDueIds(today)) {
			if (attempt(() -> process(shipmentId, today), "process shipment " + shipmentId)) {
				placed++;
			}
		}
		if (placed > 0 || resumed > 0) {
			log.info("Shipments due by {}: {} orders placed, {} subscriptions resumed", today, placed, resumed);
		}
		return new ProcessingReport(placed, resumed);
	}

	private interface Work {

		boolean run();

	}

	/** Runs one unit in its own transaction; a failure is logged and leaves that unit for the next run. */
	private boolean attempt(Work work, String what) {
		try {
			return Boolean.TRUE.equals(eachInItsOwnTransaction.execute(status -> work.run()));
		}
		catch (DataAccessException ex) {
			log.warn("Could not {}: {}", what, ex.getMessage());
			return false;
		}
	}

	private boolean resume(long subscriptionId) {
		Subscription subscription = subscriptions.findById(subscriptionId).orElseThrow();
		if (!subscription.is(SubscriptionStatus.PAUSED) || subscription.getPausedUntil() == null) {
			return false;
		}
		LocalDate next = book.open(subscription)
			.map(Shipment::getShipDate)
			.orElseGet(() -> book.openAt(subscription, subscription.getPausedUntil()).getShipDate());
		subscription.activate(next);
		timeline.save(new TimelineEntry(subscriptionId, rules.now(), ACTOR, TimelineKind.RESUMED_AUTOMATICALLY,
				SubscriptionActions.day(next)));
		return true;
	}

	private boolean process(long shipmentId, LocalDate today) {
		Instant now = rules.now();
		if (shipments.claimForProcessing(shipmentId, now) == 0) {
			return false;
		}
		Shipment shipment = shipments.findById(shipmentId).orElseThrow();
		Subscription subscription = subscriptions.findById(shipment.getSubscriptionId()).orElseThrow();
		PlanSummary plan = catalog.plan(subscription.getPlanId()).orElseThrow();
		List<NewOrder.Line> lines = new ArrayList<>();
		lines.add(NewOrder.Line.plan(plan.id(), subscription.getQuantity(), plan.price()));
		shipment.getLines()
			.forEach(line -> lines.add(NewOrder.Line.addOn(line.getProductId(), line.getOfferId(), line.getQuantity(),
					line.getUnitPrice())));
		OrderPlaced order = orders.place(new NewOrder(orderNumber(shipmentId), subscription.getSubscriberId(),
				subscription.getId(), shipmentId, now, OrderSource.SHIPMENT, lines));
		if (subscription.is(SubscriptionStatus.ACTIVE) && book.open(subscription).isEmpty()) {
			LocalDate next = subscription.dateAfter(shipment.getShipDate());
			while (!next.isAfter(today)) {
				next = subscription.dateAfter(next);
			}
			book.openAt(subscription, next);
			subscription.scheduleNext(next, false);
		}
		timeline.save(new TimelineEntry(subscription.getId(), now, ACTOR, TimelineKind.SHIPPED, order.orderNumber(),
				order.total().toPlainString()));
		return true;
	}

	static String orderNumber(long shipmentId) {
		return String.format("NB-%07d", shipmentId);
	}

}
