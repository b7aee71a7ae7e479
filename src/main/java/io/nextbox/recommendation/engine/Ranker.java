package io.nextbox.recommendation.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one ranker: candidates, one customer's context (their profile and segment) and what the store's baskets say
 * give a scored list, best first, each with the signals behind its score. The portal ranks live offers through it,
 * {@code evaluate} and the tuner every product of the history, so what is measured is what serves.
 */
public final class Ranker {

	/** Highest score first, then the higher priority, then the smaller {@code order}: rankings repeat. */
	private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score)
		.reversed()
		.thenComparing(Comparator.comparingInt((Scored scored) -> scored.candidate().priority()).reversed())
		.thenComparingLong(scored -> scored.candidate().order());

	private Ranker() {
	}

	/** The most a merchant's priority (-100 to 100) adds to or takes from a score: priority 100 adds 0.10. */
	public static final double MAX_PRIORITY_LIFT = 0.10;

	/**
	 * One thing that may be ranked: an item ({@link Signals#NO_ITEM} for one the history never saw), what the
	 * catalogue says of it ({@link Facts#UNKNOWN}: what the context knows of the item), what is added to its blended
	 * score (a merchant's priority, the offer's exploration), and the tie-breaks (priority, then {@code order}).
	 */
	public record Candidate(int item, Facts facts, double lift, int priority, long order) {

		/** An item ranked on its signals alone, ties going to the smaller item id. */
		public static Candidate of(int item) {
			return new Candidate(item, Facts.UNKNOWN, 0, 0, item);
		}

	}

	/**
	 * What a merchant's priority adds to a score: {@code priority / 100 × }{@value #MAX_PRIORITY_LIFT}, bounded, so
	 * it lifts an offer nothing speaks for above zero but never above a real habit.
	 */
	public static double priorityLift(int priority) {
		return MAX_PRIORITY_LIFT * Math.max(-100, Math.min(100, priority)) / 100.0;
	}

	/** A candidate with its signals and score. */
	public record Scored(Candidate candidate, Signals signals, double score) {

		public int item() {
			return candidate.item();
		}

	}

	/**
	 * The context a candidate is scored in: the customer's faded history, their segment and what the catalogue says
	 * of the items (for the {@link Prior}). Remembers each category's mean signals once worked out: one per ranking.
	 */
	public static final class Context {

		private final Profile profile;

		private final BasketStats stats;

		private final int segment;

		private final ItemFacts facts;

		private final Map<Integer, double[]> categorySignals = new HashMap<>();

		public Context(Profile profile, BasketStats stats, int segment, ItemFacts facts) {
			this.profile = profile;
			this.stats = stats;
			this.segment = segment;
			this.facts = facts;
		}

		/** A context without a catalogue: no prior. */
		public Context(Profile profile, BasketStats stats, int segment) {
			this(profile, stats, segment, ItemFacts.NONE);
		}

		public Profile profile() {
			return profile;
		}

		public BasketStats stats() {
			return stats;
		}

		public int segment() {
			return segment;
		}

		public ItemFacts facts() {
			return facts;
		}

		double[] categorySignals(int category) {
			return categorySignals.computeIfAbsent(category, key -> Prior.categorySignals(key, this));
		}

	}

	public static Scored score(Candidate candidate, Context context, Blend blend) {
		Facts facts = candidate.facts().knowsCategory() ? candidate.facts() : context.facts().of(candidate.item());
		Signals signals = Signals.of(candidate.item(), facts, context);
		return new Scored(candidate, signals, blend.score(signals) + candidate.lift());
	}

	public static Signals signals(int item, Context context) {
		return Signals.of(item, context);
	}

	public static List<Scored> rank(List<Candidate> candidates, Context context, Blend blend) {
		List<Scored> scored = new ArrayList<>(candidates.size());
		for (Candidate candidate : candidates) {
			scored.add(score(candidate, context, blend));
		}
		scored.sort(BEST_FIRST);
		return scored;
	}

	/** The items of a ranking, at most {@code k}. */
	public static int[] top(List<Scored> ranked, int k) {
		return ranked.stream().limit(k).mapToInt(Scored::item).toArray();
	}

}
