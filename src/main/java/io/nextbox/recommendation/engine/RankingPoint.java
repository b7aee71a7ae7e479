package io.nextbox.recommendation.engine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.IntStream;

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
		double[] scores = new double[candidates.length];
		for (int i = 0; i < candidates.length; i++) {
			scores[i] = blend.score(signals[variant][i]);
		}
		return IntStream.range(0, candidates.length)
			.boxed()
			.sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> candidates[i]))
			.limit(k)
			.mapToInt(i -> candidates[i])
			.toArray();
	}

	@Override
	public String toString() {
		return "RankingPoint" + Arrays.toString(candidates);
	}

}
