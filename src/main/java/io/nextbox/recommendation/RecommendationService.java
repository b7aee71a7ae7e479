package io.nextbox.recommendation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.random.RandomGenerator;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.PlanSummary;
import io.nextbox.catalog.ProductSummary;
import io.nextbox.offer.LiveOffer;
import io.nextbox.offer.OfferKind;
import io.nextbox.offer.OfferService;
import io.nextbox.offer.Placement;
import io.nextbox.ordering.OrderHistory;
import io.nextbox.ordering.OrderPlaced;
import io.nextbox.ordering.PastOrder;
import io.nextbox.recommendation.engine.Blend;
import io.nextbox.recommendation.engine.Exploration;
import io.nextbox.recommendation.engine.Facts;
import io.nextbox.recommendation.engine.Profile;
import io.nextbox.recommendation.engine.Ranker;
import io.nextbox.recommendation.engine.Signals;
import io.nextbox.recommendation.engine.UpgradeRanker;
import io.nextbox.recommendation.engine.UpgradeSignal;
import io.nextbox.recommendation.engine.UpgradeWeights;
import io.nextbox.shared.Fresh;
import io.nextbox.subscription.SubscriberContext;
import io.nextbox.subscription.SubscriptionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Picks, for one subscriber and one placement, which of the merchant's live offers to show, in which order, and
 * why. The model lives in memory: it is built from the order history at start and on a schedule (a new model is
 * built beside the old one and swapped in, so reads never wait for a build, and one build runs at a time), each
 * order placed in this process updates it at once, and the orders other instances place are read from the order
 * history every few seconds. {@link LearnedOrders} makes each order count once per model, however it comes.
 */
@Service
public class RecommendationService {

	/** The blend is tuned for the handful of cards a widget shows. */
	static final int TUNING_K = 4;

	/** A dismissed offer stays away this long. */
	static final Duration DISMISSAL_MEMORY = Duration.ofDays(30);

	private static final Logger log = LoggerFactory.getLogger(RecommendationService.class);

	private final OrderHistory history;

	private final CatalogService catalog;

	private final SubscriptionService subscriptions;

	private final OfferService offers;

	private final Clock clock;

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private final Fresh<Map<Long, ProductSummary>> products;

	private final Fresh<Map<Long, PlanSummary>> plans;

	private final Map<Placement, Fresh<List<LiveOffer>>> liveOffers = new EnumMap<>(Placement.class);

	private volatile RecommendationModel model;

	/** Which orders {@link #model} has learnt; guarded by {@link #lock}. */
	private LearnedOrders learned;

	private final CoalescingRun<ModelSummary> rebuilds = new CoalescingRun<>();

	/** Orders announced in this process while a rebuild runs, handed to the new model; guarded by itself. */
	private final List<PastOrder> placedDuringBuild = new ArrayList<>();

	private boolean building;

	private final AtomicLong builds = new AtomicLong();

	private final OfferOutcomes outcomes;

	private final RandomGenerator random;

	RecommendationService(OrderHistory history, CatalogService catalog, SubscriptionService subscriptions,
			OfferService offers, OfferOutcomes outcomes, RandomGenerator random, Clock clock) {
		this.outcomes = outcomes;
		this.random = random;
		this.history = history;
		this.catalog = catalog;
		this.subscriptions = subscriptions;
		this.offers = offers;
		this.clock = clock;
		this.products = new Fresh<>(catalog::allProducts);
		this.plans = new Fresh<>(catalog::allPlans);
		for (Placement placement : Placement.values()) {
			liveOffers.put(placement, new Fresh<>(() -> offers.liveOffers(placement, LocalDate.now(clock))));
		}
	}

	/**
	 * Builds a new model from the whole history and swaps it in; returns what it learnt from. One rebuild runs at a
	 * time: a call while one runs waits for it and for one more rebuild after it, which serves every call that
	 * came meanwhile (five calls at once make two rebuilds, not five).
	 */
	public ModelSummary rebuild() {
		return rebuilds.run(this::buildAndSwap);
	}

