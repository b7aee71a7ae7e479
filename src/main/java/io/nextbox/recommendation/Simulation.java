package io.nextbox.recommendation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import io.nextbox.ordering.PastOrder;
import io.nextbox.recommendation.engine.Exploration;
import io.nextbox.recommendation.engine.Facts;
import io.nextbox.recommendation.engine.Ranker;

/**
 * A shop of synthetic subscribers with hidden tastes, for the {@code simulate} command. Each subscriber likes one or
 * two of four categories; the chance they take a product shown to them is {@code TAKE × liking(category) ×
 * quality(product)}, which no policy sees. Their past boxes (ten weeks) are drawn from the same chances. Then a new,
 * good product is put on sale (never sold; the best of its category) and subscribers, drawn at random, open widgets
 * of {@value #CARDS} cards; each card is taken with its hidden chance, and each view's box (what was taken plus the
 * subscriber's habits) is learnt by the model as the portal learns orders. The policies:
 * <ul>
 * <li>{@code today}: the ranker as it was, the prior unknown (no facts, so the tuner gives it nothing), no
 * exploration;</li>
 * <li>{@code new}: the same {@link RecommendationModel} and {@link Ranker} with the products' facts (the prior) and
 * {@link Exploration} drawn per view from the offers' views and takes, re-read every {@value #REFRESH_VIEWS} views
 * as the portal re-reads them every minute;</li>
 * <li>{@code random}: four offers at random;</li>
 * <li>{@code oracle}: the four the subscriber is likeliest to take, from the hidden chances.</li>
 * </ul>
 */
final class Simulation {

	static final int CARDS = 4;

	static final int REFRESH_VIEWS = 50;

	static final int WARM_UP_VIEWS = 2_000;

	/** How many widget views the new product's share of impressions is measured over. */
	static final int FIRST_VIEWS = 1_000;

	private static final int CATEGORIES = 4;

	private static final int PER_CATEGORY = 6;

	private static final int HISTORY_WEEKS = 10;

	private static final double TAKE = 0.35;

	private static final double HABIT = 0.8;

	/** Each subscriber's plan is one of a plan per category, the category they like most (a tea plan for tea). */
	private final long[] plan;

	private static final LocalDate START = LocalDate.of(2026, 1, 1);

	enum Policy {
		TODAY, NEW, RANDOM, ORACLE
	}

	/** What one policy did over the run. */
	record Result(Policy policy, long views, long impressions, long takes, double revenuePerSubscriber,
			double regretPerView, double newOfferShare, String blend) {

		double takeRate() {
			return impressions == 0 ? 0 : (double) takes / impressions;
		}

	}

	private final int subscribers;

	private final int views;

	private final long seed;

	private final int products;

	private final long newProduct;

	private final double[][] chance;

	private final double[] price;

	private final int[] category;

	private final List<PastOrder> history = new ArrayList<>();

	/** What the offers on sale before the new one did: their views and takes under today's ranking. */
	private final Map<Exploration.Arm, long[]> warmUp = new HashMap<>();

	Simulation(int subscribers, int views, long seed) {
		this.subscribers = subscribers;
		this.views = views;
		this.seed = seed;
		this.products = CATEGORIES * PER_CATEGORY + 1;
		this.newProduct = products; // product ids 1..products; the last is the new one
		SplittableRandom world = new SplittableRandom(seed);
		this.category = new int[products + 1];
		this.price = new double[products + 1];
		double[] quality = new double[products + 1];
		for (int product = 1; product <= products; product++) {
			category[product] = (product - 1) % CATEGORIES;
			price[product] = Math.round(300 + world.nextDouble() * 1700) / 100.0;
			quality[product] = 0.15 + 0.6 * world.nextDouble();
		}
		quality[products] = 1.0;
		this.chance = new double[subscribers + 1][products + 1];
		this.plan = new long[subscribers + 1];
		for (int subscriber = 1; subscriber <= subscribers; subscriber++) {
			double[] liking = new double[CATEGORIES];
			Arrays.fill(liking, 0.08);
			int favourite = world.nextInt(CATEGORIES);
			liking[favourite] = 1;
			plan[subscriber] = 1 + favourite;
			if (world.nextDouble() < 0.5) {
				liking[world.nextInt(CATEGORIES)] = 1;
			}
			for (int product = 1; product <= products; product++) {
				chance[subscriber][product] = TAKE * liking[category[product]] * quality[product];
			}
		}
		long orderId = 1;
		for (int week = 0; week < HISTORY_WEEKS; week++) {
			for (int subscriber = 1; subscriber <= subscribers; subscriber++) {
				List<Long> basket = habits(subscriber, world, Set.of(), false);
				if (!basket.isEmpty()) {
					history.add(new PastOrder(orderId++, subscriber, START.plusDays(week * 7L + subscriber % 7), plan[subscriber],
							basket));
				}
			}
		}
		warmUp(world);
	}

