package io.nextbox.recommendation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.nextbox.ordering.PastOrder;
import io.nextbox.recommendation.engine.Basket;
import io.nextbox.recommendation.engine.BasketStats;
import io.nextbox.recommendation.engine.Blend;
import io.nextbox.recommendation.engine.Dictionary;
import io.nextbox.recommendation.engine.PlanMoves;
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

	private int orders;

	RecommendationModel(Map<Long, Set<Long>> planContents, Blend blend) {
		this(planContents, blend, UpgradeWeights.DEFAULT);
	}

	RecommendationModel(Map<Long, Set<Long>> planContents, Blend blend, UpgradeWeights upgradeWeights) {
		this.planContents = planContents;
		this.blend = blend;
		this.upgradeWeights = upgradeWeights;
	}

	/** The basket an order makes: its plan's products and its add-ons, as distinct item ids. */
	static int[] basketItems(PastOrder order, Map<Long, Set<Long>> planContents, Dictionary items) {
		Set<Integer> basket = new LinkedHashSet<>();
		if (order.planId() != null) {
			for (long product : planContents.getOrDefault(order.planId(), Set.of())) {
				basket.add(items.id(productKey(product)));
			}
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
		stats.add(basket.items(), basket.segment());
		histories.computeIfAbsent(order.subscriberId(), id -> new ArrayList<>()).add(basket);
		moves.add(order.subscriberId(), basket.segment());
		orders++;
	}

	Profile profile(long subscriberId, int today) {
		return Profile.of(histories.getOrDefault(subscriberId, List.of()), today, blend.halfLifeDays());
	}

	/** What the ranker needs to know of a subscriber on their plan today. */
	Ranker.Context context(long subscriberId, long planId, int today) {
		return new Ranker.Context(profile(subscriberId, today), stats, segment(planId));
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
