package io.nextbox.recommendation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.nextbox.catalog.PlanSummary;
import io.nextbox.catalog.ProductSummary;
import io.nextbox.recommendation.engine.Basket;
import io.nextbox.recommendation.engine.Blend;
import io.nextbox.recommendation.engine.Profile;
import io.nextbox.recommendation.engine.Signals;

/** One sentence a person can read, from the part of the score that weighs most. */
final class Reasons {

	/** How many recent boxes "your last boxes" counts. */
	static final int RECENT_BOXES = 6;

	private Reasons() {
	}

	static String forAddOn(ProductSummary product, Signals signals, RecommendationModel model, Profile profile,
			PlanSummary plan, Map<Long, ProductSummary> products, List<Basket> history) {
		Blend blend = model.blend();
		double repeat = blend.repeat() * signals.repeat();
		double complement = blend.complement() * signals.complement();
		double popularity = blend.popularity() * signals.popularity();
		Integer item = model.item(product.id());
		if (item != null && repeat > 0 && repeat >= complement && repeat >= popularity) {
			List<Basket> recent = history.subList(Math.max(0, history.size() - RECENT_BOXES), history.size());
			long holding = recent.stream().filter(basket -> contains(basket.items(), item)).count();
			if (holding > 0) {
				return String.format(Locale.ENGLISH, "You added %s to %d of your last %d boxes.", product.name(),
						holding, recent.size());
			}
			return String.format(Locale.ENGLISH, "You have added %s before.", product.name());
		}
		if (signals.because() != Signals.NO_ITEM && complement > 0 && complement >= popularity) {
			ProductSummary because = products.get(model.productOf(signals.because()));
			if (because != null) {
				return String.format(Locale.ENGLISH, "Subscribers who get %s often add %s.", because.name(),
						product.name());
			}
		}
		return String.format(Locale.ENGLISH, "Popular with %s subscribers.", plan.name());
	}

	static String forUpgrade(PlanSummary plan, PlanSummary target, double transition, ProductSummary fitProduct,
			double fit) {
		if (fitProduct != null && fit >= transition) {
			return String.format(Locale.ENGLISH, "You often add %s, and %s includes it.", fitProduct.name(),
					target.name());
		}
		if (transition > 0) {
			return String.format(Locale.ENGLISH, "%d%% of %s subscribers moved up to %s.",
					Math.max(1, Math.round(transition * 100)), plan.name(), target.name());
		}
		return String.format(Locale.ENGLISH, "%s puts more in every box.", target.name());
	}

	private static boolean contains(int[] items, int item) {
		for (int candidate : items) {
			if (candidate == item) {
				return true;
			}
		}
		return false;
	}

}