	/** The offers already on sale were shown for {@value #WARM_UP_VIEWS} views before the new one came. */
	private void warmUp(SplittableRandom world) {
		RecommendationModel model = RecommendationModel.built(history, Map.of(), Map.of(), List.of(),
				RecommendationService.TUNING_K);
		int today = (int) START.plusWeeks(HISTORY_WEEKS).toEpochDay();
		for (int view = 0; view < WARM_UP_VIEWS; view++) {
			int subscriber = 1 + world.nextInt(subscribers);
			Ranker.Context context = model.context(subscriber, plan[subscriber], today);
			List<Ranker.Candidate> candidates = new ArrayList<>(products);
			for (long product = 1; product < newProduct; product++) {
				candidates.add(model.offerCandidate(product, 0, product, Facts.UNKNOWN, 0));
			}
			Ranker.rank(candidates, context, model.blend()).stream().limit(CARDS).forEach(scored -> {
				long product = scored.candidate().order();
				long[] count = warmUp.computeIfAbsent(new Exploration.Arm(product, (int) plan[subscriber]), arm -> new long[2]);
				count[0]++;
				if (world.nextDouble() < chance[subscriber][(int) product]) {
					count[1]++;
				}
			});
		}
	}

	/**
	 * What a subscriber adds of their own accord: the products already on sale and the new one once they have taken
	 * it, each with its habit chance.
	 */
	private List<Long> habits(int subscriber, SplittableRandom random, Set<Long> taken, boolean knowsNew) {
		List<Long> basket = new ArrayList<>(taken);
		for (long product = 1; product <= (knowsNew ? newProduct : newProduct - 1); product++) {
			if (!taken.contains(product) && random.nextDouble() < HABIT * chance[subscriber][(int) product]) {
				basket.add(product);
			}
		}
		return basket;
	}

	List<Result> run() {
		List<Result> results = new ArrayList<>();
		for (Policy policy : Policy.values()) {
			results.add(run(policy));
		}
		return results;
	}

