package io.nextbox.recommendation.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one customer buys, weighted by recency: for each item, the time-decayed share of their baskets that held
 * it (1.0 = every basket, recently). Research on repeat-purchase data finds this simple signal hard to beat
 * (Hu et al., TIFU-KNN, 2020; Li et al., A Next Basket Recommendation Reality Check, 2023).
 */
public final class Profile {

	/** A basket this many days old counts half as much as one from today, unless the blend says otherwise. */
	public static final double HALF_LIFE_DAYS = 120;

	private final Map<Integer, Double> shares;

	private final int baskets;

	private Profile(Map<Integer, Double> shares, int baskets) {
		this.shares = shares;
		this.baskets = baskets;
	}

	public static Profile of(List<Basket> history, int today) {
		return of(history, today, HALF_LIFE_DAYS);
	}

	public static Profile of(List<Basket> history, int today, double halfLifeDays) {
		Map<Integer, Double> weights = new HashMap<>();
		double total = 0;
		for (Basket basket : history) {
			double weight = Math.pow(0.5, Math.max(0, today - basket.day()) / halfLifeDays);
			total += weight;
			for (int item : basket.items()) {
				weights.merge(item, weight, Double::sum);
			}
		}
		if (total > 0) {
			double sum = total;
			weights.replaceAll((item, weight) -> weight / sum);
		}
		return new Profile(weights, history.size());
	}

	public double share(int item) {
		return shares.getOrDefault(item, 0.0);
	}

	public Map<Integer, Double> shares() {
		return shares;
	}

	public int baskets() {
		return baskets;
	}

	public boolean isEmpty() {
		return baskets == 0;
	}

}