	private ModelSummary buildAndSwap() {
		long started = System.nanoTime();
		synchronized (placedDuringBuild) {
			building = true;
			placedDuringBuild.clear();
		}
		try {
			Map<Long, Set<Long>> contents = catalog.planContents();
			Map<Long, Facts> productFacts = RecommendationModel.facts(catalog.allProducts());
			List<PastOrder> past = new ArrayList<>();
			history.replay(past::add);
			RecommendationModel fresh = RecommendationModel.built(past, contents, productFacts,
					catalog.allPlans().values(), TUNING_K);
			Blend blend = fresh.blend();
			LearnedOrders freshLearned = LearnedOrders
				.replayed(past.stream().mapToLong(PastOrder::orderId).sorted().toArray(), clock.instant());
			past = null;
			// Not published yet: the orders committed while it was built are read without holding the lock.
			learnNewOrders(fresh, freshLearned, false);
			// the offers' outcomes are first read here, not at start-up: a model is never swapped in without them
			outcomes.readOnce();
			lock.writeLock().lock();
			try {
				synchronized (placedDuringBuild) {
					absorb(fresh, freshLearned, placedDuringBuild);
					placedDuringBuild.clear();
					building = false;
				}
				model = fresh;
				learned = freshLearned;
			}
			finally {
				lock.writeLock().unlock();
			}
			ModelSummary summary = new ModelSummary(fresh.orders(), fresh.subscribers(), blend, fresh.upgradeWeights(),
					(System.nanoTime() - started) / 1_000_000);
			builds.incrementAndGet();
			log.info("Recommendation model built from {} orders of {} subscribers in {} ms; blend {}; {}",
					summary.orders(), summary.subscribers(), summary.buildMillis(), blend, fresh.upgradeWeights());
			return summary;
		}
		finally {
			synchronized (placedDuringBuild) {
				building = false;
				placedDuringBuild.clear();
			}
		}
	}

	/** How many models this instance has built since it started. */
	long builds() {
		return builds.get();
	}