	Result run(Policy policy) {
		SplittableRandom who = new SplittableRandom(seed + 1);
		SplittableRandom takes = new SplittableRandom(seed + 2);
		SplittableRandom habits = new SplittableRandom(seed + 3);
		RandomGenerator draws = new SplittableRandom(seed + 4);
		Map<Long, Facts> facts = new HashMap<>();
		if (policy == Policy.NEW) {
			for (long product = 1; product <= products; product++) {
				facts.put(product, facts(product));
			}
		}
		RecommendationModel model = RecommendationModel.built(history, Map.of(), facts, List.of(),
				RecommendationService.TUNING_K);
		Map<Exploration.Arm, long[]> counts = new HashMap<>();
		warmUp.forEach((arm, count) -> counts.put(arm, count.clone()));
		Exploration exploration = Exploration.NONE;
		long orderId = history.size() + 1;
		int firstDay = (int) START.plusWeeks(HISTORY_WEEKS).toEpochDay();
		long impressions = 0;
		long taken = 0;
		double revenue = 0;
		double regret = 0;
		long newShown = 0;
		boolean[] discovered = new boolean[subscribers + 1];
		for (int view = 0; view < views; view++) {
			if (policy == Policy.NEW && view % REFRESH_VIEWS == 0) {
				Map<Exploration.Arm, Exploration.Outcome> outcomes = new HashMap<>();
				counts.forEach((arm, count) -> outcomes.put(arm, new Exploration.Outcome(count[0], count[1])));
				exploration = Exploration.of(outcomes);
			}
			int subscriber = 1 + who.nextInt(subscribers);
			int today = firstDay + view / 100;
			long[] shown = switch (policy) {
				case TODAY, NEW -> ranked(model, exploration, policy == Policy.NEW, subscriber, today, draws);
				case RANDOM -> random(draws);
				case ORACLE -> best(subscriber);
			};
			regret += Arrays.stream(best(subscriber)).mapToDouble(product -> chance[subscriber][(int) product]).sum();
			Set<Long> accepted = new java.util.LinkedHashSet<>();
			for (long product : shown) {
				double p = chance[subscriber][(int) product];
				regret -= p;
				impressions++;
				boolean take = takes.nextDouble() < p;
				long[] count = counts.computeIfAbsent(new Exploration.Arm(product, (int) plan[subscriber]), arm -> new long[2]);
				count[0]++;
				if (take) {
					count[1]++;
					taken++;
					revenue += price[(int) product];
					accepted.add(product);
				}
				if (product == newProduct && view < FIRST_VIEWS) {
					newShown++;
				}
			}
			if (accepted.contains(newProduct)) {
				discovered[subscriber] = true;
			}
			model.add(new PastOrder(orderId++, subscriber, LocalDate.ofEpochDay(today), plan[subscriber],
					habits(subscriber, habits, accepted, discovered[subscriber])));
		}
		return new Result(policy, views, impressions, taken, revenue / subscribers, Math.max(0, regret / views),
				(double) newShown / Math.min(views, FIRST_VIEWS), model.blend().toString());
	}

	/** The offers (one per product, priority 0) ranked as the portal ranks them, the top {@value #CARDS}. */
	private long[] ranked(RecommendationModel model, Exploration exploration, boolean withFacts, int subscriber,
			int today, RandomGenerator draws) {
		Ranker.Context context = model.context(subscriber, plan[subscriber], today);
		List<Ranker.Candidate> candidates = new ArrayList<>(products);
		for (long product = 1; product <= products; product++) {
			double lift = exploration.draw(product, (int) plan[subscriber], draws).lift();
			candidates.add(model.offerCandidate(product, 0, product, withFacts ? facts(product) : Facts.UNKNOWN, lift));
		}
		return Ranker.rank(candidates, context, model.blend()).stream().limit(CARDS)
			.mapToLong(scored -> scored.candidate().order()).toArray();
	}

	private Facts facts(long product) {
		return new Facts(category[(int) product], price[(int) product]);
	}

	private long[] random(RandomGenerator draws) {
		List<Long> all = new ArrayList<>();
		for (long product = 1; product <= products; product++) {
			all.add(product);
		}
		java.util.Collections.shuffle(all, new java.util.Random(draws.nextLong()));
		return all.stream().limit(CARDS).mapToLong(Long::longValue).toArray();
	}

	private long[] best(int subscriber) {
		List<Long> all = new ArrayList<>();
		for (long product = 1; product <= products; product++) {
			all.add(product);
		}
		all.sort(Comparator.comparingDouble((Long product) -> -chance[subscriber][product.intValue()])
			.thenComparing(product -> product));
		return all.stream().limit(CARDS).mapToLong(Long::longValue).toArray();
	}

	static String table(List<Result> results) {
		StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
				"%-8s %8s %12s %10s %22s %18s %26s%n", "policy", "views", "impressions", "take rate",
				"add-on revenue/subsc.", "regret per view", "new offer share, 1st 1,000"));
		for (Result result : results) {
			table.append(String.format(Locale.ROOT, "%-8s %8d %12d %10.4f %22.2f %18.4f %26.3f%n",
					result.policy().name().toLowerCase(Locale.ROOT), result.views(), result.impressions(),
					result.takeRate(), result.revenuePerSubscriber(), result.regretPerView(), result.newOfferShare()));
		}
		return table.toString();
	}

}
