package io.nextbox.engagement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.PlanSummary;
import io.nextbox.catalog.ProductSummary;
import io.nextbox.offer.OfferEvent;
import io.nextbox.offer.OfferEventBatches;
import io.nextbox.offer.OfferEventType;
import io.nextbox.offer.OfferEvents;
import io.nextbox.offer.OfferKind;
import io.nextbox.offer.OfferService;
import io.nextbox.offer.Placement;
import io.nextbox.recommendation.Recommendation;
import io.nextbox.recommendation.RecommendationService;
import io.nextbox.store.Holdout;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.subscription.ActionRefusedException;
import io.nextbox.subscription.Actor;
import io.nextbox.subscription.NextBoxAddOns;
import io.nextbox.subscription.NextShipment;
import io.nextbox.subscription.SubscriberContext;
import io.nextbox.subscription.SubscriptionActions;
import io.nextbox.subscription.SubscriptionDetails;
import io.nextbox.subscription.SubscriptionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The offer widgets: which cards a subscriber sees at a placement, and what their buttons do. A card's key is
 * claimed once: a double click, a retry or fifty concurrent posts add one line, and a replay answers with the same
 * card. The price is the one shown on the card; an offer ended or a product out of stock since then is refused.
 */
@Service
public class WidgetService {

	/** A widget shows at most this many cards. */
	public static final int CARDS = 4;

	/**
	 * The recommender's time when it is guarded: asked on another thread, a widget it does not answer within this
	 * time shows nothing rather than wait. On the request's thread it answers in well under a millisecond.
	 */
	static final Duration RECOMMENDER_TIMEOUT = Duration.ofMillis(200);

	/**
	 * An answer on the request's thread slower than this is a recommender held up (a lock, a database read), not a
	 * busy machine (whose threads wait hundreds of milliseconds for a core under load).
	 */
	static final Duration HELD_UP = Duration.ofSeconds(1);

	/** How many {@link #HELD_UP} answers in a row (one alone is a cold start) make the recommender guarded. */
	static final int SLOW_ANSWERS = 2;

	/** How long the recommender is asked within {@link #RECOMMENDER_TIMEOUT} after it was slow. */
	static final Duration GUARDED_FOR = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(WidgetService.class);

	private static final int ATTEMPTS = 3;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

	private final RecommendationService recommendations;

	private final SubscriptionService subscriptions;

	private final SubscriptionActions actions;

	private final NextBoxAddOns addOns;

	private final OfferService offers;

	private final OfferEvents events;

	private final CatalogService catalog;

	private final ClaimRepository claims;

	private final StoreSettingsService settings;

	private final Clock clock;

	private final TaskExecutor executor;

	private final TransactionTemplate transaction;

	private final Counter failures;

	private final WidgetTimer timer;

	private final AcceptedUpgrades upgrades;

	private final CardKeys keys;

	private final OfferEventBatches batches;

	private final ClaimInserts inserts;

	/** Until when the recommender is asked on another thread, within its time (after slow answers). */
	private volatile Instant guardedUntil = Instant.MIN;

	/** The recommender's slow answers on the request's thread since its last answer in time. */
	private final AtomicInteger slowAnswers = new AtomicInteger();

	WidgetService(RecommendationService recommendations, SubscriptionService subscriptions,
			SubscriptionActions actions, NextBoxAddOns addOns, OfferService offers, OfferEvents events,
			CatalogService catalog, ClaimRepository claims, StoreSettingsService settings, Clock clock,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, PlatformTransactionManager transactions,
			MeterRegistry meters, AcceptedUpgrades upgrades, CardKeys keys,
			OfferEventBatches batches, ClaimInserts inserts) {
		this.recommendations = recommendations;
		this.subscriptions = subscriptions;
		this.actions = actions;
		this.addOns = addOns;
		this.offers = offers;
		this.events = events;
		this.catalog = catalog;
		this.claims = claims;
		this.settings = settings;
		this.clock = clock;
		this.executor = executor;
		this.transaction = new TransactionTemplate(transactions);
		this.failures = Counter.builder("nextbox.widget.failures")
			.description("Widgets that showed nothing because the recommender failed or was slow")
			.register(meters);
		this.timer = new WidgetTimer(meters);
		this.upgrades = upgrades;
		this.keys = keys;
		this.batches = batches;
		this.inserts = inserts;
	}

