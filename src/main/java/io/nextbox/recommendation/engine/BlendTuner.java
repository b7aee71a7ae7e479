package io.nextbox.recommendation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses the blend on a validation split instead of by hand: every half-life the points were scored with, times
 * a grid over the simplex of the weights of {@link Signal#ADD_ONS} (tenths, then twentieths around the best); the
 * best NDCG@k wins, ties keep the earlier blend, which weighs the first signals (repeat first) more.
 */
public final class BlendTuner {

	/** Weights are tried in tenths first, then in twentieths around the best tenth. */
	private static final int COARSE = 10;

	private static final int FINE = 20;

	/** How many twentieths around the best tenth each weight is moved. */
	private static final int FINE_REACH = 2;

	/** The half-lives tried, in days; the last is as good as no fading at all. */
	static final double[] HALF_LIVES = { 30, 90, Profile.HALF_LIFE_DAYS, 365, 100_000 };

	private BlendTuner() {
	}

	static Blend tune(List<RankingPoint> validation, int k) {
		if (validation.isEmpty()) {
			return Blend.DEFAULT;
		}
		int signals = Signal.ADD_ONS.size();
		Best best = new Best();
		for (double halfLife : validation.get(0).halfLives()) {
			for (int[] parts : compositions(signals, COARSE)) {
				best.consider(validation, k, scaled(parts, FINE / COARSE), halfLife);
			}
		}
		int[] coarse = new int[signals];
		for (int i = 0; i < signals; i++) {
			coarse[i] = (int) Math.round(best.blend.weight(i) * FINE);
		}
		double halfLife = best.blend.halfLifeDays();
		for (int[] parts : around(coarse, FINE_REACH, FINE)) {
			best.consider(validation, k, parts, halfLife);
		}
		return best.blend;
	}

	/** Every way to share {@code total} among {@code n} weights, the first weight largest first. */
	static List<int[]> compositions(int n, int total) {
		List<int[]> all = new ArrayList<>();
		compose(new int[n], 0, total, all);
		return all;
	}

	private static void compose(int[] parts, int index, int left, List<int[]> all) {
		if (index == parts.length - 1) {
			parts[index] = left;
			all.add(parts.clone());
			return;
		}
		for (int part = left; part >= 0; part--) {
			parts[index] = part;
			compose(parts, index + 1, left - part, all);
		}
	}

	/** The weights near {@code centre}: each but the last moved by up to {@code reach}, the last taking the rest. */
	private static List<int[]> around(int[] centre, int reach, int total) {
		List<int[]> near = new ArrayList<>();
		aroundFrom(centre, reach, total, new int[centre.length], 0, 0, near);
		return near;
	}

	private static void aroundFrom(int[] centre, int reach, int total, int[] parts, int index, int used,
			List<int[]> near) {
		if (index == parts.length - 1) {
			if (total - used >= 0) {
				parts[index] = total - used;
				near.add(parts.clone());
			}
			return;
		}
		for (int part = centre[index] + reach; part >= centre[index] - reach; part--) {
			if (part >= 0 && used + part <= total) {
				parts[index] = part;
				aroundFrom(centre, reach, total, parts, index + 1, used + part, near);
			}
		}
	}

	private static int[] scaled(int[] parts, int factor) {
		return Arrays.stream(parts).map(part -> part * factor).toArray();
	}

	/** The best blend seen so far. */
	private static final class Best {

		private Blend blend = Blend.DEFAULT;

		private double ndcg = -1;

		void consider(List<RankingPoint> validation, int k, int[] twentieths, double halfLife) {
			List<Double> weights = Arrays.stream(twentieths).mapToObj(part -> (double) part / FINE).toList();
			Blend candidate = new Blend(weights, halfLife);
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
