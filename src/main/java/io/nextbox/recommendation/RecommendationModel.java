package io.nextbox.recommendation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nextbox.ordering.PastOrder;
import io.nextbox.recommendation.engine.Basket;
import io.nextbox.recommendation.engine.BasketStats;
import io.nextbox.recommendation.engine.Blend;
import io.nextbox.recommendation.engine.Dictionary;
import io.nextbox.recommendation.engine.Profile;
import io.nextbox.recommendation.engine.Ranker;

/**
 * What the store's history says, in memory: item statistics, each subscriber's baskets and plan moves. A basket
 * holds the products of the order's plan and its add-ons, so "subscribers who get Ethiopia Guji" can be told
 * apart from those who get Kenya. Not thread-safe by itself: {@link RecommendationService} guards it.
 */
final class RecommendationModel {

	private final Dictionary items = new Dictionary();

	private final BasketStats stats = new BasketStats();

	private final Map<Long, List<Basket>> histories = new HashMap<>();

	private final Map<Long, Long> currentPlan = new HashMap<>();

	private final Map<Long, Map<Long, Integer>> moves = new HashMap<>();

	private final Map<Long, Set<Long>> subscribersByPlan = new HashMap<>();

	private final Map<Long, Set<Long>> planContents;

	private final Blend blend;

	private int orders;

	RecommendationModel(Map<Long, Set<Long>> planContents, Blend blend) {
		this.planContents = planContents;
		this.blend = blend;
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
		if (order.planId() != null) {
			Long before = currentPlan.put(order.subscriberId(), order.planId());
			subscribersByPlan.computeIfAbsent(order.planId(), plan -> new HashSet<>())
				.add(order.subscriberId());
			if (before != null && !before.equals(order.planId())) {
				moves.computeIfAbsent(before, plan -> new HashMap<>()).merge(order.planId(), 1, Integer::sum);
			}
		}
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

	List<Basket> history(long subscriberId) {
		return histories.getOrDefault(subscriberId, List.of());
	}

	int orderCount(long subscriberId) {
		return histories.getOrDefault(subscriberId, List.of()).size();
	}

	/** Of the subscribers who were ever on {@code from}, the share who moved straight on to {@code to}. */
	double moveRate(long from, long to) {
		int movers = moves.getOrDefault(from, Map.of()).getOrDefault(to, 0);
		int onPlan = subscribersByPlan.getOrDefault(from, Set.of()).size();
		return onPlan == 0 ? 0 : (double) movers / onPlan;
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
