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

	private final double typicalLogPrice;

	private Profile(Map<Integer, Double> shares, int baskets, double typicalLogPrice) {
		this.shares = shares;
		this.baskets = baskets;
		this.typicalLogPrice = typicalLogPrice;
	}

	public static Profile of(List<Basket> history, int today) {
		return of(history, today, HALF_LIFE_DAYS);
	}

	public static Profile of(List<Basket> history, int today, double halfLifeDays) {
		return of(history, today, halfLifeDays, ItemFacts.NONE);
	}

	/** The same, and with the typical price of what the customer gets (mean log price, weighed by share). */
	public static Profile of(List<Basket> history, int today, double halfLifeDays, ItemFacts facts) {
		Map<Integer, Double> weights = new HashMap<>();
		double total = 0;
		for (Basket basket : history) {
			double weight = Math.pow(0.5, Math.max(0, today - basket.day()) / halfLifeDays);
			total += weight;
			for (int item : basket.items()) {
				weights.merge(item, weight, Double::sum);
			}
		}
		double logPrices = 0;
		double priced = 0;
		if (total > 0) {
			double sum = total;
			weights.replaceAll((item, weight) -> weight / sum);
			for (Map.Entry<Integer, Double> entry : weights.entrySet()) {
				Facts item = facts.of(entry.getKey());
				if (item.knowsPrice()) {
					logPrices += entry.getValue() * Math.log(item.price());
					priced += entry.getValue();
				}
			}
		}
		return new Profile(weights, history.size(), priced == 0 ? Double.NaN : logPrices / priced);
	}

	public double share(int item) {
		return shares.getOrDefault(item, 0.0);
	}

	public Map<Integer, Double> shares() {
		return shares;
	}

	/** The mean log price of what the customer gets, each item weighed by its share; NaN when no price is known. */
	public double typicalLogPrice() {
		return typicalLogPrice;
	}

	public int baskets() {
		return baskets;
	}

	public boolean isEmpty() {
		return baskets == 0;
	}

}
