package io.nextbox.recommendation.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Plan changes in a history, ranked as the portal ranks upgrades. The history is replayed day by day; each time a
 * customer's order is on another plan than their order before, the plans they could have moved to (the other plans
 * of their family) are ranked by {@link UpgradeRanker} from what was known before that day, and the plan they did
 * move to is the truth. The upgrade weights are tuned on these moves (grid over the weights, best mean reciprocal
 * rank), and {@code evaluate} holds out each customer's last move, tunes on the others and reports where the
 * actual target ranked, next to the baselines {@code transitions} (the share who made that move only),
 * {@code next-tier-up} and {@code random}.
 */
public final class PlanChanges {

	/** Fewer moves than this tune nothing: the weights stay {@link UpgradeWeights#DEFAULT}. */
	public static final int MIN_MOVES = 30;

	/** The transition weight is tried in twentieths. */
	private static final int STEPS = 20;

	private static final long RANDOM_SEED = 20261128L;

	public static final String NEXTBOX = "nextbox";

	public static final String TRANSITIONS = "transitions";

	public static final String NEXT_TIER_UP = "next-tier-up";

	public static final String RANDOM = "random";

	private PlanChanges() {
	}

	/** One move in the replay: the candidates with their signals' values, known before the move's day. */
	record Move(int customer, int from, int target, List<UpgradeRanker.Candidate> candidates, double[][] values) {

		List<UpgradeRanker.Scored> ranked(UpgradeWeights weights) {
			return UpgradeRanker.ranked(candidates, values, weights);
		}

		/** Where the target ranks (1 the first) under the weights. */
		int rank(UpgradeWeights weights) {
			List<UpgradeRanker.Scored> ranked = ranked(weights);
			for (int i = 0; i < ranked.size(); i++) {
				if (ranked.get(i).plan() == target) {
					return i + 1;
				}
			}
			return ranked.size() + 1;
		}

	}

	/** Hit@1 and mean reciprocal rank of the actual targets. */
	public static final class RankMetrics {

		private int moves;

		private int hits;

		private double reciprocalRanks;

		void add(int rank) {
			moves++;
			hits += rank == 1 ? 1 : 0;
			reciprocalRanks += 1.0 / rank;
		}

		public int moves() {
			return moves;
		}

		public double hitAt1() {
			return moves == 0 ? 0 : (double) hits / moves;
		}

		public double mrr() {
			return moves == 0 ? 0 : reciprocalRanks / moves;
		}

	}

	/** What {@code evaluate} reports of plan changes. */
	public record Report(int moves, int tuningMoves, UpgradeWeights weights, Map<String, RankMetrics> results) {

		static Report empty() {
			return new Report(0, 0, UpgradeWeights.DEFAULT, emptyResults());
		}

	}

	/** The upgrade weights a rebuild serves with: tuned on every move of the history, or the default. */
	public static UpgradeWeights tune(List<Basket> baskets, PlanCatalogue plans, double halfLifeDays) {
		return tune(moves(chronological(baskets), plans, plans::extras, halfLifeDays));
	}

	/** Holds out each customer's last move, tunes on the other moves and ranks the held-out ones. */
	public static Report evaluate(List<Basket> baskets, PlanCatalogue plans, double halfLifeDays) {
		List<Move> moves = moves(chronological(baskets), plans, plans::extras, halfLifeDays);
		Map<Integer, Integer> last = new HashMap<>();
		for (int i = 0; i < moves.size(); i++) {
			last.put(moves.get(i).customer(), i);
		}
		List<Move> tuning = new ArrayList<>();
		List<Move> heldOut = new ArrayList<>();
		for (int i = 0; i < moves.size(); i++) {
			(last.get(moves.get(i).customer()) == i ? heldOut : tuning).add(moves.get(i));
		}
		if (heldOut.isEmpty()) {
			return Report.empty();
		}
		UpgradeWeights weights = tune(tuning);
		Map<String, RankMetrics> results = emptyResults();
		Random random = new Random(RANDOM_SEED);
		for (Move move : heldOut) {
			results.get(NEXTBOX).add(move.rank(weights));
			results.get(TRANSITIONS).add(move.rank(UpgradeWeights.of(1, 0)));
			results.get(NEXT_TIER_UP).add(rankOf(move.target(), nextTierUp(move, plans)));
			List<Integer> shuffled = new ArrayList<>(move.candidates().stream().map(UpgradeRanker.Candidate::plan)
				.toList());
			Collections.shuffle(shuffled, random);
			results.get(RANDOM).add(rankOf(move.target(), shuffled));
		}
		return new Report(heldOut.size(), tuning.size(), weights, results);
	}

	/** What the replay ranks for the move of {@code held}'s customer on the day of {@code held}: for tests. */
	public static List<UpgradeRanker.Scored> rankingFor(List<Basket> baskets, PlanCatalogue plans, Basket held,
			UpgradeWeights weights, double halfLifeDays) {
		List<Basket> chronological = chronological(baskets);
		List<UpgradeRanker.Scored> ranking = new ArrayList<>();
		replay(chronological, plans, plans::extras, halfLifeDays, (basket, move) -> {
			if (basket == held) {
				ranking.addAll(move.ranked(weights));
			}
		});
		return ranking;
	}