	/**
	 * The cards for a placement. The holdout group sees none, but what it would have seen is recorded as
	 * impressions marked holdout, so lift can be measured against it. A failing or slow recommender shows none.
	 */
	public List<Card> cards(long subscriberId, Placement placement) {
		return timer.time(placement, () -> showCards(subscriberId, placement));
	}

	private List<Card> showCards(long subscriberId, Placement placement) {
		Optional<SubscriberContext> found = subscriptions.contextOf(subscriberId);
		if (found.isEmpty()) {
			return List.of();
		}
		SubscriberContext context = found.get();
		if (!context.nextShipmentOpen()) {
			// the box is being packed: nothing can go into it, and the next one does not exist yet
			return List.of();
		}
		List<Recommendation> picks = recommendWithin(context, placement);
		boolean stay = placement == Placement.CANCEL_FLOW;
		if (stay) {
			// someone leaving for the price is offered a discount for staying, not a full-price add-on
			picks = picks.stream()
				.filter(pick -> pick.kind() == OfferKind.ADD_ON && pick.price().compareTo(pick.listPrice()) < 0)
				.toList();
		}
		if (picks.isEmpty()) {
			return List.of();
		}
		boolean holdout = isInHoldout(subscriberId);
		Instant now = clock.instant();
		List<Card> cards = new ArrayList<>();
		List<OfferEvent> impressions = new ArrayList<>();
		for (Recommendation pick : picks) {
			impressions.add(new OfferEvent(pick.offerId(), subscriberId, context.subscriptionId(),
					context.nextShipmentId(), placement, OfferEventType.IMPRESSION, pick.price(), holdout, now));
			if (!holdout) {
				// the card's key is signed, not stored: showing a card writes nothing
				String key = keys.sign(new CardKeys.Facts(subscriberId, context.subscriptionId(),
						context.nextShipmentId(), context.nextShipmentDate(), pick.offerId(), placement, pick.kind(),
						pick.productId(), pick.planId(), pick.price(), now, stay ? null : pick.reason()));
				cards.add(new Card(key, pick.kind(), pick.title(), pick.imageUrl(), pick.listPrice(), pick.price(),
						stay ? null : pick.reason(), difference(pick, context), false, context.subscriptionId(),
						context.quantity(), context.nextShipmentDate(), stay));
			}
		}
		// recorded in a batch off the request thread, within a second
		batches.recordSoon(impressions);
		return cards;
	}

	/** Whether the subscriber is in the control group that sees no recommendations. */
	public boolean isInHoldout(long subscriberId) {
		return Holdout.isHeldOut(subscriberId, settings.current().holdoutPercent());
	}

	/**
	 * Puts the card's add-on into the next box, once, at the card's price. A signed card's click makes its claim
	 * then (the claim's key is a digest of what the card names, so a second click, tab or instance finds it and
	 * answers as the first did); an emailed card's claim was stored when the email was sent.
	 */
	public BoxUpdate accept(long subscriberId, String key) {
		if (CardKeys.isSigned(key)) {
			return acceptCard(subscriberId, keys.verify(key, subscriberId, clock.instant()));
		}
		return retryingConflicts(() -> {
			try {
				return transaction.execute(status -> acceptOnce(subscriberId, key));
			}
			catch (DataIntegrityViolationException raced) {
				// another click on the same key won the race and made the line: answer as a replay does
				return transaction.execute(status -> replay(subscriberId, key, key));
			}
		});
	}

	private BoxUpdate acceptCard(long subscriberId, CardKeys.Facts card) {
		if (card.kind() != OfferKind.ADD_ON) {
			throw new ActionRefusedException(null, "refused.offerGone");
		}
		String key = card.claimKey();
		return retryingConflicts(() -> {
			try {
				return transaction.execute(status -> acceptCardOnce(subscriberId, card, key));
			}
			catch (DataIntegrityViolationException raced) {
				// another click on the same card inserted the claim at the same moment: answer as a second click does
				return transaction.execute(status -> acceptCardOnce(subscriberId, card, key));
			}
		});
	}

