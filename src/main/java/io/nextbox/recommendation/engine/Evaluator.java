package io.nextbox.recommendation.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Offline evaluation on an order history. For every customer with at least two orders, the last order is held out
 * and predicted from everything before its day: the customer's own earlier orders and every other customer's
 * orders of earlier days (the history is replayed day by day, so nothing from the future leaks in). Every item of
 * the history is a candidate, ranked by the portal's {@link Ranker} with per-segment (per-plan) popularity. The
 * blend is tuned first on the history without the held-out orders (each customer's last remaining order
 * predicted the same way), then judged on the held-out ones, next to the baselines {@code popularity} (overall
 * top), {@code personal} (the customer's own most bought) and {@code personal+popularity} (own most bought,
 * filled up with the overall top). Plan changes are ranked too, by {@link PlanChanges}.
 */
public final class Evaluator {

	/** How many of a customer's strongest items seed the tuner's candidates from what is bought with them. */
	static final int CONTEXT_ITEMS = 8;

	static final int NEIGHBOURS_PER_ITEM = 20;

	static final int POPULAR_CANDIDATES = 50;

	/** Tuning on more validation points than this changes nothing but the time it takes. */
	static final int MAX_VALIDATION_POINTS = 5_000;

	/** The validation customers are a fixed sample, so a rebuild tunes alike on every instance. */
	private static final long SAMPLE_SEED = 20261125L;

	private Evaluator() {
	}

	public static EvaluationReport evaluate(List<Basket> baskets, int k) {
		return evaluate(baskets, k, PlanCatalogue.NONE, ItemFacts.NONE);
	}

	/** The same, with what the catalogue says of the items (for the prior; {@link ItemFacts#NONE}: nothing). */
	public static EvaluationReport evaluate(List<Basket> baskets, int k, ItemFacts facts) {
		return evaluate(baskets, k, PlanCatalogue.NONE, facts);
	}

	/** The same, ranking the plan changes among these plans. */
	public static EvaluationReport evaluate(List<Basket> baskets, int k, PlanCatalogue plans) {
		return evaluate(baskets, k, plans, ItemFacts.NONE);
	}

	/**
	 * Also ranks the plan changes of the history ({@link PlanChanges}), with the plans' families, tiers and contents
	 * where known, and the items with what the catalogue says of them (for the prior). Baskets without items (an
	 * order of the plan alone, where the items are add-ons) count for plan changes only.
	 */
	public static EvaluationReport evaluate(List<Basket> baskets, int k, PlanCatalogue plans, ItemFacts facts) {
		List<Basket> chronological = chronological(
				baskets.stream().filter(basket -> basket.items().length > 0).toList());
		boolean[] heldOut = lastOrders(chronological);
		List<Basket> training = new ArrayList<>(chronological.size());
		for (int i = 0; i < chronological.size(); i++) {
			if (!heldOut[i]) {
				training.add(chronological.get(i));
			}
		}
		Tuning tuning = tune(training, k, facts);
		Blend blend = tuning.blend();
		Map<String, Metrics> results = EvaluationReport.emptyResults();
		int[] customers = { 0 };
		replay(chronological, k, facts, (position, point) -> {
			if (heldOut[position]) {
				Set<Integer> truth = point.truth();
				Set<Integer> known = point.known();
				results.get(EvaluationReport.NEXTBOX).add(Ranker.top(point.rankAll(blend), k), truth, k, known);
				results.get(EvaluationReport.POPULARITY).add(point.popular(), truth, k, known);
				int[] personal = point.personal(k);
				results.get(EvaluationReport.PERSONAL).add(personal, truth, k, known);
				results.get(EvaluationReport.PERSONAL_POPULARITY).add(fill(personal, point.popular(), k), truth, k,
						known);
				customers[0]++;
			}
		});
		return new EvaluationReport(k, customers[0], results, blend, tuning.points(),
				PlanChanges.evaluate(baskets, plans, blend.halfLifeDays()));
	}

	/**
	 * Tunes the blend on a history: each customer's last order is predicted from what came before its day, and the
	 * blend with the best NDCG@k wins. At most {@value #MAX_VALIDATION_POINTS} customers, sampled across the whole
	 * history.
	 */
	public static Blend tuneBlend(List<Basket> baskets, int k) {
		return tuneBlend(baskets, k, ItemFacts.NONE);
	}

	/** The same, with what the catalogue says of the items. */
	public static Blend tuneBlend(List<Basket> baskets, int k, ItemFacts facts) {
		return tune(chronological(baskets), k, facts).blend();
	}

	/** What {@code evaluate} ranks for the customer of {@code held}, on the day of {@code held}: for tests. */
	public static List<Ranker.Scored> rankingFor(List<Basket> baskets, Basket held, Blend blend) {
		return rankingFor(baskets, held, blend, ItemFacts.NONE);
	}

	/** The same, with what the catalogue says of the items. */
	public static List<Ranker.Scored> rankingFor(List<Basket> baskets, Basket held, Blend blend, ItemFacts facts) {
		List<Basket> chronological = chronological(baskets);
		List<Ranker.Scored> ranking = new ArrayList<>();
		replay(chronological, 1, facts, (position, point) -> {
			if (chronological.get(position) == held) {
				ranking.addAll(point.rankAll(blend));
			}
		});
		return ranking;
	}

	private record Tuning(Blend blend, int points) {
	}

