package io.nextbox.catalog;

import java.time.LocalDate;
import java.util.Objects;

/** How often a box ships: every {@code count} days, weeks or months. */
public record Interval(int count, IntervalUnit unit) {

	public Interval {
		Objects.requireNonNull(unit, "unit");
		if (count < 1) {
			throw new IllegalArgumentException("An interval is at least 1 " + unit + ", not " + count);
		}
	}

	public static Interval weeks(int count) {
		return new Interval(count, IntervalUnit.WEEK);
	}

	public static Interval months(int count) {
		return new Interval(count, IntervalUnit.MONTH);
	}

	/** The date one interval after {@code date}; months keep the day of month where it exists. */
	public LocalDate after(LocalDate date) {
		return switch (unit) {
			case DAY -> date.plusDays(count);
			case WEEK -> date.plusWeeks(count);
			case MONTH -> date.plusMonths(count);
		};
	}

	/** Approximate length in days, for comparing intervals and reading consumption rates. */
	public int approximateDays() {
		return switch (unit) {
			case DAY -> count;
			case WEEK -> count * 7;
			case MONTH -> count * 30;
		};
	}

}