	private BoxUpdate acceptCardOnce(long subscriberId, CardKeys.Facts card, String key) {
		Instant now = clock.instant();
		String again = keys.sign(card.shownAgain(now));
		Claim claim = Claim.decided(key, card, ClaimStatus.ACCEPTED, now);
		// the insert is the exactly-once guard: a second click on this card (another tab, another instance) finds
		// the claim's key taken
		if (inserts.insertIfAbsent(claim)) {
			BoxUpdate update = addLine(subscriberId, claim, again, now);
			inserts.madeLine(claim);
			return update;
		}
		// taken out again (Undo, the next-box page) or dismissed in another tab: this click adds it anew
		if (claims.move(key, subscriberId, ClaimStatus.UNDONE, ClaimStatus.ACCEPTED, now) == 1
				|| claims.move(key, subscriberId, ClaimStatus.REFUSED, ClaimStatus.ACCEPTED, now) == 1) {
			Claim back = claims.findById(key).orElseThrow();
			back.priced(card.price());
			return addLine(subscriberId, back, again, now);
		}
		return replay(subscriberId, key, again);
	}

	private BoxUpdate acceptOnce(long subscriberId, String key) {
		Instant now = clock.instant();
		if (claims.move(key, subscriberId, ClaimStatus.ISSUED, ClaimStatus.ACCEPTED, now) == 0) {
			return replay(subscriberId, key, key);
		}
		Claim claim = claims.findById(key).orElseThrow();
		if (claim.getKind() != OfferKind.ADD_ON) {
			throw new ActionRefusedException(null, "refused.offerGone");
		}
		return addLine(subscriberId, claim, key, now);
	}

	/** The claimed add-on's line in the box, its accept recorded; {@code cardKey} is what the added card carries. */
	private BoxUpdate addLine(long subscriberId, Claim claim, String cardKey, Instant now) {
		if (!offers.runsToday(claim.getOfferId(), LocalDate.now(clock))) {
			throw new ActionRefusedException(null, "refused.offerEnded");
		}
		// by id (a list of ids is a query Hibernate translates again on every call)
		ProductSummary product = catalog.product(claim.getProductId()).orElse(null);
		if (product == null || !product.inStock() || product.retired()) {
			throw new ActionRefusedException(null, "refused.outOfStock");
		}
		NextBoxAddOns.BoxChange change = addOns.add(subscriberId, claim.getSubscriptionId(), product.id(),
				claim.getOfferId(), claim.getUnitPrice(), claim.getKey());
		if (claim.getPlacement() == Placement.EMAIL && !Long.valueOf(change.shipmentId()).equals(claim.getShipmentId())) {
			// an email names one box: once that box was skipped, moved or shipped, its link adds nothing
			throw new ActionRefusedException(null, "refused.boxChanged");
		}
		claim.madeLine(change.lineId(), change.shipmentId());
		events.record(new OfferEvent(claim.getOfferId(), subscriberId, claim.getSubscriptionId(), change.shipmentId(),
				claim.getPlacement(), OfferEventType.ACCEPT, claim.getUnitPrice(), false, now));
		return new BoxUpdate(addedCard(claim, product, cardKey), claim.getSubscriptionId(), change.total());
	}

	/**
	 * A key clicked before: the same answer again, never a second line. A key no claim of the subscriber's has (made
	 * up, mangled, another's) is refused as an altered card is, with the message, not a bare 404.
	 */
	private BoxUpdate replay(long subscriberId, String key, String cardKey) {
		Claim claim = claims.findByKeyAndSubscriberId(key, subscriberId)
			.orElseThrow(() -> new ActionRefusedException(null, "refused.cardUnknown"));
		if (claim.getStatus() != ClaimStatus.ACCEPTED || claim.getKind() != OfferKind.ADD_ON) {
			throw new ActionRefusedException(null, "refused.offerGone");
		}
		ProductSummary product = catalog.product(claim.getProductId()).orElse(null);
		BigDecimal total = addOns.nextBoxTotal(subscriberId, claim.getSubscriptionId()).orElse(BigDecimal.ZERO);
		return new BoxUpdate(addedCard(claim, product, cardKey), claim.getSubscriptionId(), total);
	}

