package io.nextbox.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Days from {@code from} to {@code to}, both included, in the store's time zone. */
public record DateRange(String preset, LocalDate from, LocalDate to) {

	public static final String CUSTOM = "custom";

	static final int MAX_DAYS = 366;

	/** Over this many days, figures over time are by week. */
	static final int MAX_DAILY = 31;

	/**
	 * The range a request asks for: {@code 7}, {@code 30} (the default) or {@code 90} days up to today, or
	 * {@code custom} from and to ISO dates; refused with the problems found per field.
	 */
	public static DateRange parse(String preset, String from, String to, LocalDate today) {
		String chosen = preset == null || preset.isBlank() ? (blank(from) && blank(to) ? "30" : CUSTOM) : preset;
		switch (chosen) {
			case "7", "30", "90" -> {
				return new DateRange(chosen, today.minusDays(Long.parseLong(chosen) - 1), today);
			}
			case CUSTOM -> {
				Map<String, String> problems = new LinkedHashMap<>();
				LocalDate start = date(from, "from", problems);
				LocalDate end = date(to, "to", problems);
				if (problems.isEmpty() && end.isBefore(start)) {
					problems.put("to", "analytics.range.toBeforeFrom");
				}
				else if (problems.isEmpty() && ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
					problems.put("to", "analytics.range.tooLong");
				}
				if (!problems.isEmpty()) {
					throw new InvalidFilterException(problems);
				}
				return new DateRange(CUSTOM, start, end);
			}
			default -> throw new InvalidFilterException(Map.of("range", "analytics.range.unknown"));
		}
	}

	private static LocalDate date(String value, String field, Map<String, String> problems) {
		if (blank(value)) {
			problems.put(field, "analytics.range.missing");
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			problems.put(field, "analytics.range.notADate");
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	public long days() {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	public boolean weekly() {
		return days() > MAX_DAILY;
	}

	Instant start(ZoneId zone) {
		return from.atStartOfDay(zone).toInstant();
	}

	Instant end(ZoneId zone) {
		return to.plusDays(1).atStartOfDay(zone).toInstant();
	}

}