	/** Learns from an order placed in this process as soon as it has committed. */
	void learn(OrderPlaced placed) {
		PastOrder order = history.pastOrder(placed);
		synchronized (placedDuringBuild) {
			if (building) {
				placedDuringBuild.add(order);
			}
		}
		lock.writeLock().lock();
		try {
			if (model != null) {
				absorb(model, learned, List.of(order));
			}
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	/**
	 * Learns the orders placed since the model's last read, by any instance, and gives up the gaps in the ids
	 * open longer than {@code gapGrace}; returns how many orders it learnt. The poll calls it every few seconds.
	 */
	int learnNewOrders(Duration gapGrace) {
		if (model == null) {
			return 0;
		}
		int learnt = learnNewOrders(null, null, true);
		lock.writeLock().lock();
		try {
			long givenUp = learned.giveUpGapsOlderThan(gapGrace, clock.instant());
			if (givenUp > 0) {
				log.debug("Gave up waiting for {} order ids never committed", givenUp);
			}
		}
		finally {
			lock.writeLock().unlock();
		}
		return learnt;
	}

	private static final int PAGE = 1000;

	/**
	 * Reads the orders the model has not learnt (above its highest id, and in its gaps) and learns them: into the
	 * given unpublished model, or, when {@code published}, into the current one under the lock.
	 */
	private int learnNewOrders(RecommendationModel unpublished, LearnedOrders unpublishedLearned, boolean published) {
		long highest;
		List<LearnedOrders.Range> gaps;
		if (published) {
			lock.readLock().lock();
			try {
				highest = learned.highest();
				gaps = learned.gaps();
			}
			finally {
				lock.readLock().unlock();
			}
		}
		else {
			highest = unpublishedLearned.highest();
			gaps = unpublishedLearned.gaps();
		}
		int learnt = 0;
		for (LearnedOrders.Range gap : gaps) {
			learnt += learnInto(unpublished, unpublishedLearned, published,
					history.ordersAfter(gap.first() - 1, gap.last(), Integer.MAX_VALUE));
		}
		while (true) {
			List<PastOrder> page = history.ordersAfter(highest, Long.MAX_VALUE, PAGE);
			learnt += learnInto(unpublished, unpublishedLearned, published, page);
			if (page.size() < PAGE) {
				return learnt;
			}
			highest = page.get(page.size() - 1).orderId();
		}
	}

	private int learnInto(RecommendationModel unpublished, LearnedOrders unpublishedLearned, boolean published,
			List<PastOrder> orders) {
		if (orders.isEmpty()) {
			return 0;
		}
		if (!published) {
			return absorb(unpublished, unpublishedLearned, orders);
		}
		lock.writeLock().lock();
		try {
			return absorb(model, learned, orders);
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	/** Adds to the model each order it has not learnt yet, exactly once; returns how many were new. */
	private int absorb(RecommendationModel target, LearnedOrders targetLearned, List<PastOrder> orders) {
		int added = 0;
		Instant now = clock.instant();
		for (PastOrder order : orders) {
			if (targetLearned.claim(order.orderId(), now)) {
				target.add(order);
				added++;
			}
		}
		return added;
	}

	/** Forgets the cached catalogue and offers, so the next call reads them again. */
	void forgetCaches() {
		products.forget();
		plans.forget();
		liveOffers.values().forEach(Fresh::forget);
	}

	/** How many of the subscriber's orders the model has learnt from. */
	public int ordersLearnt(long subscriberId) {
		lock.readLock().lock();
		try {
			return model == null ? 0 : model.orderCount(subscriberId);
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/** How many orders the model has learnt, all subscribers together. */
	int ordersLearnt() {
		lock.readLock().lock();
		try {
			return model == null ? 0 : model.orders();
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/** The most exploration takes from a score. */
	public double explorationWeight() {
		return outcomes.weight();
	}

	/** The most exploration adds to a score. */
	public double explorationMaxLift() {
		return outcomes.weight() * Exploration.MAX_LIFT;
	}

	public boolean isReady() {
		return model != null;
	}

	/**
	 * The live offers for this subscriber and placement, best first, at most {@code limit}. Empty while the model
	 * is not built, or when the subscriber has no active subscription.
	 */
	public List<Recommendation> recommend(long subscriberId, Placement placement, int limit) {
		return subscriptions.contextOf(subscriberId).map(context -> recommend(context, placement, limit))
			.orElse(List.of());
	}

	/** The same, for a caller that already holds the subscriber's context (the widget): no second look-up. */
	public List<Recommendation> recommend(SubscriberContext context, Placement placement, int limit) {
		return rank(context, placement).stream().filter(Ranked::shown).limit(limit).map(Ranked::recommendation)
			.toList();
	}

	/** Every live offer for the placement with what happened to it for this subscriber: the merchant's preview. */
	public List<Ranked> explain(long subscriberId, Placement placement) {
		return subscriptions.contextOf(subscriberId).map(context -> rank(context, placement)).orElse(List.of());
	}

	/** An offer as the ranking left it: shown with its recommendation, or filtered out by the named rule. */
	public record Ranked(LiveOffer offer, Recommendation recommendation, String filteredBy) {

		public boolean shown() {
			return filteredBy == null;
		}

	}

	private List<Ranked> rank(SubscriberContext context, Placement placement) {
		RecommendationModel current = model;
		if (current == null) {
			return List.of();
		}
		long subscriberId = context.subscriberId();
		LocalDate today = LocalDate.now(clock);
		Map<Long, ProductSummary> productsById = products.get();
		Map<Long, PlanSummary> plansById = plans.get();
		PlanSummary plan = plansById.get(context.planId());
		Set<Long> dismissed = offers.dismissedSince(subscriberId, clock.instant().minus(DISMISSAL_MEMORY));
		long tenureDays = ChronoUnit.DAYS.between(context.startedOn(), today);
		List<Ranked> ranked = new ArrayList<>();
		lock.readLock().lock();
		try {
			int orders = current.orderCount(subscriberId);
			Ranker.Context ranking = current.context(subscriberId, plan.id(), (int) today.toEpochDay());
			Exploration exploration = outcomes.current(current::segmentOf);
			int segment = RecommendationModel.segment(plan.id());
			for (LiveOffer offer : liveOffers.get(placement).get()) {
				String filter = filter(offer, context, plan, plansById, productsById, dismissed, orders, tenureDays,
						current);
				Recommendation recommendation = filter == null
						? score(offer, context, plan, plansById, productsById, ranking, current,
								exploration.draw(offer.id(), segment, random))
						: null;
				ranked.add(new Ranked(offer, recommendation, filter));
			}
		}
		finally {
			lock.readLock().unlock();
		}
		ranked.sort(Comparator.comparing((Ranked r) -> !r.shown())
			.thenComparing(r -> r.shown() ? -r.recommendation().score() : 0)
			.thenComparing(r -> -r.offer().priority())
			.thenComparing(r -> r.offer().id()));
		return ranked;
	}

	/** The rule that keeps an offer from this subscriber, or null when it may be shown. */
	private static String filter(LiveOffer offer, SubscriberContext context, PlanSummary plan,
			Map<Long, PlanSummary> plansById, Map<Long, ProductSummary> productsById, Set<Long> dismissed, int orders,
			long tenureDays, RecommendationModel model) {
		if (offer.kind() == OfferKind.UPGRADE && offer.targetPlanId() != null && offer.targetPlanId() == plan.id()) {
			return "on-plan";
		}
		if (!offer.targetsPlan(plan.id(), plan.familyId())) {
			return "not-their-plan";
		}
		if (orders < offer.minOrders()) {
			return "too-few-orders";
		}
		if (tenureDays < offer.minTenureDays()) {
			return "too-new";
		}
		if (dismissed.contains(offer.id())) {
			return "dismissed";
		}
		if (offer.kind() == OfferKind.ADD_ON) {
			ProductSummary product = productsById.get(offer.productId());
			if (product == null || product.retired() || !product.addOnEligible()) {
				return "not-sold";
			}
			if (!product.inStock()) {
				return "out-of-stock";
			}
			if (context.addOnsInNextShipment().contains(product.id())) {
				return "in-next-box";
			}
			if (offer.excludeExisting() && context.boxHolds(model.planContents(plan.id()), product.id())) {
				return "in-plan";
			}
			return null;
		}
		PlanSummary target = plansById.get(offer.targetPlanId());
		if (target == null || target.retired() || target.familyId() != plan.familyId()) {
			return "not-sold";
		}
		if (target.tier() <= plan.tier()) {
			return "not-an-upgrade";
		}
		return null;
	}

	private static Recommendation score(LiveOffer offer, SubscriberContext context, PlanSummary plan,
			Map<Long, PlanSummary> plansById, Map<Long, ProductSummary> productsById, Ranker.Context ranking,
			RecommendationModel model, Exploration.Draw exploration) {
		double priority = Ranker.priorityLift(offer.priority());
		double lift = priority + exploration.lift();
		Profile profile = ranking.profile();
		if (offer.kind() == OfferKind.ADD_ON) {
			ProductSummary product = productsById.get(offer.productId());
			Ranker.Scored scored = Ranker.score(model.offerCandidate(offer.id(), offer.priority(), product.id(),
					RecommendationModel.facts(product), exploration.lift()), ranking, model.blend());
			Signals signals = scored.signals();
			Map<String, Double> named = signals.byName();
			named.put("prior", signals.priorPart(model.blend()));
			ScoreParts parts = new ScoreParts(named, priority, exploration);
			String reason = Reasons.forAddOn(product, signals, lift, model, profile, plan, productsById,
					model.history(context.subscriberId()));
			return new Recommendation(offer.id(), offer.kind(), product.id(), null, product.name(), product.imageUrl(),
					product.price(), offer.priceFrom(product.price()), scored.score(), parts, reason);
		}
		return scoreUpgrade(offer, context, plan, plansById.get(offer.targetPlanId()), productsById, priority,
				exploration, model.upgradeContext(profile, plan.id()), model);
	}

	private static Recommendation scoreUpgrade(LiveOffer offer, SubscriberContext context, PlanSummary plan,
			PlanSummary target, Map<Long, ProductSummary> productsById, double priority, Exploration.Draw exploration,
			UpgradeRanker.Context upgrades, RecommendationModel model) {
		UpgradeRanker.Scored scored = UpgradeRanker.score(new UpgradeRanker.Candidate(
				RecommendationModel.segment(target.id()), priority + exploration.lift(), offer.priority(), offer.id()),
				upgrades, model.upgradeWeights());
		UpgradeWeights weights = model.upgradeWeights();
		double transition = scored.value("transition");
		double fit = scored.value("fit");
		int fitItem = UpgradeSignal.Fit.bestExtra(scored.plan(), upgrades);
		ProductSummary fitProduct = fitItem == Signals.NO_ITEM ? null : productsById.get(model.productOf(fitItem));
		BigDecimal quantity = BigDecimal.valueOf(context.quantity());
		BigDecimal listPrice = target.price().multiply(quantity);
		String reason = Reasons.forUpgrade(plan, target, weights.weight("transition") * transition, transition,
				fitProduct, weights.weight("fit") * fit);
		return new Recommendation(offer.id(), offer.kind(), null, target.id(), target.name(), null, listPrice,
				offer.priceFrom(listPrice), scored.score(), new ScoreParts(scored.byName(), priority, exploration),
				reason);
	}

	/** What a model was built from. */
	public record ModelSummary(int orders, int subscribers, Blend blend, UpgradeWeights upgradeWeights,
			long buildMillis) {
	}

}
