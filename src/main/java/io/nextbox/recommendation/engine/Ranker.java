package io.nextbox.recommendation.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

	/**
	 * One thing that may be ranked: an item ({@link Signals#NO_ITEM} for one the history never saw), what its
	 * score is multiplied by, and the tie-breaks (a merchant's priority, then {@code order}).
	 */
	public record Candidate(int item, double boost, int priority, long order) {

		/** An item ranked on its signals alone, ties going to the smaller item id. */
		public static Candidate of(int item) {
			return new Candidate(item, 1, 0, item);
		}

	}

	/** A candidate with its signals and score. */
	public record Scored(Candidate candidate, Signals signals, double score) {

		public int item() {
			return candidate.item();
		}

	}

	/** The context a candidate is scored in: the customer's faded history and their segment. */
	public record Context(Profile profile, BasketStats stats, int segment) {
	}

	public static Scored score(Candidate candidate, Context context, Blend blend) {
		Signals signals = signals(candidate.item(), context);
		return new Scored(candidate, signals, blend.score(signals) * candidate.boost());
	}

	public static Signals signals(int item, Context context) {
		return item == Signals.NO_ITEM ? Signals.NONE : Signals.of(item, context);
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
