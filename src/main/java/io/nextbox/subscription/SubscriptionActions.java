package io.nextbox.subscription;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.Interval;
import io.nextbox.catalog.IntervalUnit;
import io.nextbox.catalog.PlanSummary;
import io.nextbox.catalog.ProductSummary;
import io.nextbox.store.StoreSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every self-service change a subscriber makes to a subscription, and the same changes made by the store for them
 * ({@link Actor#store}: not bound by the portal's switches, bound by every other rule). Each method checks that the
 * subscription is theirs (else {@link SubscriptionNotFoundException}), that the request acts on the subscription as
 * it is now (a {@link Seen} version; a repeat of the request that changed it is answered as that one was, anything
 * else is refused with {@link SubscriptionChangedException}), that the merchant offers the action to this actor
 * (else {@link ActionNotOfferedException}) and that the rules allow it (else {@link ActionRefusedException}, with
 * nothing changed), then changes it in one transaction and records it in the timeline. Actions on one subscription
 * take turns: each locks its row first.
 */
@Service
public class SubscriptionActions {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

	private static final int MAX_PAUSE_DAYS = 365;

	private static final int MAX_NOTE_LENGTH = 500;

	private final SubscriptionRepository subscriptions;

	private final ShipmentRepository shipments;

	private final Timeline timeline;

	private final CatalogService catalog;

	private final ShipmentRules rules;

	private final ShipmentBook book;

	private final ActionLog log;

	private final CancelAttempts cancelAttempts;

	private final SubscriptionSwaps swaps;

	SubscriptionActions(SubscriptionRepository subscriptions, ShipmentRepository shipments, ShipmentBook book,
			Timeline timeline, CatalogService catalog, ShipmentRules rules, ActionLog log,
			CancelAttempts cancelAttempts, SubscriptionSwaps swaps) {
		this.subscriptions = subscriptions;
		this.swaps = swaps;
		this.cancelAttempts = cancelAttempts;
		this.log = log;
		this.shipments = shipments;
		this.book = book;
		this.timeline = timeline;
		this.catalog = catalog;
		this.rules = rules;
	}

	@Transactional
	public Outcome skip(long subscriberId, long subscriptionId, Seen seen, Actor actor) {
		LocalDate box = Objects.requireNonNull(seen, "seen").shipDate();
		return act(subscriberId, subscriptionId, seen, actor, ActionLog.fingerprint("skip", box), subscription -> {
			offered(actor, on().skip(), "skip");
			requireActive(subscription);
			Shipment open = openShipmentBeforeCutoff(subscription);
			LocalDate skipped = open.getShipDate();
			if (!skipped.equals(box)) {
				throw new SubscriptionChangedException(subscriptionId);
			}
			LocalDate next = subscription.dateAfter(skipped);
			open.skip();
			Shipment following = book.openAt(subscription, next);
			List<ShipmentLine> addOns = open.takeLines();
			shipments.flush();
			following.addLines(addOns);
			subscription.scheduleNext(next, false);
			record(subscription, actor, TimelineKind.SKIPPED, day(skipped), day(next));
			return new Outcome("outcome.skipped", day(skipped), day(next));
		});
	}

	@Transactional
	public Outcome unskip(long subscriberId, long subscriptionId, Seen seen, Actor actor) {
		return act(subscriberId, subscriptionId, seen, actor, ActionLog.fingerprint("unskip"), subscription -> {
			offered(actor, on().skip(), "skip");
			requireActive(subscription);
			Shipment open = openShipmentBeforeCutoff(subscription);
			Shipment skipped = book.restorableSkip(subscription, open)
				.orElseThrow(() -> new ActionRefusedException(null, "refused.nothingToUnskip"));
			List<ShipmentLine> addOns = open.takeLines();
			shipments.delete(open);
			shipments.flush();
			skipped.addLines(addOns);
			skipped.reopen();
			subscription.scheduleNext(skipped.getShipDate(), false);
			record(subscription, actor, TimelineKind.UNSKIPPED, day(skipped.getShipDate()));
			return new Outcome("outcome.unskipped", day(skipped.getShipDate()));
		});
	}

	@Transactional
	public Outcome reschedule(long subscriberId, long subscriptionId, LocalDate date, Seen seen, Actor actor) {
		return act(subscriberId, subscriptionId, seen, actor, ActionLog.fingerprint("reschedule", date),
				subscription -> {
					offered(actor, on().reschedule(), "reschedule");
					requireActive(subscription);
					Shipment open = openShipmentBeforeCutoff(subscription);
					if (date == null) {
						throw new ActionRefusedException("date", "refused.dateRequired");
					}
					LocalDate earliest = rules.earliestOpenDate();
					LocalDate latest = rules.latestRescheduleDate();
					if (date.isBefore(earliest)) {
						throw new ActionRefusedException("date", "refused.dateTooSoon", day(earliest));
					}
					if (date.isAfter(latest)) {
						throw new ActionRefusedException("date", "refused.dateTooLate", day(latest));
					}
					LocalDate before = open.getShipDate();
					if (date.equals(before)) {
						throw new ActionRefusedException("date", "refused.sameDate");
					}
					book.removeSkippedAt(subscription, date);
					open.moveTo(date);
					subscription.scheduleNext(date, true);
					record(subscription, actor, TimelineKind.RESCHEDULED, day(before), day(date));
					return new Outcome("outcome.rescheduled", day(date));
				});
	}

	@Transactional
	public Outcome pause(long subscriberId, long subscriptionId, LocalDate until, Seen seen, Actor actor) {
		return act(subscriberId, subscriptionId, seen, actor, ActionLog.fingerprint("pause", until), subscription -> {
			offered(actor, on().pause(), "pause");
			requireActive(subscription);
			if (until != null) {
				LocalDate earliest = rules.earliestOpenDate();
				LocalDate latest = rules.today().plusDays(MAX_PAUSE_DAYS);
				if (until.isBefore(earliest)) {
					throw new ActionRefusedException("until", "refused.dateTooSoon", day(earliest));
				}
				if (until.isAfter(latest)) {
					throw new ActionRefusedException("until", "refused.dateTooLate", day(latest));
				}
			}
			Optional<LocalDate> stillShips = releaseOpenShipment(subscription);
			subscription.pause(until);
			if (until == null) {
				record(subscription, actor, TimelineKind.PAUSED);
			}
			else {
				record(subscription, actor, TimelineKind.PAUSED_UNTIL, day(until));
			}
			if (stillShips.isPresent()) {
				return new Outcome("outcome.pausedAfterLockedBox", day(stillShips.get()));
			}
			return until == null ? new Outcome("outcome.paused") : new Outcome("outcome.pausedUntil", day(until));
		});
	}

	@Transactional
	public Outcome resume(long subscriberId, long subscriptionId, Seen seen, Actor actor) {
		return act(subscriberId, subscriptionId, seen, actor, ActionLog.fingerprint("resume"), subscription -> {
			offered(actor, on().pause(), "pause");
			requireStatus(subscription, SubscriptionStatus.PAUSED, "refused.notPaused");
			LocalDate next = restart(subscription);
			record(subscription, actor, TimelineKind.RESUMED, day(next));
			return new Outcome("outcome.resumed", day(next));
		});
	}

	@Transactional
	public Outcome changeInterval(long subscriberId, long subscriptionId, Integer count, IntervalUnit unit, Seen seen,
			Actor actor) {
		return act(subscriberId, subscriptionId, seen, actor, ActionLog.fingerprint("interval", count, unit),
				subscription -> {
					offered(actor, on().changeInterval(), "changeInterval");
					requireLive(subscription);
					if (unit == null || unit == IntervalUnit.DAY) {
						throw new ActionRefusedException("unit", "refused.intervalUnit");
					}
					int max = unit == IntervalUnit.WEEK ? 12 : 6;
					if (count == null || count < 1 || count > max) {
						throw new ActionRefusedException("count", "refused.intervalCount", max);
					}
					Interval before = subscription.getInterval();
					Interval after = new Interval(count, unit);
					if (after.equals(before)) {
						throw new ActionRefusedException("count", "refused.sameInterval");
					}
					subscription.changeInterval(after);
					record(subscription, actor, TimelineKind.INTERVAL_CHANGED, describe(before), describe(after));
					return book.open(subscription)
						.map(open -> new Outcome("outcome.intervalChangedFrom", describe(after),
								day(subscription.dateAfter(open.getShipDate()))))
						.orElseGet(() -> new Outcome("outcome.intervalChanged", describe(after)));
				});
	}

	@Transactional
	public Outcome changeQuantity(long subscriberId, long subscriptionId, Integer quantity, Seen seen, Actor actor) {
		return act(subscriberId, subscriptionId, seen, actor, ActionLog.fingerprint("quantity", quantity),
				subscription -> {
					StoreSettings settings = rules.settings();
					offered(actor, settings.portalActions().changeQuantity(), "changeQuantity");
					requireLive(subscription);
					requireNextBoxNotLocked(subscription);
					if (quantity == null || quantity < settings.minQuantity() || quantity > settings.maxQuantity()) {
						throw new ActionRefusedException("quantity", "refused.quantityRange", settings.minQuantity(),
								settings.maxQuantity());
					}
					int before = subscription.getQuantity();
					if (quantity == before) {
						throw new ActionRefusedException("quantity", "refused.sameQuantity");
					}
					subscription.changeQuantity(quantity);
					record(subscription, actor, TimelineKind.QUANTITY_CHANGED, before, quantity);
					return new Outcome("outcome.quantityChanged", quantity);
				});
	}

	@Transactional
	public Outcome changePlan(long subscriberId, long subscriptionId, Long planId, Seen seen, Actor actor) {
		return act(subscriberId, subscriptionId, seen, actor, ActionLog.fingerprint("plan", planId),
				subscription -> changePlan(subscription, planId, actor));
	}

	/**
	 * Changes the plan of the subscription as it is now, for a caller with an exactly-once guard of its own (an
	 * upgrade card's claim), whose request names no version of the subscription.
	 */
	@Transactional
	public Outcome changePlan(long subscriberId, long subscriptionId, Long planId, Actor actor) {
		return apply(subscriptions.lockOwned(subscriberId, subscriptionId), actor,
				ActionLog.fingerprint("plan", planId), subscription -> changePlan(subscription, planId, actor));
	}

	private Outcome changePlan(Subscription subscription, Long planId, Actor actor) {
		offered(actor, on().changePlan(), "changePlan");
		requireLive(subscription);
		requireNextBoxNotLocked(subscription);
		PlanSummary current = catalog.plan(subscription.getPlanId()).orElseThrow();
		PlanSummary target = planInFamily(current, planId);
		subscription.changePlan(target.id());
		swaps.clear(subscription);
		record(subscription, actor, TimelineKind.PLAN_CHANGED, current.name(), target.name());
		return new Outcome("outcome.planChanged", target.name());
	}

	/** The plan a subscriber picked, if it may replace {@code current}: same family, still sold, not the same. */
	PlanSummary planInFamily(PlanSummary current, Long planId) {
		PlanSummary target = planId == null ? null : catalog.plan(planId).filter(plan -> !plan.retired()).orElse(null);
		if (target == null) {
			throw new ActionRefusedException("planId", "refused.unknownPlan");
		}
		if (target.familyId() != current.familyId()) {
			throw new ActionRefusedException("planId", "refused.otherFamily", current.familyName());
		}
		if (target.id() == current.id()) {
			throw new ActionRefusedException("planId", "refused.samePlan");
		}
		return target;
	}

	/**
	 * Swaps the plan's product {@code fromProductId} (the plan's own, swapped or not) for {@code toProductId}, another
	 * product of its category that is sold and in stock and not in the box already, or back to the plan's own: from
	 * the next box on, while that box can still change (its cutoff ahead), or from the first box after a pause.
	 */
	@Transactional
	public Outcome swap(long subscriberId, long subscriptionId, Long fromProductId, Long toProductId, Seen seen,
			Actor actor) {
		return act(subscriberId, subscriptionId, seen, actor, ActionLog.fingerprint("swap", fromProductId, toProductId),
				subscription -> {
					offered(actor, on().swap(), "swap");
					requireLive(subscription);
					requireNextBoxNotLocked(subscription);
					BoxContents box = swaps.current(subscription, toProductId);
					BoxContents.Slot slot = box.slot(fromProductId)
						.orElseThrow(() -> new ActionRefusedException("swap", "refused.notInPlan"));
					ProductSummary to = toProductId == null ? null
							: catalog.product(toProductId).orElse(null);
					if (to == null) {
						throw new ActionRefusedException("swap", "refused.unknownProduct");
					}
					if (to.id() == slot.held().id()) {
						throw new ActionRefusedException("swap", "refused.sameProduct", to.name());
					}
					if (to.category() != slot.plannedProduct().category()) {
						throw new ActionRefusedException("swap", "refused.otherCategory",
								slot.held().name());
					}
					boolean back = to.id() == slot.planned().productId();
					if (!back && (to.retired() || !to.inStock())) {
						throw new ActionRefusedException("swap", "refused.swapUnavailable", to.name());
					}
					if (!back && box.slots().stream().anyMatch(other -> other.held().id() == to.id())) {
						throw new ActionRefusedException("swap", "refused.swapInBox", to.name());
					}
					LocalDate from = subscription.is(SubscriptionStatus.ACTIVE)
							? book.open(subscription).map(Shipment::getShipDate).orElse(null) : null;
					swaps.swap(subscription, slot.planned().productId(), to.id(), from, rules.now(), actor);
					record(subscription, actor, back ? TimelineKind.SWAPPED_BACK : TimelineKind.SWAPPED,
							slot.held().name(), to.name());
					return from == null ? new Outcome("outcome.swappedAfterPause", slot.held().name(), to.name())
							: new Outcome("outcome.swapped", slot.held().name(), to.name(), day(from));
				});
	}

	@Transactional
	public Outcome cancel(long subscriberId, long subscriptionId, CancelReason reason, String note, Seen seen,
			Actor actor) {
		String trimmed = note == null ? "" : note.trim();
		return act(subscriberId, subscriptionId, seen, actor, ActionLog.fingerprint("cancel", reason, trimmed),
				subscription -> {
					offered(actor, on().cancel(), "cancel");
					requireLive(subscription);
					if (reason == null) {
						throw new ActionRefusedException("reason", "refused.reasonRequired");
					}
					if (reason == CancelReason.OTHER && trimmed.isEmpty()) {
						throw new ActionRefusedException("note", "refused.noteRequired");
					}
					if (trimmed.length() > MAX_NOTE_LENGTH) {
						throw new ActionRefusedException("note", "refused.noteTooLong", MAX_NOTE_LENGTH);
					}
					Optional<LocalDate> stillShips = releaseOpenShipment(subscription);
					subscription.cancel(rules.today(), reason, trimmed.isEmpty() ? null : trimmed);
					record(subscription, actor, TimelineKind.CANCELLED, reason.name());
					return stillShips.map(date -> new Outcome("outcome.cancelledAfterLockedBox", day(date)))
						.orElseGet(() -> new Outcome("outcome.cancelled"));
				});
	}

	@Transactional
	public Outcome reactivate(long subscriberId, long subscriptionId, Seen seen, Actor actor) {
		return act(subscriberId, subscriptionId, seen, actor, ActionLog.fingerprint("reactivate"), subscription -> {
			offered(actor, on().reactivate(), "reactivate");
			requireStatus(subscription, SubscriptionStatus.CANCELLED, "refused.notCancelled");
			LocalDate next = restart(subscription);
			record(subscription, actor, TimelineKind.REACTIVATED, day(next));
			return new Outcome("outcome.reactivated", day(next));
		});
	}

	/**
	 * Runs one action exactly once. The subscription's row is locked first, so actions on it take turns. A request
	 * naming the current version is applied (or refused, changing nothing). A request naming an older version is a
	 * repeat if the action applied to that version asked the same: it gets the same answer and changes nothing.
	 * Any other request that names a version no longer current, or none, is refused with
	 * {@link SubscriptionChangedException}.
	 */
	private Outcome act(long subscriberId, long subscriptionId, Seen seen, Actor actor, String fingerprint,
			Function<Subscription, Outcome> change) {
		Objects.requireNonNull(seen, "seen");
		Subscription subscription = subscriptions.lockOwned(subscriberId, subscriptionId);
		if (!Objects.equals(seen.version(), subscription.getVersion())) {
			return Optional.ofNullable(seen.version())
				.flatMap(version -> log.replay(subscriptionId, version, fingerprint))
				.orElseThrow(() -> new SubscriptionChangedException(subscriptionId));
		}
		return apply(subscription, actor, fingerprint, change);
	}

	/** Applies an action to a locked subscription and records it against the version it acted on. */
	private Outcome apply(Subscription subscription, Actor actor, String fingerprint,
			Function<Subscription, Outcome> change) {
		long actedOn = subscription.getVersion();
		Outcome outcome = ActionLog.asText(change.apply(subscription));
		log.record(subscription.getId(), actedOn, fingerprint, outcome, actor.email(), rules.now());
		return outcome;
	}

	// -- rules shared by the actions


	private StoreSettings.PortalActions on() {
		return rules.settings().portalActions();
	}

	private static void offered(Actor actor, boolean switchedOn, String action) {
		if (!switchedOn && !actor.store()) {
			throw new ActionNotOfferedException(action);
		}
	}

	private static void requireActive(Subscription subscription) {
		requireStatus(subscription, SubscriptionStatus.ACTIVE, "refused.notActive");
	}

	private static void requireStatus(Subscription subscription, SubscriptionStatus status, String code) {
		if (!subscription.is(status)) {
			throw new ActionRefusedException(null, code);
		}
	}

	private static void requireLive(Subscription subscription) {
		if (subscription.is(SubscriptionStatus.CANCELLED)) {
			throw new ActionRefusedException(null, "refused.cancelled");
		}
	}

	private Shipment openShipmentBeforeCutoff(Subscription subscription) {
		Shipment open = book.open(subscription)
			.orElseThrow(() -> new ActionRefusedException(null, "refused.noNextShipment"));
		requireBeforeCutoff(open);
		return open;
	}

	private void requireNextBoxNotLocked(Subscription subscription) {
		if (subscription.is(SubscriptionStatus.ACTIVE)) {
			book.open(subscription).ifPresent(this::requireBeforeCutoff);
		}
	}

	private void requireBeforeCutoff(Shipment shipment) {
		if (rules.isLocked(shipment)) {
			throw new ActionRefusedException(null, "refused.locked", day(shipment.getShipDate()));
		}
	}

	/**
	 * Takes away the open box of a subscription that stops. A box past its cutoff is already being packed: it
	 * stays and ships, and its date is returned.
	 */
	private Optional<LocalDate> releaseOpenShipment(Subscription subscription) {
		Optional<Shipment> open = book.open(subscription);
		if (open.isEmpty()) {
			return Optional.empty();
		}
		if (rules.isLocked(open.get())) {
			return Optional.of(open.get().getShipDate());
		}
		shipments.delete(open.get());
		return Optional.empty();
	}

	/** Makes a paused or cancelled subscription active again, with its next box as soon as the cutoff allows. */
	private LocalDate restart(Subscription subscription) {
		Optional<Shipment> stillOpen = book.open(subscription);
		LocalDate next = stillOpen.map(Shipment::getShipDate).orElseGet(rules::earliestOpenDate);
		if (stillOpen.isEmpty()) {
			book.openAt(subscription, next);
		}
		subscription.activate(next);
		return next;
	}

	private void record(Subscription subscription, Actor actor, TimelineKind kind, Object... values) {
		timeline.record(subscription, actor, kind, values);
		cancelAttempts.actionApplied(subscription, kind);
	}

	static String day(LocalDate date) {
		return DAY.format(date);
	}

	static String describe(Interval interval) {
		String unit = interval.unit().name().toLowerCase(Locale.ROOT);
		return interval.count() == 1 ? "every " + unit : "every " + interval.count() + " " + unit + "s";
	}

}
