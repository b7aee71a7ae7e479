package io.nextbox.recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.nextbox.catalog.PlanSummary;
import io.nextbox.catalog.ProductCategory;
import io.nextbox.catalog.ProductSummary;
import io.nextbox.recommendation.engine.Basket;
import io.nextbox.recommendation.engine.BasketStats;
import io.nextbox.recommendation.engine.Blend;
import io.nextbox.recommendation.engine.Profile;
import io.nextbox.recommendation.engine.Signal;
import io.nextbox.recommendation.engine.Signals;

/**
 * One true sentence a person can read. It names only a part that carried at least {@link #REAL_SHARE} of the score
 * (the largest such part first), and "Subscribers who get X often add Y" only for an X the subscriber gets that
 * was bought together with Y in at least {@link #OFTEN} boxes, saying in how many. What the merchant's priority and
 * the exploration add is part of the score but never a reason: it only makes the signals' shares smaller. The prior
 * says how many of the subscriber's recent boxes held the product's category, when at least {@link #OFTEN} did.
 */
final class Reasons {

	/** How many recent boxes "your last boxes" counts. */
	static final int RECENT_BOXES = 6;

	/** The share of the score a part must carry to be named. */
	static final double REAL_SHARE = 0.25;

	/** How many boxes must have held both X and Y before "often" is said. */
	static final int OFTEN = 3;

	private Reasons() {
	}

	private record Share(String signal, double value) {
	}

	/**
	 * The reason for an add-on whose blended signals are {@code signals} and to whose score priority and exploration
	 * added {@code lift}.
	 */
	static String forAddOn(ProductSummary product, Signals signals, double lift, RecommendationModel model,
			Profile profile, PlanSummary plan, Map<Long, ProductSummary> products, List<Basket> history) {
		Integer item = model.item(product.id());
		if (item == null) {
			return String.format(Locale.ENGLISH, "New in the shop: %s.", product.name());
		}
		for (Share share : realShares(model.blend(), signals, Math.max(0, lift))) {
			String reason = switch (share.signal()) {
				case "repeat" -> repeat(product, item, history);
				case "complement" -> complement(product, item, model, profile, products);
				case "popularity" -> String.format(Locale.ENGLISH, "Popular with %s subscribers.", plan.name());
				case "prior" -> category(product, model, products, history);
				default -> null;
			};
			if (reason != null) {
				return reason;
			}
		}
		return String.format(Locale.ENGLISH, "%s, for your next box.", product.name());
	}

	static String forUpgrade(PlanSummary plan, PlanSummary target, double transitionPart, double transition,
			ProductSummary fitProduct, double fitPart) {
		double total = transitionPart + fitPart;
		boolean fitCarries = fitProduct != null && total > 0 && fitPart / total >= REAL_SHARE;
		boolean transitionCarries = transition > 0 && total > 0 && transitionPart / total >= REAL_SHARE;
		if (fitCarries && (fitPart >= transitionPart || !transitionCarries)) {
			return String.format(Locale.ENGLISH, "You often add %s, and %s includes it.", fitProduct.name(),
					target.name());
		}
		if (transitionCarries) {
			return String.format(Locale.ENGLISH, "%d%% of %s subscribers moved up to %s.",
					Math.max(1, Math.round(transition * 100)), plan.name(), target.name());
		}
		return String.format(Locale.ENGLISH, "%s puts more in every box.", target.name());
	}

	/**
	 * The parts carrying at least {@link #REAL_SHARE} of the score (with {@code lift} in it), largest first: each
	 * signal's part from the item's own history, and the prior's (what the item's category lent it).
	 */
	private static List<Share> realShares(Blend blend, Signals signals, double lift) {
		List<Share> shares = new ArrayList<>();
		double blended = blend.score(signals);
		double own = 0;
		for (int i = 0; i < Signal.ADD_ONS.size(); i++) {
			double part = blend.weight(i) * signals.own(i);
			shares.add(new Share(Signal.ADD_ONS.get(i).name(), part));
			own += part;
		}
		shares.add(new Share("prior", blended - own));
		double total = blended + lift;
		if (total <= 0) {
			return List.of();
		}
		double score = total;
		return shares.stream()
			.filter(share -> share.value() / score >= REAL_SHARE)
			.sorted(Comparator.comparingDouble(Share::value).reversed())
			.toList();
	}

	private static String repeat(ProductSummary product, int item, List<Basket> history) {
		List<Basket> recent = history.subList(Math.max(0, history.size() - RECENT_BOXES), history.size());
		long holding = recent.stream().filter(basket -> contains(basket.items(), item)).count();
		if (holding > 0) {
			return String.format(Locale.ENGLISH, "You added %s to %d of your last %d boxes.", product.name(), holding,
					recent.size());
		}
		return String.format(Locale.ENGLISH, "You have added %s before.", product.name());
	}

	/** The subscriber's item that the product goes with most, if they were really bought together often. */
	private static String complement(ProductSummary product, int item, RecommendationModel model, Profile profile,
			Map<Long, ProductSummary> products) {
		BasketStats stats = model.stats();
		int because = Signals.NO_ITEM;
		double strongest = 0;
		for (Map.Entry<Integer, Double> entry : profile.shares().entrySet()) {
			int context = entry.getKey();
			double weight = context == item ? 0 : entry.getValue() * stats.conditional(item, context);
			if (weight > strongest) {
				strongest = weight;
				because = context;
			}
		}
		if (because == Signals.NO_ITEM) {
			return null;
		}
		int together = stats.together(because, item);
		ProductSummary with = products.get(model.productOf(because));
		if (with == null || together < OFTEN) {
			return null;
		}
		return String.format(Locale.ENGLISH, "Subscribers who get %s often add %s: %d boxes held both.", with.name(),
				product.name(), together);
	}

	/** How many of the recent boxes held something of the product's category, when at least {@link #OFTEN} did. */
	private static String category(ProductSummary product, RecommendationModel model,
			Map<Long, ProductSummary> products, List<Basket> history) {
		List<Basket> recent = history.subList(Math.max(0, history.size() - RECENT_BOXES), history.size());
		long holding = recent.stream().filter(basket -> holdsCategory(basket, product.category(), model, products))
			.count();
		if (holding < OFTEN) {
			return null;
		}
		return String.format(Locale.ENGLISH, "%d of your last %d boxes held %s: try %s.", holding, recent.size(),
				product.category().name().toLowerCase(Locale.ENGLISH), product.name());
	}

	private static boolean holdsCategory(Basket basket, ProductCategory category, RecommendationModel model,
			Map<Long, ProductSummary> products) {
		for (int item : basket.items()) {
			ProductSummary held = products.get(model.productOf(item));
			if (held != null && held.category() == category) {
				return true;
			}
		}
		return false;
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
