package io.nextbox.recommendation.engine;

import java.util.Arrays;
import java.util.Set;

/**
 * One customer's candidates at one moment, with their signals under each half-life tried, and the items they
 * really bought next.
 */
record RankingPoint(int[] candidates, double[] halfLives, Signals[][] signals, Set<Integer> truth) {

	RankingPoint(int[] candidates, Signals[] signals, Set<Integer> truth) {
		this(candidates, new double[] { Profile.HALF_LIFE_DAYS }, new Signals[][] { signals }, truth);
	}

	int[] rank(Blend blend, int k) {
		int variant = 0;
		for (int i = 0; i < halfLives.length; i++) {
			if (halfLives[i] == blend.halfLifeDays()) {
				variant = i;
			}
		}
		Signals[] scored = signals[variant];
		int size = Math.min(k, candidates.length);
		int[] top = new int[size];
		double[] topScores = new double[size];
		int filled = 0;
		for (int i = 0; i < candidates.length; i++) {
			double score = blend.score(scored[i]);
			int position = filled;
			while (position > 0 && better(score, candidates[i], topScores[position - 1], top[position - 1])) {
				position--;
			}
			if (position < size) {
				int last = Math.min(filled, size - 1);
				System.arraycopy(top, position, top, position + 1, last - position);
				System.arraycopy(topScores, position, topScores, position + 1, last - position);
				top[position] = candidates[i];
				topScores[position] = score;
				filled = Math.min(filled + 1, size);
			}
		}
		return top;
	}

	/** Higher score first; equal scores go to the smaller item id, so rankings repeat. */
	private static boolean better(double score, int item, double otherScore, int otherItem) {
		return score > otherScore || (score == otherScore && item < otherItem);
	}

	@Override
	public String toString() {
		return "RankingPoint" + Arrays.toString(candidates);
	}

}
