package io.nextbox.recommendation.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offline evaluation on an order history. For every customer with at least two orders, the last order is held out
 * and predicted from everything before its day: the customer's own earlier orders and every other customer's
 * orders of earlier days (the history is replayed day by day, so nothing from the future leaks in). The blend
 * is tuned the same way on customers' second-to-last orders, then judged on the last ones, next to the
 * baselines {@code popularity} (overall top), {@code personal} (the customer's own most bought) and
 * {@code personal+popularity} (own most bought, filled up with the overall top).
 */
public final class Evaluator {

	/** How many of a customer's strongest items seed candidates from what is bought with them. */
	static final int CONTEXT_ITEMS = 8;

	static final int NEIGHBOURS_PER_ITEM = 20;

	static final int POPULAR_CANDIDATES = 50;

	/** Tuning on more validation points than this changes nothing but the time it takes. */
	static final int MAX_VALIDATION_POINTS = 5_000;

	private Evaluator() {
	}

	public static EvaluationReport evaluate(List<Basket> baskets, int k) {
		List<Basket> chronological = new ArrayList<>(baskets);
		chronological.sort(Comparator.comparingInt(Basket::day));
		int[] orderCount = orderCounts(chronological);
		int[] validationCustomers = { 0 };
		for (int count : orderCount) {
			validationCustomers[0] += count >= 3 ? 1 : 0;
		}
		Blend blend = tuneBlend(chronological, k);
		Map<String, Metrics> results = EvaluationReport.emptyResults();
		int[] customers = { 0 };
		replay(chronological, orderCount, k, (customer, index, point) -> {
			if (index == orderCount[customer] - 1 && orderCount[customer] >= 2) {
				RankingPoint ranking = point.get(new double[] { blend.halfLifeDays() });
				results.get(EvaluationReport.NEXTBOX).add(ranking.rank(blend, k), ranking.truth(), k);
				results.get(EvaluationReport.POPULARITY).add(point.popular(), ranking.truth(), k);
				int[] personal = point.personal(k);
				results.get(EvaluationReport.PERSONAL).add(personal, ranking.truth(), k);
				results.get(EvaluationReport.PERSONAL_POPULARITY).add(fill(personal, point.popular(), k),
						ranking.truth(), k);
				customers[0]++;
			}
		});
		return new EvaluationReport(k, customers[0], results, blend,
				Math.min(validationCustomers[0], MAX_VALIDATION_POINTS));
	}

	/**
	 * Tunes the blend on a history: each customer's second-to-last order is predicted from what came before its
	 * day, and the blend with the best NDCG@k wins.
	 */
	public static Blend tuneBlend(List<Basket> baskets, int k) {
		List<Basket> chronological = new ArrayList<>(baskets);
		chronological.sort(Comparator.comparingInt(Basket::day));
		int[] orderCount = orderCounts(chronological);
		List<RankingPoint> validation = new ArrayList<>();
		replay(chronological, orderCount, k, (customer, index, point) -> {
			if (index == orderCount[customer] - 2 && orderCount[customer] >= 3
					&& validation.size() < MAX_VALIDATION_POINTS) {
				validation.add(point.get(BlendTuner.HALF_LIVES));
			}
		});
		return BlendTuner.tune(validation, k);
	}

	/** What a replay offers at each order: the point to rank, and the baselines' lists, computed on demand. */
	interface PointSource {

		RankingPoint get(double[] halfLives);

		int[] popular();

		int[] personal(int k);

	}

	@FunctionalInterface
	interface Visitor {

		void visit(int customer, int index, PointSource point);

	}

	/** Replays the history day by day: a day's orders are seen before any of them is added to what is known. */
	private static void replay(List<Basket> chronological, int[] orderCount, int k, Visitor visitor) {
		BasketStats stats = new BasketStats();
		Map<Integer, List<Basket>> histories = new HashMap<>();
		int[] seen = new int[orderCount.length];
		int start = 0;
		while (start < chronological.size()) {
			int day = chronological.get(start).day();
			int end = start;
			while (end < chronological.size() && chronological.get(end).day() == day) {
				end++;
			}
			int[] popular = stats.mostPopular(Math.max(k, POPULAR_CANDIDATES));
			for (int i = start; i < end; i++) {
				Basket basket = chronological.get(i);
				List<Basket> history = histories.getOrDefault(basket.customer(), List.of());
				visitor.visit(basket.customer(), seen[basket.customer()]++,
						new LazyPoint(history, stats, day, popular, basket));
			}
			for (int i = start; i < end; i++) {
				Basket basket = chronological.get(i);
				stats.add(basket.items(), 0);
				histories.computeIfAbsent(basket.customer(), customer -> new ArrayList<>()).add(basket);
			}
			start = end;
		}
	}

	private static final class LazyPoint implements PointSource {

		private final List<Basket> history;

		private final BasketStats stats;

		private final int day;

		private final int[] popular;

		private final Basket next;

		LazyPoint(List<Basket> history, BasketStats stats, int day, int[] popular, Basket next) {
			this.history = history;
			this.stats = stats;
			this.day = day;
			this.popular = popular;
			this.next = next;
		}

		@Override
		public RankingPoint get(double[] halfLives) {
			Profile profile = Profile.of(history, day);
			Set<Integer> candidates = new LinkedHashSet<>(profile.shares().keySet());
			profile.shares()
				.entrySet()
				.stream()
				.sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
				.limit(CONTEXT_ITEMS)
				.forEach(entry -> {
					for (int neighbour : stats.neighbours(entry.getKey(), NEIGHBOURS_PER_ITEM)) {
						candidates.add(neighbour);
					}
				});
			for (int item : popular) {
				candidates.add(item);
			}
			int[] items = candidates.stream().mapToInt(Integer::intValue).toArray();
			Signals[][] signals = new Signals[halfLives.length][items.length];
			for (int variant = 0; variant < halfLives.length; variant++) {
				Profile faded = Profile.of(history, day, halfLives[variant]);
				for (int i = 0; i < items.length; i++) {
					signals[variant][i] = Signals.of(faded, stats, items[i], 0);
				}
			}
			Set<Integer> truth = new HashSet<>();
			for (int item : next.items()) {
				truth.add(item);
			}
			return new RankingPoint(items, halfLives, signals, truth);
		}

		@Override
		public int[] popular() {
			return popular;
		}

		@Override
		public int[] personal(int k) {
			Map<Integer, int[]> counts = new HashMap<>();
			for (Basket basket : history) {
				for (int item : basket.items()) {
					int[] count = counts.computeIfAbsent(item, key -> new int[2]);
					count[0]++;
					count[1] = basket.day();
				}
			}
			return counts.entrySet()
				.stream()
				.sorted((a, b) -> a.getValue()[0] != b.getValue()[0] ? b.getValue()[0] - a.getValue()[0]
						: a.getValue()[1] != b.getValue()[1] ? b.getValue()[1] - a.getValue()[1] : a.getKey() - b.getKey())
				.limit(k)
				.mapToInt(Map.Entry::getKey)
				.toArray();
		}

	}

	private static int[] orderCounts(List<Basket> baskets) {
		int customers = 0;
		for (Basket basket : baskets) {
			customers = Math.max(customers, basket.customer() + 1);
		}
		int[] counts = new int[customers];
		for (Basket basket : baskets) {
			counts[basket.customer()]++;
		}
		return counts;
	}

	private static int[] fill(int[] first, int[] then, int k) {
		Set<Integer> ranked = new LinkedHashSet<>();
		for (int item : first) {
			ranked.add(item);
		}
		for (int i = 0; i < then.length && ranked.size() < k; i++) {
			ranked.add(then[i]);
		}
		return ranked.stream().limit(k).mapToInt(Integer::intValue).toArray();
	}

}
