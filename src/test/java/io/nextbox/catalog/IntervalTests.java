package io.nextbox.catalog;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IntervalTests {

	@ParameterizedTest(name = "{0} + {1} {2} (anchor {3}) = {4}")
	@CsvSource({ "2026-01-31, 1, MONTH, 31, 2026-02-28", "2028-01-31, 1, MONTH, 31, 2028-02-29",
			"2026-02-28, 1, MONTH, 31, 2026-03-31", "2026-03-31, 1, MONTH, 31, 2026-04-30",
			"2026-04-30, 1, MONTH, 31, 2026-05-31", "2026-11-30, 3, MONTH, 30, 2027-02-28",
			"2027-12-15, 1, MONTH, 15, 2028-01-15", "2028-02-29, 12, MONTH, 29, 2029-02-28",
			"2026-12-29, 2, WEEK, 29, 2027-01-12", "2028-02-22, 1, WEEK, 22, 2028-02-29",
			"2026-12-31, 10, DAY, 31, 2027-01-10" })
	void stepsAcrossMonthEndsAndLeapYears(LocalDate from, int count, IntervalUnit unit, int anchor, LocalDate next) {
		assertThat(new Interval(count, unit).after(from, anchor)).isEqualTo(next);
	}

	@Test
	void aMonthlyScheduleNeverDrifts() {
		Interval monthly = Interval.months(1);
		LocalDate date = LocalDate.of(2026, 1, 31);
		for (int i = 0; i < 12; i++) {
			date = monthly.after(date, 31);
		}
		assertThat(date).isEqualTo(LocalDate.of(2027, 1, 31));
	}

	@Test
	void anIntervalIsAtLeastOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> Interval.weeks(0));
	}

}
