package io.nextbox.recommendation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.nextbox.catalog.PlanSummary;
import io.nextbox.catalog.PlanSummary;
import io.nextbox.catalog.ProductSummary;
import io.nextbox.ordering.PastOrder;
import io.nextbox.recommendation.engine.Basket;
import io.nextbox.recommendation.engine.BasketStats;
import io.nextbox.recommendation.engine.Blend;
import io.nextbox.recommendation.engine.Dictionary;
import io.nextbox.recommendation.engine.PlanCatalogue;
import io.nextbox.recommendation.engine.PlanChanges;
import io.nextbox.recommendation.engine.PlanCatalogue;
import io.nextbox.recommendation.engine.PlanChanges;
import io.nextbox.recommendation.engine.PlanMoves;
import io.nextbox.recommendation.engine.Evaluator;
import io.nextbox.recommendation.engine.Signals;
import io.nextbox.recommendation.engine.Facts;
import io.nextbox.recommendation.engine.ItemFacts;
import io.nextbox.recommendation.engine.Profile;
import io.nextbox.recommendation.engine.Ranker;
import io.nextbox.recommendation.engine.UpgradeRanker;
import io.nextbox.recommendation.engine.UpgradeWeights;

/**
 * What the store's history says, in memory: item statistics, each subscriber's baskets and plan moves. A basket
 * holds the products of the order's plan and its add-ons, so "subscribers who get Ethiopia Guji" can be told
 * apart from those who get Kenya. Not thread-safe by itself: {@link RecommendationService} guards it.
 */
final class RecommendationModel {

	private final Dictionary items = new Dictionary();

	private final BasketStats stats = new BasketStats();

	private final Map<Long, List<Basket>> histories = new HashMap<>();

	private final PlanMoves moves = new PlanMoves();

	private final Map<Long, Set<Long>> planContents;

	private final Blend blend;

	private final UpgradeWeights upgradeWeights;

	/** What the catalogue said of each product when the model was built, for the prior. */
	private final Map<Long, Facts> productFacts;

	private final ItemFacts itemFacts = ItemFacts.growing();

	private int orders;

	RecommendationModel(Map<Long, Set<Long>> planContents, Blend blend) {
		this(planContents, blend, Map.of(), UpgradeWeights.DEFAULT);
	}

	RecommendationModel(Map<Long, Set<Long>> planContents, Blend blend, Map<Long, Facts> productFacts) {
		this(planContents, blend, productFacts, UpgradeWeights.DEFAULT);
	}

	RecommendationModel(Map<Long, Set<Long>> planContents, Blend blend, Map<Long, Facts> productFacts,
			UpgradeWeights upgradeWeights) {
		this.planContents = planContents;
		this.blend = blend;
		this.productFacts = productFacts;
		this.upgradeWeights = upgradeWeights;
	}

	/**
	 * A model of the whole history: the blend tuned on it (the prior with the products' facts), the upgrade weights
	 * tuned on its plan changes among these plans, then every order learnt. The portal's rebuild and the
	 * {@code simulate} command build alike.
	 */
	static RecommendationModel built(List<PastOrder> past, Map<Long, Set<Long>> planContents,
			Map<Long, Facts> productFacts, Collection<PlanSummary> plans, int tuningK) {
		Dictionary tuningItems = new Dictionary();
		List<Basket> baskets = new ArrayList<>(past.size());
		for (PastOrder order : past) {
			baskets.add(basket(order, planContents, tuningItems));
		}
		Blend blend = baskets.isEmpty() ? Blend.DEFAULT
				: Evaluator.tuneBlend(baskets, tuningK, itemFacts(tuningItems, productFacts));
		UpgradeWeights upgradeWeights = PlanChanges.tune(baskets, planCatalogue(plans, planContents, tuningItems),
				blend.halfLifeDays());
		baskets = null;
		RecommendationModel model = new RecommendationModel(planContents, blend, productFacts, upgradeWeights);
		for (PastOrder order : past) {
			model.add(order);
		}
		return model;
	}

	/**
	 * An add-on offer as the ranker's candidate: its product's item ({@link Signals#NO_ITEM} if never sold) and
	 * facts, plus what the merchant's bounded priority and this ranking's exploration draw add.
	 */
	Ranker.Candidate offerCandidate(long offerId, int priority, long productId, Facts facts, double exploration) {
		Integer item = item(productId);
		return new Ranker.Candidate(item == null ? Signals.NO_ITEM : item, facts,
				Ranker.priorityLift(priority) + exploration, priority, offerId);
	}

	/** The plans as the upgrade tuner sees them: segment, family, tier and items. */
	static PlanCatalogue planCatalogue(Collection<PlanSummary> plans, Map<Long, Set<Long>> contents,
			Dictionary items) {
		Map<Integer, PlanCatalogue.Plan> byPlan = new HashMap<>();
		for (PlanSummary plan : plans) {
			int[] planItems = contents.getOrDefault(plan.id(), Set.of())
				.stream()
				.mapToInt(product -> items.id(productKey(product)))
				.sorted()
				.toArray();
			byPlan.put(segment(plan.id()), new PlanCatalogue.Plan(segment(plan.id()), (int) plan.familyId(),
					plan.tier(), planItems));
		}
		return new PlanCatalogue(byPlan);
	}

	/** What the ranker's prior knows of a product: its category and price. */
	static Facts facts(ProductSummary product) {
		return new Facts(product.category().ordinal(), product.price().doubleValue());
	}

