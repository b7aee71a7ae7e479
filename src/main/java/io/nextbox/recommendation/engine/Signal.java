package io.nextbox.recommendation.engine;

import java.util.List;

/**
 * One reason an item may fit a customer, a number in [0, 1]. The ranker scores with {@link #ADD_ONS}, each weighed
 * by its weight in the {@link Blend}, and the tuner walks the same list: adding a signal is one class here plus its
 * place in the list (and a {@code preview.signal.<name>} message for the merchant's preview).
 */
public interface Signal {

	/** The signals every candidate is scored on, in the order of a blend's weights. */
	List<Signal> ADD_ONS = List.of(new Repeat(), new Complement(), new Popularity());

	String name();

	double value(int item, Ranker.Context context);

	/** The customer's own recency-weighted share of baskets holding the item. */
	record Repeat() implements Signal {

		@Override
		public String name() {
			return "repeat";
		}

		@Override
		public double value(int item, Ranker.Context context) {
			return context.profile().share(item);
		}

	}

	/** How often the item goes with what the customer buys: shrunk conditional probabilities, weighted by share. */
	record Complement() implements Signal {

		@Override
		public String name() {
			return "complement";
		}

		@Override
		public double value(int item, Ranker.Context context) {
			if (item == Signals.NO_ITEM) {
				return 0;
			}
			double weighted = 0;
			double weights = 0;
			for (var entry : context.profile().shares().entrySet()) {
				if (entry.getKey() != item) {
					weighted += entry.getValue() * context.stats().conditional(item, entry.getKey());
					weights += entry.getValue();
				}
			}
			return weights == 0 ? 0 : weighted / weights;
		}

	}

	/** How often customers like this one (same segment, that is plan) buy the item. */
	record Popularity() implements Signal {

		@Override
		public String name() {
			return "popularity";
		}

		@Override
		public double value(int item, Ranker.Context context) {
			return item == Signals.NO_ITEM ? 0 : context.stats().popularity(item, context.segment());
		}

	}

}
