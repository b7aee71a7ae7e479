package io.nextbox.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nextbox.catalog.PlanSummary;
import io.nextbox.catalog.CatalogService;
import io.nextbox.ordering.NewOrder;
import io.nextbox.ordering.OrderHistory;
import io.nextbox.ordering.OrderPlaced;
import io.nextbox.ordering.OrderSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns due shipments into orders, exactly once each. Every shipment is processed in a transaction of its own
 * that first claims it in the database (a conditional update from OPEN to PROCESSED), then places the order and
 * schedules the next box; the order table's unique shipment column is a second guard. Two processors running
 * at once, or a process that dies halfway, can therefore neither lose nor duplicate a box.
 * <p>
 * A box whose processing throws, whatever it throws, is rolled back, then marked failed with its reason in a
 * transaction of its own, and is not tried again before its retry time ({@link Shipment#retryDelay(int)}); the
 * run goes on with the next box. The merchant sees failed boxes on the admin home ({@link #failures(int)}).
 */
@Service
public class ShipmentProcessor {

	static final String ACTOR = "Nextbox";

	private static final Logger log = LoggerFactory.getLogger(ShipmentProcessor.class);

	private static final int REASON_LENGTH = 500;

	private final ShipmentRepository shipments;

	private final SubscriptionRepository subscriptions;

	private final TimelineRepository timeline;

	private final ShipmentBook book;

	private final CatalogService catalog;

	private final OrderHistory orders;

	private final ShipmentRules rules;

	private final TransactionTemplate eachInItsOwnTransaction;

	private final SubscriptionSwaps swaps;

	/** A processor that ships no swaps: for tests that build one by hand. */
	ShipmentProcessor(ShipmentRepository shipments, SubscriptionRepository subscriptions, TimelineRepository timeline,
			ShipmentBook book, CatalogService catalog, OrderHistory orders, ShipmentRules rules,
			PlatformTransactionManager transactionManager) {
		this(shipments, subscriptions, timeline, book, catalog, orders, rules, transactionManager, null);
	}

	@Autowired
	ShipmentProcessor(ShipmentRepository shipments, SubscriptionRepository subscriptions, TimelineRepository timeline,
			ShipmentBook book, CatalogService catalog, OrderHistory orders, ShipmentRules rules,
			PlatformTransactionManager transactionManager, SubscriptionSwaps swaps) {
		this.swaps = swaps;
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

	/**
	 * Resumes pauses that end by {@code today}, then ships every open box due by {@code today}, except a box that
	 * failed before and waits for its retry time.
	 */
	public ProcessingReport processDue(LocalDate today) {
		int resumed = 0;
		for (Subscription paused : subscriptions.findByStatusAndPausedUntilLessThanEqual(SubscriptionStatus.PAUSED,
				today)) {
			try {
				if (inItsOwnTransaction(() -> resume(paused.getId()))) {
					resumed++;
				}
			}
			catch (RuntimeException | LinkageError | AssertionError ex) {
				log.warn("Could not resume subscription {}; the next run tries again", paused.getId(), ex);
			}
		}
		int placed = 0;
		int failed = 0;
		for (Long shipmentId : shipments.findDueIds(today, rules.now())) {
			try {
				if (inItsOwnTransaction(() -> process(shipmentId, today))) {
					placed++;
				}
			}
			catch (RuntimeException | LinkageError | AssertionError ex) {
				if (recordFailure(shipmentId, ex)) {
					failed++;
				}
			}
		}
		if (placed > 0 || resumed > 0 || failed > 0) {
			log.info("Shipments due by {}: {} orders placed, {} subscriptions resumed, {} boxes failed", today, placed,
					resumed, failed);
		}
		return new ProcessingReport(placed, resumed, failed);
	}

	/** Open boxes whose last try failed, the most recent failure first, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<FailedShipment> failures(int limit) {
		List<Shipment> failed = shipments.findFailed(PageRequest.of(0, limit));
		Map<Long, Long> subscriberOf = new HashMap<>();
		subscriptions.findAllById(failed.stream().map(Shipment::getSubscriptionId).distinct().toList())
			.forEach(subscription -> subscriberOf.put(subscription.getId(), subscription.getSubscriberId()));
		ZoneId zone = rules.zone();
		return failed.stream()
			.map(shipment -> new FailedShipment(shipment.getId(), shipment.getSubscriptionId(),
					subscriberOf.get(shipment.getSubscriptionId()), shipment.getShipDate(), shipment.getFailureCount(),
					shipment.getFailureReason(), LocalDateTime.ofInstant(shipment.getFailedAt(), zone),
					LocalDateTime.ofInstant(shipment.getRetryAt(), zone)))
			.toList();
	}

	private interface Work {

		boolean run();

	}

	private boolean inItsOwnTransaction(Work work) {
		return Boolean.TRUE.equals(eachInItsOwnTransaction.execute(status -> work.run()));
	}

	/**
	 * Marks a box failed after its own transaction rolled back, in a new transaction, so the failure is kept. A box
	 * that is no longer open (it shipped, and something failed after the commit) is left as it is.
	 */
	private boolean recordFailure(long shipmentId, Throwable failure) {
		String reason = reason(failure);
		Instant now = rules.now();
		try {
			Shipment failed = eachInItsOwnTransaction.execute(status -> shipments.findById(shipmentId)
				.filter(shipment -> shipment.getStatus() == ShipmentStatus.OPEN)
				.map(shipment -> {
					shipment.failed(reason, now);
					return shipment;
				})
				.orElse(null));
			if (failed == null) {
				log.warn("Shipment {} was processed, but something failed after it: {}", shipmentId, reason, failure);
				return false;
			}
			log.error("Could not process shipment {} (failed {} time(s) in a row); next try at {}", shipmentId,
					failed.getFailureCount(), failed.getRetryAt(), failure);
			return true;
		}
		catch (RuntimeException ex) {
			ex.addSuppressed(failure);
			log.error("Could not process shipment {}, nor record why; the next run tries again", shipmentId, ex);
			return true;
		}
	}

	/**
	 * What went wrong, in one line for the merchant: the kind of failure and the message of its root cause, without
	 * the SQL statement a database message may carry.
	 */
	static String reason(Throwable failure) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		String message = cause.getMessage() == null ? "" : cause.getMessage();
		int sql = message.indexOf("; SQL statement:");
		if (sql >= 0) {
			message = message.substring(0, sql);
		}
		message = message.replaceAll("\\s+", " ").strip();
		String reason = failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
		return reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH - 1) + "…" : reason;
	}

	private boolean resume(long subscriptionId) {
		Subscription subscription = subscriptions.lockById(subscriptionId).orElseThrow();
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
		// The subscription's lock first, as every self-service action takes it: a skip or a quantity change
		// arriving now waits for this box instead of failing on a stale version, and the two never deadlock.
		Optional<Long> subscriptionId = shipments.findSubscriptionIdById(shipmentId);
		if (subscriptionId.isEmpty()) {
			return false;
		}
		subscriptions.lockById(subscriptionId.get()).orElseThrow();
		if (shipments.claimForProcessing(shipmentId, now) == 0) {
			return false;
		}
		Shipment shipment = shipments.findById(shipmentId).orElseThrow();
		Subscription subscription = subscriptions.findById(subscriptionId.get()).orElseThrow();
		PlanSummary plan = catalog.plan(subscription.getPlanId()).orElseThrow();
		List<NewOrder.Line> lines = new ArrayList<>();
		lines.add(NewOrder.Line.plan(plan.id(), subscription.getQuantity(), plan.price()));
		if (swaps != null) {
			lines.addAll(swaps.orderLines(subscription, subscription.getQuantity()));
		}
		shipment.getLines()
			.forEach(line -> lines.add(NewOrder.Line.addOn(line.getProductId(), line.getOfferId(), line.getQuantity(),
					line.getUnitPrice(), line.getClaimKey())));
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
