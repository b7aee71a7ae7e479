package io.nextbox.recommendation.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Thompson sampling on what the offers really did. Each arm (an offer in one segment: a plan in the portal)
 * has a Beta posterior of its take rate from its views and takes, starting from the segment's pooled take rate
 * weighed as {@link #PRIOR_VIEWS} views. Each ranking draws a take rate from every arm and adds two parts, with
 * {@code w} the weight (0.1):
 * <ul>
 * <li><b>what the offer did</b>, {@code 2w × (mean / pooled − 1)}: an offer that converts better than its plan's
 * average is lifted, one that keeps failing (many views, no takes) sinks;</li>
 * <li><b>what is not known yet</b>, {@code w/2 × (draw − mean) / pooled}: the draw's spread, which shrinks as
 * {@code 1 / √views}, so a new offer is drawn high now and then whatever the history says of its product, while a
 * known offer's draw sits on its mean and it is ranked on what it did, not on noise.</li>
 * </ul>
 * The sum is bounded to {@code [−w, +1.5w]}. Immutable: the portal swaps in a new one when it re-reads the counts.
 */
public final class Exploration {

	/**
	 * The weight {@code w}: what exploration takes off at most (as much as priority 100 adds). Chosen with
	 * {@code simulate}, with the parts below.
	 */
	public static final double WEIGHT = 0.1;

	/**
	 * How much the posterior mean counts, in {@code w}: at 1 a new product far better than its plan's average was
	 * lifted too little to reach half the oracle's share on some seeds of {@code simulate}.
	 */
	static final double EXPLOIT = 2;

	/**
	 * How much the draw's spread counts, in {@code w}: at 1 and more the noise on the many offers with few views in a
	 * plan cost take rate; at 0.3 the new offer was shown too little.
	 */
	static final double EXPLORE = 0.5;

	/** The most exploration adds, in {@code w}; it takes off at most {@code w}. */
	public static final double MAX_LIFT = 1.5;

	/**
	 * How many views' worth of the pooled take rate an arm starts with: few, so a new offer's first draws are spread
	 * wide and its first takes count (20 showed the new offer a third as often in {@code simulate}).
	 */
	public static final double PRIOR_VIEWS = 5;

	/** The pooled take rate of a segment with no views yet. */
	static final double DEFAULT_TAKE_RATE = 0.05;

	public static final Exploration NONE = new Exploration(Map.of(), 0, PRIOR_VIEWS);

	private final Map<Arm, Outcome> outcomes;

	private final Map<Integer, Double> pooled = new HashMap<>();

	private final double weight;

	private final double priorViews;

	/** An offer in one segment. */
	public record Arm(long offer, int segment) {
	}

	/** How often an arm was seen and taken (takes never above views). */
	public record Outcome(long views, long takes) {

		public Outcome {
			takes = Math.max(0, Math.min(takes, views));
		}

	}

	/**
	 * One draw for one arm: the sampled take rate, the posterior mean, the segment's pooled rate, the counts behind
	 * them and what the draw adds to the score.
	 */
	public record Draw(double sampled, double mean, double pooled, long views, long takes, double lift) {
	}

	public Exploration(Map<Arm, Outcome> outcomes, double weight, double priorViews) {
		this.outcomes = Map.copyOf(outcomes);
		this.weight = weight;
		this.priorViews = priorViews;
		Map<Integer, long[]> sums = new HashMap<>();
		this.outcomes.forEach((arm, outcome) -> {
			long[] sum = sums.computeIfAbsent(arm.segment(), segment -> new long[2]);
			sum[0] += outcome.views();
			sum[1] += outcome.takes();
		});
		sums.forEach((segment, sum) -> pooled.put(segment,
				(sum[1] + DEFAULT_TAKE_RATE * priorViews) / (sum[0] + priorViews)));
	}

	public static Exploration of(Map<Arm, Outcome> outcomes) {
		return new Exploration(outcomes, WEIGHT, PRIOR_VIEWS);
	}

	public Exploration withWeight(double weight) {
		return new Exploration(outcomes, weight, priorViews);
	}

	public double weight() {
		return weight;
	}


	public Outcome outcome(long offer, int segment) {
		return outcomes.getOrDefault(new Arm(offer, segment), new Outcome(0, 0));
	}

	public double pooledRate(int segment) {
		return pooled.getOrDefault(segment, DEFAULT_TAKE_RATE);
	}

	/** A draw from the arm's posterior and what it adds to the offer's score. */
	public Draw draw(long offer, int segment, RandomGenerator random) {
		Outcome outcome = outcome(offer, segment);
		double rate = pooledRate(segment);
		double alpha = rate * priorViews + outcome.takes();
		double beta = (1 - rate) * priorViews + outcome.views() - outcome.takes();
		double mean = alpha / (alpha + beta);
		double sampled = beta(alpha, beta, mean, random);
		double lift = weight * Math.max(-1, Math.min(MAX_LIFT, EXPLOIT * (mean / rate - 1) + EXPLORE * (sampled - mean) / rate));
		return new Draw(sampled, mean, rate, outcome.views(), outcome.takes(), lift);
	}

	/** A Beta(alpha, beta) draw as the ratio of two Gamma draws. */
	static double beta(double alpha, double beta, double mean, RandomGenerator random) {
		double x = gamma(alpha, random);
		double y = gamma(beta, random);
		return x + y > 0 ? x / (x + y) : mean;
	}

	/** Marsaglia and Tsang's Gamma(shape, 1) sampler (2000), boosted for shapes below one. */
	static double gamma(double shape, RandomGenerator random) {
		if (shape < 1) {
			return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
		}
		double d = shape - 1.0 / 3;
		double c = 1 / Math.sqrt(9 * d);
		while (true) {
			double x = random.nextGaussian();
			double v = 1 + c * x;
			if (v <= 0) {
				continue;
			}
			v = v * v * v;
			double u = random.nextDouble();
			if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
				return d * v;
			}
		}
	}

}