	/** Takes the add-on out again, until the cutoff; the card offers it again, with a fresh key. */
	public BoxUpdate undo(long subscriberId, String key) {
		CardKeys.Facts card = CardKeys.isSigned(key) ? keys.verify(key, subscriberId, clock.instant()) : null;
		String claimKey = card == null ? key : card.claimKey();
		return retryingConflicts(() -> transaction.execute(status -> {
			Instant now = clock.instant();
			if (claims.move(claimKey, subscriberId, ClaimStatus.ACCEPTED, ClaimStatus.UNDONE, now) == 0) {
				claims.findByKeyAndSubscriberId(claimKey, subscriberId).orElseThrow(ClaimNotFoundException::new);
				throw new ActionRefusedException(null, "refused.notInBox");
			}
			Claim claim = claims.findById(claimKey).orElseThrow();
			NextBoxAddOns.BoxChange change = addOns.remove(subscriberId, claim.getSubscriptionId(), claimKey);
			events.record(new OfferEvent(claim.getOfferId(), subscriberId, claim.getSubscriptionId(),
					change.shipmentId(), claim.getPlacement(), OfferEventType.UNDO, claim.getUnitPrice(), false, now));
			String again;
			if (card != null) {
				// the same card again, signed afresh: its next click finds the claim undone and adds it anew
				again = keys.sign(card.shownAgain(now));
			}
			else {
				again = claims.save(new Claim(UUID.randomUUID().toString(), subscriberId, claim.getSubscriptionId(),
						change.shipmentId(), claim.getOfferId(), claim.getPlacement(), claim.getKind(),
						claim.getProductId(), null, claim.getUnitPrice(), now, claim.getReason()))
					.getKey();
			}
			ProductSummary product = catalog.product(claim.getProductId()).orElse(null);
			Card added = addedCard(claim, product, again);
			return new BoxUpdate(new Card(added.key(), added.kind(), added.title(), added.imageUrl(),
					added.listPrice(), added.price(), claim.getReason(), null, false, added.subscriptionId(), 1, null,
					claim.getPlacement() == Placement.CANCEL_FLOW), claim.getSubscriptionId(), change.total());
		}));
	}

	/** The subscriber does not want this offer: the card goes, and the offer stays away for a while. */
	public void dismiss(long subscriberId, String key) {
		if (CardKeys.isSigned(key)) {
			// an altered, foreign or expired card is refused with the same message an add gets
			CardKeys.Facts card = keys.verify(key, subscriberId, clock.instant());
			try {
				transaction.executeWithoutResult(status -> {
					Instant now = clock.instant();
					// dismissed (or added) already, in another tab or by a second click: nothing more to do
					if (inserts.insertIfAbsent(Claim.decided(card.claimKey(), card, ClaimStatus.REFUSED, now))) {
						events.record(new OfferEvent(card.offerId(), subscriberId, card.subscriptionId(),
								card.shipmentId(), card.placement(), OfferEventType.DISMISS, card.price(), false, now));
					}
				});
			}
			catch (DataIntegrityViolationException raced) {
				// a second click inserted the same claim at the same moment: one dismissal is recorded
			}
			return;
		}
		transaction.executeWithoutResult(status -> {
			Instant now = clock.instant();
			if (claims.move(key, subscriberId, ClaimStatus.ISSUED, ClaimStatus.REFUSED, now) == 0) {
				claims.findByKeyAndSubscriberId(key, subscriberId).orElseThrow(ClaimNotFoundException::new);
				return;
			}
			Claim claim = claims.findById(key).orElseThrow();
			events.record(new OfferEvent(claim.getOfferId(), subscriberId, claim.getSubscriptionId(),
					claim.getShipmentId(), claim.getPlacement(), OfferEventType.DISMISS, claim.getUnitPrice(), false,
					now));
		});
	}

