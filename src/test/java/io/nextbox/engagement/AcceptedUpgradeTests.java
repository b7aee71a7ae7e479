package io.nextbox.engagement;

import java.math.BigDecimal;
import java.time.Instant;

import io.nextbox.catalog.Interval;
import io.nextbox.catalog.IntervalUnit;
import io.nextbox.offer.Placement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** MRR added: the new monthly-equivalent price per delivery less the old, at the subscription's interval. */
class AcceptedUpgradeTests {

	@Test
	void weeksMonthsAndDaysBecomeAMonthlyPrice() {
		assertThat(added("30.00", "40.00", Interval.weeks(1))).isEqualByComparingTo("43.33");
		assertThat(added("30.00", "40.00", Interval.weeks(2))).isEqualByComparingTo("21.67");
		assertThat(added("30.00", "40.00", Interval.weeks(4))).isEqualByComparingTo("10.83");
		assertThat(added("30.00", "40.00", Interval.months(1))).isEqualByComparingTo("10.00");
		assertThat(added("30.00", "40.00", Interval.months(3))).isEqualByComparingTo("3.33");
		assertThat(added("30.00", "40.00", new Interval(14, IntervalUnit.DAY))).isEqualByComparingTo("21.73");
	}

	@Test
	void aMoveToACheaperPlanTakesRevenueAway() {
		assertThat(added("40.00", "30.00", Interval.months(1))).isEqualByComparingTo("-10.00");
	}

	private static BigDecimal added(String before, String after, Interval interval) {
		return new AcceptedUpgrade(1, Placement.DASHBOARD, 2, new BigDecimal(before), new BigDecimal(after), interval,
				Instant.EPOCH)
			.monthlyRecurringAdded();
	}

}
