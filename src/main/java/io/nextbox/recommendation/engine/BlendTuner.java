package io.nextbox.recommendation.engine;

import java.util.List;

/**
 * Chooses the blend on a validation split instead of by hand: every half-life the points were scored with, times
 * a grid over the simplex of weights (tenths, then twentieths around the best); the best NDCG@k wins, ties keep the
 * earlier, more repeat-heavy blend.
 */
public final class BlendTuner {

	/** Weights are tried in tenths first, then in twentieths around the best tenth. */
	private static final int COARSE = 10;

	private static final int FINE = 20;

	/** The half-lives tried, in days; the last is as good as no fading at all. */
	static final double[] HALF_LIVES = { 30, 90, Profile.HALF_LIFE_DAYS, 365, 100_000 };

	private BlendTuner() {
	}

	static Blend tune(List<RankingPoint> validation, int k) {
		if (validation.isEmpty()) {
			return Blend.DEFAULT;
		}
		Best best = new Best();
		for (double halfLife : validation.get(0).halfLives()) {
			for (int repeat = COARSE; repeat >= 0; repeat--) {
				for (int complement = COARSE - repeat; complement >= 0; complement--) {
					best.consider(validation, k, repeat * FINE / COARSE, complement * FINE / COARSE, halfLife);
				}
			}
		}
		Blend coarse = best.blend;
		int repeatAt = (int) Math.round(coarse.repeat() * FINE);
		int complementAt = (int) Math.round(coarse.complement() * FINE);
		for (int repeat = repeatAt + 2; repeat >= repeatAt - 2; repeat--) {
			for (int complement = complementAt + 2; complement >= complementAt - 2; complement--) {
				if (repeat >= 0 && complement >= 0 && repeat + complement <= FINE) {
					best.consider(validation, k, repeat, complement, coarse.halfLifeDays());
				}
			}
		}
		return best.blend;
	}

	/** The best blend seen so far. */
	private static final class Best {

		private Blend blend = Blend.DEFAULT;

		private double ndcg = -1;

		void consider(List<RankingPoint> validation, int k, int repeat, int complement, double halfLife) {
			Blend candidate = new Blend((double) repeat / FINE, (double) complement / FINE,
					(double) (FINE - repeat - complement) / FINE, halfLife);
			Metrics metrics = new Metrics();
			for (RankingPoint point : validation) {
				metrics.add(point.rank(candidate, k), point.truth(), k);
			}
			if (metrics.ndcg() > ndcg + 1e-12) {
				ndcg = metrics.ndcg();
				blend = candidate;
			}
		}

	}

}
