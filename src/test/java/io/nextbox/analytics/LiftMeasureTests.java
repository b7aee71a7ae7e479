package io.nextbox.analytics;

import java.util.Arrays;

import io.nextbox.analytics.Lift.Measure;
import io.nextbox.analytics.Lift.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When the page gives a number, which way it reads, and when it says the groups are too small instead. */
class LiftMeasureTests {

	@Test
	void fewerThan30InAGroupGiveNoNumber() {
		Measure measure = Measure.of(alternating(500, 10, 0), alternating(29, 0, 0));
		assertThat(measure.verdict()).isEqualTo(Verdict.TOO_FEW);
		assertThat(measure.answered()).isFalse();
		assertThat(measure.heldOutMean()).isEqualByComparingTo("0.00");
	}

	@Test
	void noSpreadInEitherGroupGivesNoNumber() {
		Measure measure = Measure.of(filled(40, 20), filled(30, 20));
		assertThat(measure.verdict()).isEqualTo(Verdict.NO_VARIATION);
		assertThat(measure.difference()).isNull();
	}

	@Test
	void anIntervalAboveZeroIsARiseBelowZeroAFallAndAroundZeroUnclear() {
		Measure raised = Measure.of(alternating(200, 10, 0), alternating(50, 2, 0));
		assertThat(raised.verdict()).isEqualTo(Verdict.RAISED);
		assertThat(raised.difference()).isEqualByComparingTo("4.00");
		assertThat(raised.low()).isPositive();
		assertThat(raised.shownMean()).isEqualByComparingTo("5.00");

		Measure lowered = Measure.of(alternating(50, 2, 0), alternating(200, 10, 0));
		assertThat(lowered.verdict()).isEqualTo(Verdict.LOWERED);
		assertThat(lowered.fall()).isEqualByComparingTo("4.00");
		assertThat(lowered.fallLow()).isPositive().isLessThan(lowered.fallHigh());

		Measure unclear = Measure.of(alternating(40, 10, 0), alternating(40, 0, 10));
		assertThat(unclear.verdict()).isEqualTo(Verdict.UNCLEAR);
		assertThat(unclear.low()).isNegative();
		assertThat(unclear.high()).isPositive();
	}

	private static double[] alternating(int n, double even, double odd) {
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			values[i] = i % 2 == 0 ? even : odd;
		}
		return values;
	}

	private static double[] filled(int n, double value) {
		double[] values = new double[n];
		Arrays.fill(values, value);
		return values;
	}

}
