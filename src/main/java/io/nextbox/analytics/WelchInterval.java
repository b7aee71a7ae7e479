package io.nextbox.analytics;

import java.util.Optional;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;

/**
 * Welch's t interval for the difference of two means ({@code first} minus {@code second}) when the two groups may
 * spread differently: the standard error is {@code sqrt(s1²/n1 + s2²/n2)} and the degrees of freedom are
 * Welch–Satterthwaite's. Statistics, not bookkeeping: doubles are fine here, amounts are rounded to money after.
 */
record WelchInterval(double difference, double low, double high, double degreesOfFreedom) {

	/**
	 * The interval at {@code level} (0.95 for 95%); empty when either group has fewer than two values or neither
	 * varies at all (the standard error is zero and there is no interval to give).
	 */
	static Optional<WelchInterval> of(double[] first, double[] second, double level) {
		int n1 = first.length;
		int n2 = second.length;
		if (n1 < 2 || n2 < 2) {
			return Optional.empty();
		}
		double share1 = StatUtils.variance(first) / n1;
		double share2 = StatUtils.variance(second) / n2;
		double standardError = Math.sqrt(share1 + share2);
		if (!(standardError > 0)) {
			return Optional.empty();
		}
		double degrees = (share1 + share2) * (share1 + share2)
				/ (share1 * share1 / (n1 - 1) + share2 * share2 / (n2 - 1));
		double t = new TDistribution(null, degrees).inverseCumulativeProbability(1 - (1 - level) / 2);
		double difference = StatUtils.mean(first) - StatUtils.mean(second);
		return Optional.of(new WelchInterval(difference, difference - t * standardError,
				difference + t * standardError, degrees));
	}

}