	static UpgradeWeights tune(List<Move> moves) {
		if (moves.size() < MIN_MOVES) {
			return UpgradeWeights.DEFAULT;
		}
		UpgradeWeights best = UpgradeWeights.DEFAULT;
		double bestMrr = -1;
		// from the default outwards, so that equal results keep the weights nearest the default
		for (int step : fromTheMiddle()) {
			double transition = (double) step / STEPS;
			UpgradeWeights weights = UpgradeWeights.of(transition, 1 - transition);
			RankMetrics metrics = new RankMetrics();
			moves.forEach(move -> metrics.add(move.rank(weights)));
			if (metrics.mrr() > bestMrr + 1e-12) {
				bestMrr = metrics.mrr();
				best = weights;
			}
		}
		return best;
	}

	private static List<Integer> fromTheMiddle() {
		List<Integer> steps = new ArrayList<>();
		steps.add(STEPS / 2);
		for (int distance = 1; distance <= STEPS / 2; distance++) {
			steps.add(STEPS / 2 - distance);
			steps.add(STEPS / 2 + distance);
		}
		return steps;
	}

	/** Same family one tier up first, then the higher tiers upwards, then the lower ones downwards. */
	private static List<Integer> nextTierUp(Move move, PlanCatalogue plans) {
		PlanCatalogue.Plan from = plans.plan(move.from());
		int tier = from == null ? 0 : from.tier();
		return move.candidates()
			.stream()
			.map(UpgradeRanker.Candidate::plan)
			.sorted(Comparator.comparingInt((Integer plan) -> {
				PlanCatalogue.Plan target = plans.plan(plan);
				int targetTier = target == null ? 0 : target.tier();
				return targetTier > tier ? targetTier - tier : 1000 + tier - targetTier;
			}).thenComparing(Comparator.naturalOrder()))
			.toList();
	}

	private static int rankOf(int target, List<Integer> ranked) {
		int index = ranked.indexOf(target);
		return index < 0 ? ranked.size() + 1 : index + 1;
	}

	private static Map<String, RankMetrics> emptyResults() {
		Map<String, RankMetrics> results = new LinkedHashMap<>();
		results.put(NEXTBOX, new RankMetrics());
		results.put(TRANSITIONS, new RankMetrics());
		results.put(NEXT_TIER_UP, new RankMetrics());
		results.put(RANDOM, new RankMetrics());
		return results;
	}

	private static List<Basket> chronological(List<Basket> baskets) {
		List<Basket> chronological = new ArrayList<>(baskets);
		chronological.sort(Comparator.comparingInt(Basket::day));
		return chronological;
	}

	private static List<Move> moves(List<Basket> chronological, PlanCatalogue plans, UpgradeRanker.Extras extras,
			double halfLifeDays) {
		List<Move> moves = new ArrayList<>();
		replay(chronological, plans, extras, halfLifeDays, (basket, move) -> moves.add(move));
		return moves;
	}

	@FunctionalInterface
	private interface Visitor {

		void visit(Basket basket, Move move);

	}

	/**
	 * Replays the history day by day; a day's orders are seen before any of them is learnt, so a move is ranked
	 * from the moves and baskets of earlier days only. A move with a single plan to pick from ranks nothing and is
	 * skipped.
	 */
	private static void replay(List<Basket> chronological, PlanCatalogue plans, UpgradeRanker.Extras extras,
			double halfLifeDays, Visitor visitor) {
		PlanMoves planMoves = new PlanMoves();
		TreeSet<Integer> seen = new TreeSet<>(plans.plans().keySet());
		Map<Integer, List<Basket>> histories = new HashMap<>();
		int start = 0;
		while (start < chronological.size()) {
			int day = chronological.get(start).day();
			int end = start;
			while (end < chronological.size() && chronological.get(end).day() == day) {
				end++;
			}
			for (int i = start; i < end; i++) {
				Basket basket = chronological.get(i);
				int from = planMoves.planOf(basket.customer());
				if (from != 0 && basket.segment() != 0 && basket.segment() != from) {
					List<UpgradeRanker.Candidate> candidates = new ArrayList<>();
					for (int plan : seen) {
						if (plans.alternative(from, plan)) {
							candidates.add(UpgradeRanker.Candidate.of(plan));
						}
					}
					if (candidates.size() > 1) {
						UpgradeRanker.Context context = new UpgradeRanker.Context(
								Profile.of(histories.getOrDefault(basket.customer(), List.of()), day, halfLifeDays),
								planMoves, extras, from);
						double[][] values = new double[candidates.size()][];
						for (int c = 0; c < values.length; c++) {
							values[c] = UpgradeRanker.values(candidates.get(c).plan(), context);
						}
						visitor.visit(basket, new Move(basket.customer(), from, basket.segment(), candidates, values));
					}
				}
			}
			for (int i = start; i < end; i++) {
				Basket basket = chronological.get(i);
				planMoves.add(basket.customer(), basket.segment());
				if (basket.segment() != 0) {
					seen.add(basket.segment());
				}
				histories.computeIfAbsent(basket.customer(), customer -> new ArrayList<>()).add(basket);
			}
			start = end;
		}
	}

}