	/**
	 * An upgrade card, to confirm: what a delivery costs on the new plan and the difference, at the subscription's
	 * quantity. Refused while the next box is being packed, as the change itself would be.
	 */
	public Card upgradeCard(long subscriberId, String key) {
		long subscriptionId;
		long targetPlanId;
		BigDecimal price;
		if (CardKeys.isSigned(key)) {
			CardKeys.Facts card = keys.verify(key, subscriberId, clock.instant());
			if (card.kind() != OfferKind.UPGRADE || card.targetPlanId() == null) {
				throw new ActionRefusedException(null, "refused.offerGone");
			}
			subscriptionId = card.subscriptionId();
			targetPlanId = card.targetPlanId();
			price = card.price();
		}
		else {
			Claim claim = claims.findByKeyAndSubscriberId(key, subscriberId).orElseThrow(ClaimNotFoundException::new);
			if (claim.getKind() != OfferKind.UPGRADE || claim.getStatus() != ClaimStatus.ISSUED) {
				throw new ActionRefusedException(null, "refused.offerGone");
			}
			subscriptionId = claim.getSubscriptionId();
			targetPlanId = claim.getTargetPlanId();
			price = claim.getUnitPrice();
		}
		SubscriptionDetails details = subscriptions.details(subscriberId, subscriptionId);
		NextShipment next = details.nextShipment();
		if (next != null && next.locked()) {
			throw new ActionRefusedException(null, "refused.locked", DAY.format(next.shipDate()));
		}
		PlanSummary target = catalog.plan(targetPlanId).orElseThrow();
		int quantity = details.subscription().quantity();
		return new Card(key, OfferKind.UPGRADE, target.name(), null,
				target.price().multiply(BigDecimal.valueOf(quantity)), price, null,
				price.subtract(details.subscription().pricePerShipment()), false, subscriptionId, quantity,
				next == null ? null : next.shipDate());
	}

	/** Moves the subscription up to the card's plan from its next box not yet past its cutoff. */
	public String upgrade(long subscriberId, String key, String actor) {
		if (CardKeys.isSigned(key)) {
			CardKeys.Facts card = keys.verify(key, subscriberId, clock.instant());
			if (card.kind() != OfferKind.UPGRADE || card.targetPlanId() == null) {
				throw new ActionRefusedException(null, "refused.offerGone");
			}
			try {
				return transaction.execute(status -> {
					Instant now = clock.instant();
					Claim claim = Claim.decided(card.claimKey(), card, ClaimStatus.ACCEPTED, now);
					return inserts.insertIfAbsent(claim) ? applyUpgrade(subscriberId, claim, actor, now)
							: upgradedBefore(subscriberId, card.claimKey());
				});
			}
			catch (DataIntegrityViolationException decidedBefore) {
				return transaction.execute(status -> upgradedBefore(subscriberId, card.claimKey()));
			}
		}
		return transaction.execute(status -> {
			Instant now = clock.instant();
			if (claims.move(key, subscriberId, ClaimStatus.ISSUED, ClaimStatus.ACCEPTED, now) == 0) {
				return upgradedBefore(subscriberId, key);
			}
			Claim claim = claims.findById(key).orElseThrow();
			if (claim.getKind() != OfferKind.UPGRADE) {
				throw new ActionRefusedException(null, "refused.offerGone");
			}
			return applyUpgrade(subscriberId, claim, actor, now);
		});
	}

	private String upgradedBefore(long subscriberId, String key) {
		Claim seen = claims.findByKeyAndSubscriberId(key, subscriberId).orElseThrow(ClaimNotFoundException::new);
		if (seen.getStatus() == ClaimStatus.ACCEPTED) {
			return catalog.plan(seen.getTargetPlanId()).orElseThrow().name();
		}
		throw new ActionRefusedException(null, "refused.offerGone");
	}

