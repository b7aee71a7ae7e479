package io.nextbox.recommendation.engine;

/**
 * How much each signal counts in the one score that ranks every candidate (the weights add up to one), and how
 * fast a customer's past fades: a basket {@code halfLifeDays} old counts half.
 */
public record Blend(double repeat, double complement, double popularity, double halfLifeDays) {

	/** Used until a model has history enough to tune its own. */
	public static final Blend DEFAULT = new Blend(0.5, 0.3, 0.2, Profile.HALF_LIFE_DAYS);

	public Blend(double repeat, double complement, double popularity) {
		this(repeat, complement, popularity, Profile.HALF_LIFE_DAYS);
	}

	public double score(Signals signals) {
		return repeat * signals.repeat() + complement * signals.complement() + popularity * signals.popularity();
	}

}
