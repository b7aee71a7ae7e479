package io.nextbox.analytics;

import java.util.Optional;
import java.util.stream.DoubleStream;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Welch's interval gives the textbook numbers, and in simulations with a known true lift its 95% interval covers
 * that lift in at least 90 of 100 seeds, for skewed spend (most subscribers spend nothing, the rest a gamma amount).
 */
class WelchIntervalTests {

	@Test
	void givesTheSameIntervalAsScipy() {
		double[] shown = { 12.5, 0, 0, 25, 7.5, 0, 0, 40, 0, 3.25 };
		double[] heldOut = { 0, 0, 5, 0, 0, 10, 0, 0 };
		// scipy.stats.ttest_ind(shown, heldOut, equal_var=False).confidence_interval(0.95)
		WelchInterval interval = WelchInterval.of(shown, heldOut, 0.95).orElseThrow();
		assertThat(interval.difference()).isCloseTo(6.95, within(1e-9));
		assertThat(interval.low()).isCloseTo(-3.0023670675477447, within(1e-6));
		assertThat(interval.high()).isCloseTo(16.902367067547743, within(1e-6));
		assertThat(interval.degreesOfFreedom()).isCloseTo(10.638172204273483, within(1e-9));
	}

	@Test
	void thereIsNoIntervalWithoutSpreadOrWithOneValue() {
		assertThat(WelchInterval.of(new double[] { 2, 2, 2 }, new double[] { 5, 5 }, 0.95)).isEmpty();
		assertThat(WelchInterval.of(new double[] { 2 }, new double[] { 5, 6 }, 0.95)).isEmpty();
		// a holdout that never buys from offers still gives an interval when the other group varies
		Optional<WelchInterval> oneSided = WelchInterval.of(new double[] { 0, 4, 8 }, new double[] { 0, 0, 0 }, 0.95);
		assertThat(oneSided).isPresent();
		assertThat(oneSided.get().degreesOfFreedom()).isCloseTo(2, within(1e-9));
	}

	@Test
	void coversAKnownLiftOfTotalRevenueInAtLeast90Of100Seeds() {
		// both groups buy: 25% vs 20% of subscribers spend a gamma amount with mean 24, so the true lift is 1.20
		double trueLift = 0.25 * 24 - 0.20 * 24;
		int covered = 0;
		for (int seed = 1; seed <= 100; seed++) {
			RandomGenerator random = new Well19937c(seed);
			double[] shown = spend(random, 900, 0.25, 2, 12);
			double[] heldOut = spend(random, 100, 0.20, 2, 12);
			WelchInterval interval = WelchInterval.of(shown, heldOut, 0.95).orElseThrow();
			if (interval.low() <= trueLift && trueLift <= interval.high()) {
				covered++;
			}
		}
		System.out.println("Welch 95% interval, total revenue, 900 vs 100: covered the true lift in " + covered
				+ " of 100 seeds");
		assertThat(covered).isGreaterThanOrEqualTo(90);
	}

	@Test
	void coversAKnownLiftOfAddOnRevenueInAtLeast90Of100Seeds() {
		// the holdout buys nothing from offers; 6% of those shown buy, an exponential amount with mean 15
		double trueLift = 0.06 * 15;
		int covered = 0;
		for (int seed = 1; seed <= 100; seed++) {
			RandomGenerator random = new Well19937c(1000 + seed);
			double[] shown = spend(random, 450, 0.06, 1, 15);
			double[] heldOut = new double[50];
			WelchInterval interval = WelchInterval.of(shown, heldOut, 0.95).orElseThrow();
			if (interval.low() <= trueLift && trueLift <= interval.high()) {
				covered++;
			}
		}
		System.out.println("Welch 95% interval, add-on revenue, 450 vs 50: covered the true lift in " + covered
				+ " of 100 seeds");
		assertThat(covered).isGreaterThanOrEqualTo(90);
	}

	@Test
	void theIntervalNarrowsAsTheGroupsGrow() {
		RandomGenerator random = new Well19937c(7);
		WelchInterval small = WelchInterval
			.of(spend(random, 60, 0.25, 2, 12), spend(random, 40, 0.20, 2, 12), 0.95)
			.orElseThrow();
		WelchInterval large = WelchInterval
			.of(spend(random, 6000, 0.25, 2, 12), spend(random, 4000, 0.20, 2, 12), 0.95)
			.orElseThrow();
		assertThat(large.high() - large.low()).isLessThan((small.high() - small.low()) / 5);
	}

	/** {@code n} subscribers: each spends a gamma amount with probability {@code share}, else nothing. */
	static double[] spend(RandomGenerator random, int n, double share, double shape, double scale) {
		GammaDistribution amount = new GammaDistribution(random, shape, scale);
		return DoubleStream.generate(() -> random.nextDouble() < share ? amount.sample() : 0).limit(n).toArray();
	}

}
