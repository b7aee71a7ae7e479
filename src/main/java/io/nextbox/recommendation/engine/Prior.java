package io.nextbox.recommendation.engine;

import java.util.Map;

/**
 * A fair start for an item with little history of its own, from what the customer already likes. Each of its signals
 * is lifted, never lowered, to at least {@code ν × fit ×} the share-weighted mean of that signal over the customer's
 * own items of the same category, where {@code fit = 1 / (1 + |ln(price / typical)| / 3)} says how near its price is
 * to what the customer usually gets, and {@code ν = }{@value #ITEM_BASKETS}{@code  / (}{@value #ITEM_BASKETS}{@code
 *  + baskets holding the item)}: a product never sold starts where the customer's other teas stand (ν = 1), one in
 * 20 baskets at half that, and as the item gathers history its own signals take over. So the prior speaks in the
 * blend's own units, weighed by the tuned weights; a customer who never buys the category gives it nothing; and an
 * item's own evidence is never pulled down. Where the category is unknown (a CSV history) nothing moves.
 */
public final class Prior {

	/** How many baskets holding an item make its own signals count half. */
	public static final double ITEM_BASKETS = 20;

	/** How far (in log price) a price may stray before the fit halves: a price twice the typical keeps 0.81. */
	static final double PRICE_TOLERANCE = 3;

	private Prior() {
	}

	static Signals apply(int item, Facts facts, double[] own, Ranker.Context context) {
		if (!facts.knowsCategory()) {
			return new Signals(own, own, 0);
		}
		int seen = item == Signals.NO_ITEM ? 0 : context.stats().baskets(item);
		double share = ITEM_BASKETS / (ITEM_BASKETS + seen);
		double[] category = context.categorySignals(facts.category());
		double fit = priceFit(facts, context.profile());
		double[] values = new double[own.length];
		for (int i = 0; i < own.length; i++) {
			values[i] = Math.max(own[i], share * fit * category[i]);
		}
		return new Signals(values, own, share);
	}

	/** The share-weighted mean of the own signals of the customer's items of the category (zeros if none). */
	static double[] categorySignals(int category, Ranker.Context context) {
		double[] mean = new double[Signal.ADD_ONS.size()];
		double weights = 0;
		for (Map.Entry<Integer, Double> entry : context.profile().shares().entrySet()) {
			if (context.facts().of(entry.getKey()).category() == category) {
				double[] own = Signals.own(entry.getKey(), context);
				for (int i = 0; i < mean.length; i++) {
					mean[i] += entry.getValue() * own[i];
				}
				weights += entry.getValue();
			}
		}
		if (weights > 0) {
			for (int i = 0; i < mean.length; i++) {
				mean[i] /= weights;
			}
		}
		return mean;
	}

	static double priceFit(Facts facts, Profile profile) {
		double typical = profile.typicalLogPrice();
		if (!facts.knowsPrice() || Double.isNaN(typical)) {
			return 1;
		}
		return 1 / (1 + Math.abs(Math.log(facts.price()) - typical) / PRICE_TOLERANCE);
	}

}
