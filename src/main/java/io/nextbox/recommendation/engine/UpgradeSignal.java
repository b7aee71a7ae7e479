package io.nextbox.recommendation.engine;

import java.util.List;

/**
 * One reason a bigger plan may fit a customer, a number in [0, 1]. Upgrades are scored with {@link #ALL}, each
 * weighed by its weight in the {@link UpgradeWeights}, and the tuner walks the same list, as for add-ons
 * ({@link Signal}): adding one is one class here plus its place in the list.
 */
public interface UpgradeSignal {

	/** The signals every candidate plan is scored on, in the order of the weights. */
	List<UpgradeSignal> ALL = List.of(new Transition(), new Fit());

	String name();

	double value(int target, UpgradeRanker.Context context);

	/** Of the customers who were ever on the customer's plan, the share who moved straight on to the target. */
	record Transition() implements UpgradeSignal {

		@Override
		public String name() {
			return "transition";
		}

		@Override
		public double value(int target, UpgradeRanker.Context context) {
			return context.moves().rate(context.plan(), target);
		}

	}

	/** How often the customer already gets what the target includes beyond their plan: its best such item's share. */
	record Fit() implements UpgradeSignal {

		@Override
		public String name() {
			return "fit";
		}

		@Override
		public double value(int target, UpgradeRanker.Context context) {
			int item = bestExtra(target, context);
			return item == Signals.NO_ITEM ? 0 : context.profile().share(item);
		}

		/** The item the target includes beyond the customer's plan that the customer gets most, or none. */
		public static int bestExtra(int target, UpgradeRanker.Context context) {
			int best = Signals.NO_ITEM;
			double bestShare = 0;
			for (int item : context.extras().of(context.plan(), target)) {
				double share = context.profile().share(item);
				if (share > bestShare || (share == bestShare && share > 0 && item < best)) {
					bestShare = share;
					best = item;
				}
			}
			return best;
		}

	}

}