	private static Tuning tune(List<Basket> chronological, int k, ItemFacts facts) {
		boolean[] validation = sample(chronological, lastOrders(chronological));
		List<RankingPoint> points = new ArrayList<>();
		replay(chronological, k, facts, (position, point) -> {
			if (validation[position]) {
				points.add(point.get(BlendTuner.HALF_LIVES, k));
			}
		});
		return new Tuning(BlendTuner.tune(points, k), points.size());
	}

	private static List<Basket> chronological(List<Basket> baskets) {
		List<Basket> chronological = new ArrayList<>(baskets);
		chronological.sort(Comparator.comparingInt(Basket::day));
		return chronological;
	}

	/** For every customer with at least two orders, the position of their last. */
	private static boolean[] lastOrders(List<Basket> chronological) {
		Map<Integer, Integer> last = new HashMap<>();
		Map<Integer, Integer> count = new HashMap<>();
		for (int i = 0; i < chronological.size(); i++) {
			last.put(chronological.get(i).customer(), i);
			count.merge(chronological.get(i).customer(), 1, Integer::sum);
		}
		boolean[] marked = new boolean[chronological.size()];
		last.forEach((customer, position) -> marked[position] = count.get(customer) >= 2);
		return marked;
	}

	/** At most {@value #MAX_VALIDATION_POINTS} of the marked positions, drawn at random from all of them. */
	private static boolean[] sample(List<Basket> chronological, boolean[] marked) {
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < marked.length; i++) {
			if (marked[i]) {
				positions.add(i);
			}
		}
		if (positions.size() <= MAX_VALIDATION_POINTS) {
			return marked;
		}
		Collections.shuffle(positions, new Random(SAMPLE_SEED));
		boolean[] sampled = new boolean[marked.length];
		for (int position : positions.subList(0, MAX_VALIDATION_POINTS)) {
			sampled[position] = true;
		}
		return sampled;
	}

	@FunctionalInterface
	interface Visitor {

		void visit(int position, Point point);

	}

	/** Replays the history day by day: a day's orders are seen before any of them is added to what is known. */
	private static void replay(List<Basket> chronological, int k, ItemFacts facts, Visitor visitor) {
		int items = 0;
		for (Basket basket : chronological) {
			for (int item : basket.items()) {
				items = Math.max(items, item + 1);
			}
		}
		BasketStats stats = new BasketStats();
		Map<Integer, List<Basket>> histories = new HashMap<>();
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
				visitor.visit(i, new Point(history, stats, day, popular, basket, items, facts));
			}
			for (int i = start; i < end; i++) {
				Basket basket = chronological.get(i);
				stats.add(basket.items(), basket.segment());
				histories.computeIfAbsent(basket.customer(), customer -> new ArrayList<>()).add(basket);
			}
			start = end;
		}
	}

	/** One customer's next order in the replay, with what was known before its day. */
	private static final class Point {

		private final List<Basket> history;

		private final BasketStats stats;

		private final int day;

		private final int[] popular;

		private final Basket next;

		private final int items;

		private final ItemFacts facts;

		Point(List<Basket> history, BasketStats stats, int day, int[] popular, Basket next, int items,
				ItemFacts facts) {
			this.facts = facts;
			this.history = history;
			this.stats = stats;
			this.day = day;
			this.popular = popular;
			this.next = next;
			this.items = items;
		}

		/** Every item of the history, ranked as the portal ranks offers (the segment is the order's plan). */
		List<Ranker.Scored> rankAll(Blend blend) {
			List<Ranker.Candidate> candidates = new ArrayList<>(items);
			for (int item = 0; item < items; item++) {
				candidates.add(Ranker.Candidate.of(item));
			}
			Ranker.Context context = new Ranker.Context(Profile.of(history, day, blend.halfLifeDays(), facts), stats,
					next.segment(), facts);
			return Ranker.rank(candidates, context, blend);
		}

		/**
		 * The point the tuner ranks under each half-life. Holding every item's signals for thousands of points under
		 * five half-lives would not fit in memory, so the tuner keeps the items that can reach the top k: the
		 * customer's own, those most often bought with their strongest items, and the most popular in the segment.
		 */
		RankingPoint get(double[] halfLives, int k) {
			Profile profile = Profile.of(history, day);
			Set<Integer> candidates = new LinkedHashSet<>(profile.shares().keySet());
			profile.shares()
				.entrySet()
				.stream()
				.sorted(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
				.limit(CONTEXT_ITEMS)
				.forEach(entry -> {
					for (int neighbour : stats.neighbours(entry.getKey(), NEIGHBOURS_PER_ITEM)) {
						candidates.add(neighbour);
					}
				});
			for (int item : stats.mostPopular(next.segment(), Math.max(k, POPULAR_CANDIDATES))) {
				candidates.add(item);
			}
			int[] kept = candidates.stream().mapToInt(Integer::intValue).sorted().toArray();
			Signals[][] signals = new Signals[halfLives.length][kept.length];
			for (int variant = 0; variant < halfLives.length; variant++) {
				Ranker.Context context = new Ranker.Context(Profile.of(history, day, halfLives[variant], facts),
						stats, next.segment(), facts);
				for (int i = 0; i < kept.length; i++) {
					signals[variant][i] = Ranker.signals(kept[i], context);
				}
			}
			return new RankingPoint(kept, halfLives, signals, truth());
		}

		Set<Integer> truth() {
			Set<Integer> truth = new HashSet<>();
			for (int item : next.items()) {
				truth.add(item);
			}
			return truth;
		}

		Set<Integer> known() {
			Set<Integer> known = new HashSet<>();
			for (Basket basket : history) {
				for (int item : basket.items()) {
					known.add(item);
				}
			}
			return known;
		}

		int[] popular() {
			return popular;
		}

		int[] personal(int k) {
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