	private String applyUpgrade(long subscriberId, Claim claim, String actor, Instant now) {
		if (!offers.runsToday(claim.getOfferId(), LocalDate.now(clock))) {
			throw new ActionRefusedException(null, "refused.offerEnded");
		}
		upgrades.apply(claim, () -> actions.changePlan(subscriberId, claim.getSubscriptionId(),
				claim.getTargetPlanId(), Actor.subscriber(actor)), now);
		events.record(new OfferEvent(claim.getOfferId(), subscriberId, claim.getSubscriptionId(),
				claim.getShipmentId(), claim.getPlacement(), OfferEventType.ACCEPT, claim.getUnitPrice(), false,
				now));
		return catalog.plan(claim.getTargetPlanId()).orElseThrow().name();
	}

	/** The claim row a card's key stands for (what tests and support look up): the key itself for an emailed card. */
	public String claimKeyOf(String cardKey) {
		return keys.claimKeyOf(cardKey);
	}

	/**
	 * The recommender's picks, or none when it fails. It is asked on the request's thread (no task, future and two
	 * thread switches for a ranking of well under a millisecond); after {@link #SLOW_ANSWERS} answers in a row
	 * slower than {@link #HELD_UP} (a lock, a database read held up), it is asked on another thread for
	 * {@link #GUARDED_FOR}, and a widget it does not answer within {@link #RECOMMENDER_TIMEOUT} shows nothing.
	 */
	private List<Recommendation> recommendWithin(SubscriberContext context, Placement placement) {
		if (clock.instant().isBefore(guardedUntil)) {
			return recommendGuarded(context, placement);
		}
		long started = System.nanoTime();
		try {
			return recommendations.recommend(context, placement, CARDS);
		}
		catch (RuntimeException ex) {
			failures.increment();
			log.warn("The recommender failed for subscriber {} at {}: the widget shows nothing",
					context.subscriberId(), placement, ex);
			return List.of();
		}
		finally {
			long tookMillis = (System.nanoTime() - started) / 1_000_000;
			if (tookMillis <= HELD_UP.toMillis()) {
				slowAnswers.set(0);
			}
			else if (slowAnswers.incrementAndGet() >= SLOW_ANSWERS) {
				slowAnswers.set(0);
				guardedUntil = clock.instant().plus(GUARDED_FOR);
				log.warn("The recommender took {} ms for subscriber {} at {}: for the next {} s a widget it does not "
						+ "answer within {} ms shows nothing", tookMillis, context.subscriberId(), placement,
						GUARDED_FOR.toSeconds(), RECOMMENDER_TIMEOUT.toMillis());
			}
		}
	}

	private List<Recommendation> recommendGuarded(SubscriberContext context, Placement placement) {
		long subscriberId = context.subscriberId();
		try {
			return CompletableFuture
				.supplyAsync(() -> recommendations.recommend(context, placement, CARDS), executor::execute)
				.get(RECOMMENDER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			failures.increment();
			log.warn("The recommender took longer than {} ms for subscriber {} at {}: the widget shows nothing",
					RECOMMENDER_TIMEOUT.toMillis(), subscriberId, placement);
			return List.of();
		}
		catch (ExecutionException ex) {
			failures.increment();
			log.warn("The recommender failed for subscriber {} at {}: the widget shows nothing", subscriberId,
					placement, ex.getCause());
			return List.of();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return List.of();
		}
	}

	private BigDecimal difference(Recommendation pick, SubscriberContext context) {
		if (pick.kind() != OfferKind.UPGRADE) {
			return null;
		}
		// what the card shows, from the catalogue view (no query of the widget's own); the upgrade reads the plan
		PlanSummary current = catalog.view(List.of(context.planId()), List.of()).plan(context.planId()).orElseThrow();
		return pick.price().subtract(current.price().multiply(BigDecimal.valueOf(context.quantity())));
	}

	private static Card addedCard(Claim claim, ProductSummary product, String cardKey) {
		return new Card(cardKey, OfferKind.ADD_ON, product.name(), product.imageUrl(), product.price(),
				claim.getUnitPrice(), null, null, true, claim.getSubscriptionId(), 1, null,
				claim.getPlacement() == Placement.CANCEL_FLOW);
	}

	private static <T> T retryingConflicts(Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (ConcurrencyFailureException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

}
