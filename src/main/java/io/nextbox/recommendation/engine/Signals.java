package io.nextbox.recommendation.engine;

/**
 * Why an item fits a customer, each part a probability-like number in [0, 1]:
 * {@code repeat} their own recency-weighted rate of buying it, {@code complement} how often it goes with what they
 * buy, {@code popularity} how often customers like them (same plan) buy it. {@code because} is the item that
 * contributes most to the complement, for the reason shown to a person.
 */
public record Signals(double repeat, double complement, double popularity, int because) {

	public static final int NO_ITEM = -1;

	/** An item the history never saw: nothing speaks for it. */
	public static final Signals NONE = new Signals(0, 0, 0, NO_ITEM);

	public static Signals of(Profile profile, BasketStats stats, int item, int segment) {
		double weighted = 0;
		double weights = 0;
		double strongest = 0;
		int because = NO_ITEM;
		for (var entry : profile.shares().entrySet()) {
			int context = entry.getKey();
			if (context == item) {
				continue;
			}
			double probability = stats.conditional(item, context);
			weighted += entry.getValue() * probability;
			weights += entry.getValue();
			if (entry.getValue() * probability > strongest) {
				strongest = entry.getValue() * probability;
				because = context;
			}
		}
		return new Signals(profile.share(item), weights == 0 ? 0 : weighted / weights,
				stats.popularity(item, segment), because);
	}

}
