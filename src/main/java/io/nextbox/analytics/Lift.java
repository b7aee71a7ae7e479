package io.nextbox.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import io.nextbox.offer.Placement;

/**
 * Revenue per subscriber for those who saw offers against the holdout, over a range, at one placement or all
 * ({@code null}): add-on revenue that offers shipped, and the total of all orders. {@code mixed} subscribers had
 * impressions on both sides (the holdout share changed within the range) and count in neither group.
 */
public record Lift(DateRange range, Placement placement, int shown, int heldOut, int mixed, Measure addOns,
		Measure orders) {

	/** Fewer subscribers than this in either group give no answer. */
	public static final int MIN_GROUP = 30;

	static final double LEVEL = 0.95;

	/** What the page can say of one measure. */
	public enum Verdict {

		/** The whole interval lies above zero. */
		RAISED,
		/** The whole interval lies below zero. */
		LOWERED,
		/** The interval holds zero: no rise or fall that the data can tell from chance. */
		UNCLEAR,
		/** Fewer than {@link #MIN_GROUP} subscribers in a group. */
		TOO_FEW,
		/** Every subscriber in both groups had the same amount: there is no spread to build an interval from. */
		NO_VARIATION

	}

	/**
	 * One measure per subscriber: the mean of each group, and the difference with its 95% interval (all {@code null}
	 * unless the verdict is {@code RAISED}, {@code LOWERED} or {@code UNCLEAR}).
	 */
	public record Measure(Verdict verdict, BigDecimal shownMean, BigDecimal heldOutMean, BigDecimal difference,
			BigDecimal low, BigDecimal high) {

		static Measure of(double[] shown, double[] heldOut) {
			BigDecimal shownMean = mean(shown);
			BigDecimal heldOutMean = mean(heldOut);
			if (shown.length < MIN_GROUP || heldOut.length < MIN_GROUP) {
				return new Measure(Verdict.TOO_FEW, shownMean, heldOutMean, null, null, null);
			}
			Optional<WelchInterval> found = WelchInterval.of(shown, heldOut, LEVEL);
			if (found.isEmpty()) {
				return new Measure(Verdict.NO_VARIATION, shownMean, heldOutMean, null, null, null);
			}
			WelchInterval interval = found.get();
			Verdict verdict = interval.low() > 0 ? Verdict.RAISED
					: interval.high() < 0 ? Verdict.LOWERED : Verdict.UNCLEAR;
			return new Measure(verdict, shownMean, heldOutMean, money(interval.difference()), money(interval.low()),
					money(interval.high()));
		}

		/** Whether there is a number to show. */
		public boolean answered() {
			return difference != null;
		}

		/** The size of a fall, as a positive amount ("lowered by $1.20"). */
		public BigDecimal fall() {
			return difference == null ? null : difference.negate();
		}

		/** The interval of a fall, smallest fall first, as positive amounts. */
		public BigDecimal fallLow() {
			return high == null ? null : high.negate();
		}

		public BigDecimal fallHigh() {
			return low == null ? null : low.negate();
		}

		private static BigDecimal mean(double[] values) {
			if (values.length == 0) {
				return null;
			}
			double sum = 0;
			for (double value : values) {
				sum += value;
			}
			return money(sum / values.length);
		}

		private static BigDecimal money(double amount) {
			return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
		}

	}

}