	static Map<Long, Facts> facts(Map<Long, ProductSummary> products) {
		Map<Long, Facts> facts = new HashMap<>();
		products.forEach((id, product) -> facts.put(id, facts(product)));
		return facts;
	}

	/** The facts of a dictionary's items, for the tuner's replay. */
	static ItemFacts itemFacts(Dictionary items, Map<Long, Facts> productFacts) {
		ItemFacts facts = ItemFacts.growing();
		for (int item = 0; item < items.size(); item++) {
			Facts fact = productFacts.get(Long.parseLong(items.key(item).substring("product:".length())));
			if (fact != null) {
				facts.put(item, fact);
			}
		}
		return facts;
	}

	/** The basket an order makes: its plan's products and its add-ons, as distinct item ids. */
	static int[] basketItems(PastOrder order, Map<Long, Set<Long>> planContents, Dictionary items) {
		Set<Integer> basket = new LinkedHashSet<>();
		if (order.planId() != null) {
			for (long product : planContents.getOrDefault(order.planId(), Set.of())) {
				if (!order.swappedOut().contains(product)) {
					basket.add(items.id(productKey(product)));
				}
			}
		}
		for (long product : order.swappedIn()) {
			basket.add(items.id(productKey(product)));
		}
		for (long product : order.addOnProductIds()) {
			basket.add(items.id(productKey(product)));
		}
		return basket.stream().mapToInt(Integer::intValue).toArray();
	}

	/** The basket an order makes, its plan as the segment: what the model learns and the tuner replays. */
	static Basket basket(PastOrder order, Map<Long, Set<Long>> planContents, Dictionary items) {
		return new Basket((int) order.subscriberId(), (int) order.orderedOn().toEpochDay(),
				basketItems(order, planContents, items), segment(order.planId()));
	}

	static int segment(Long planId) {
		return planId == null ? 0 : planId.intValue();
	}

	void add(PastOrder order) {
		Basket basket = basket(order, planContents, items);
		for (int item : basket.items()) {
			if (!itemFacts.of(item).knowsCategory()) {
				Facts fact = productFacts.get(productOf(item));
				if (fact != null) {
					itemFacts.put(item, fact);
				}
			}
		}
		stats.add(basket.items(), basket.segment());
		histories.computeIfAbsent(order.subscriberId(), id -> new ArrayList<>()).add(basket);
		moves.add(order.subscriberId(), basket.segment());
		orders++;
	}

	Profile profile(long subscriberId, int today) {
		return Profile.of(histories.getOrDefault(subscriberId, List.of()), today, blend.halfLifeDays(), itemFacts);
	}

	/** What the ranker needs to know of a subscriber on their plan today. */
	Ranker.Context context(long subscriberId, long planId, int today) {
		return new Ranker.Context(profile(subscriberId, today), stats, segment(planId), itemFacts);
	}

	/** The candidates ranked for the subscriber, as the portal ranks its offers. */
	List<Ranker.Scored> rank(List<Ranker.Candidate> candidates, long subscriberId, long planId, int today) {
		return Ranker.rank(candidates, context(subscriberId, planId, today), blend);
	}

	/** What the upgrade ranker needs to know of a subscriber on their plan today. */
	UpgradeRanker.Context upgradeContext(long subscriberId, long planId, int today) {
		return upgradeContext(profile(subscriberId, today), planId);
	}

	/** The same, with the subscriber's faded history already at hand. */
	UpgradeRanker.Context upgradeContext(Profile profile, long planId) {
		return new UpgradeRanker.Context(profile, moves, this::extras, segment(planId));
	}

	/** The candidate plans ranked for the subscriber, as the portal ranks its upgrade offers. */
	List<UpgradeRanker.Scored> rankUpgrades(List<UpgradeRanker.Candidate> candidates, long subscriberId, long planId,
			int today) {
		return UpgradeRanker.rank(candidates, upgradeContext(subscriberId, planId, today), upgradeWeights);
	}

	/** The items of the products plan {@code to} includes beyond plan {@code from}, those the model has seen. */
	private int[] extras(int from, int to) {
		Set<Long> extra = new HashSet<>(planContents.getOrDefault((long) to, Set.of()));
		extra.removeAll(planContents.getOrDefault((long) from, Set.of()));
		return extra.stream().map(this::item).filter(Objects::nonNull).mapToInt(Integer::intValue).sorted().toArray();
	}

	/** The segment (plan) of the subscriber's latest order, 0 for one the model has no order of. */
	int segmentOf(long subscriberId) {
		return moves.planOf(subscriberId);
	}

	List<Basket> history(long subscriberId) {
		return histories.getOrDefault(subscriberId, List.of());
	}

	int orderCount(long subscriberId) {
		return histories.getOrDefault(subscriberId, List.of()).size();
	}

	Integer item(long productId) {
		return items.find(productKey(productId));
	}

	long productOf(int item) {
		return Long.parseLong(items.key(item).substring("product:".length()));
	}

	Set<Long> planContents(long planId) {
		return planContents.getOrDefault(planId, Set.of());
	}

	BasketStats stats() {
		return stats;
	}

	ItemFacts itemFacts() {
		return itemFacts;
	}

	Blend blend() {
		return blend;
	}

	UpgradeWeights upgradeWeights() {
		return upgradeWeights;
	}

	int orders() {
		return orders;
	}

	int subscribers() {
		return histories.size();
	}

	static String productKey(long productId) {
		return "product:" + productId;
	}

}
