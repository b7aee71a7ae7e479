package io.nextbox.recommendation.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one ranker of plan changes: candidate plans, one customer's context (their faded history, their plan) and
 * the store's plan moves give a scored list, best first. The portal ranks its upgrade offers through it, the
 * upgrade tuner and {@code evaluate} every plan of the history, so what is measured is what serves.
 */
public final class UpgradeRanker {

	private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score)
		.reversed()
		.thenComparing(Comparator.comparingInt((Scored scored) -> scored.candidate().priority()).reversed())
		.thenComparingLong(scored -> scored.candidate().order());

	private UpgradeRanker() {
	}

	/**
	 * A plan that may be ranked (its segment), what is added to its score (the merchant's bounded priority and this
	 * ranking's exploration draw, as for add-ons: {@link Ranker.Candidate#lift()}), and the tie-breaks.
	 */
	public record Candidate(int plan, double lift, int priority, long order) {

		/** A plan ranked on its signals alone, ties going to the smaller plan. */
		public static Candidate of(int plan) {
			return new Candidate(plan, 0, 0, plan);
		}

	}

	/** A candidate with its signals' values (in the order of {@link UpgradeSignal#ALL}) and score. */
	public record Scored(Candidate candidate, double[] values, double score) {

		public int plan() {
			return candidate.plan();
		}

		public double value(String name) {
			for (int i = 0; i < values.length; i++) {
				if (UpgradeSignal.ALL.get(i).name().equals(name)) {
					return values[i];
				}
			}
			return 0;
		}

		/** Each signal's name with its value, in the list's order. */
		public Map<String, Double> byName() {
			Map<String, Double> named = new LinkedHashMap<>();
			for (int i = 0; i < values.length; i++) {
				named.put(UpgradeSignal.ALL.get(i).name(), values[i]);
			}
			return named;
		}

	}

	/** The items a target plan includes beyond the customer's plan. */
	@FunctionalInterface
	public interface Extras {

		Extras NONE = (from, to) -> new int[0];

		int[] of(int from, int to);

	}

	/** What a candidate is scored in: the customer's faded history, the store's moves, plan contents, their plan. */
	public record Context(Profile profile, PlanMoves moves, Extras extras, int plan) {
	}

	public static double[] values(int target, Context context) {
		double[] values = new double[UpgradeSignal.ALL.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = UpgradeSignal.ALL.get(i).value(target, context);
		}
		return values;
	}

	public static Scored score(Candidate candidate, Context context, UpgradeWeights weights) {
		return ranked(List.of(candidate), new double[][] { values(candidate.plan(), context) }, weights).get(0);
	}

	public static List<Scored> rank(List<Candidate> candidates, Context context, UpgradeWeights weights) {
		double[][] values = new double[candidates.size()][];
		for (int i = 0; i < values.length; i++) {
			values[i] = values(candidates.get(i).plan(), context);
		}
		return ranked(candidates, values, weights);
	}

	/** The candidates scored on their signals' values already known (the tuner's), best first. */
	public static List<Scored> ranked(List<Candidate> candidates, double[][] values, UpgradeWeights weights) {
		List<Scored> scored = new ArrayList<>(candidates.size());
		for (int i = 0; i < values.length; i++) {
			Candidate candidate = candidates.get(i);
			scored.add(new Scored(candidate, values[i], weights.score(values[i]) + candidate.lift()));
		}
		scored.sort(BEST_FIRST);
		return scored;
	}

}
