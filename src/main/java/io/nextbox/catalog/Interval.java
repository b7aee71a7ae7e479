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

	/** The date one interval after {@code date}; months keep the day of month of {@code date} where it exists. */
	public LocalDate after(LocalDate date) {
		return after(date, date.getDayOfMonth());
	}

	/**
	 * The date one interval after {@code date}. Monthly schedules return to {@code anchorDay} where the month has
	 * it, so the 31st becomes the 30th in April and the 31st again in May, and never drifts.
	 */
	public LocalDate after(LocalDate date, int anchorDay) {
		return switch (unit) {
			case DAY -> date.plusDays(count);
			case WEEK -> date.plusWeeks(count);
			case MONTH -> {
				LocalDate month = date.plusMonths(count);
				yield month.withDayOfMonth(Math.min(anchorDay, month.lengthOfMonth()));
			}
		};
	}

}
