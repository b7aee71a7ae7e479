package io.nextbox.subscription;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nextbox.catalog.Interval;
import io.nextbox.catalog.IntervalUnit;
import io.nextbox.shared.EmailAddress;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The subscriptions CSV, as a store brings its subscribers over from another platform: a header row naming at least
 * {@code subscription_id} (the other platform's id), {@code customer} (email), {@code plan_sku} and
 * {@code next_ship_date} (ISO date), optionally {@code quantity} (default 1), {@code interval} ("4 weeks",
 * "1 month", "14 days"; default the plan's), {@code status} (active, paused or cancelled; default active) and
 * {@code started_on}. Reading checks the form of each value; the importer checks them against the store.
 */
final class SubscriptionsCsv {

	static final List<String> REQUIRED = List.of("subscription_id", "customer", "plan_sku", "next_ship_date");

	static final int MAX_ROWS = 200_000;

	static final int EXTERNAL_ID_LENGTH = 64;

	private static final Pattern INTERVAL = Pattern.compile("(\\d{1,3})\\s*(day|week|month)s?");

	private static final Map<IntervalUnit, Integer> LONGEST = Map.of(IntervalUnit.DAY, 365, IntervalUnit.WEEK, 52,
			IntervalUnit.MONTH, 12);

	/** One subscription of the file; {@code interval} is null when the file leaves it to the plan. */
	record Row(int lineNumber, String externalId, String customer, String planSku, int quantity, Interval interval,
			SubscriptionStatus status, LocalDate nextShipDate, LocalDate startedOn) {
	}

	/** The rows that could be read, and what is wrong with the others, by line (1 is the header). */
	record Content(List<Row> rows, TreeMap<Integer, String> problems) {

		Content {
			rows = List.copyOf(rows);
		}

	}

	private SubscriptionsCsv() {
	}

	static Content read(Reader source) {
		List<Row> rows = new ArrayList<>();
		TreeMap<Integer, String> problems = new TreeMap<>();
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreHeaderCase(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.setAllowMissingColumnNames(true)
			.get();
		try (CSVParser parser = CSVParser.builder().setReader(source).setFormat(format).get()) {
			Optional<String> headerProblem = headerProblem(parser.getHeaderMap());
			if (headerProblem.isPresent()) {
				problems.put(1, headerProblem.get());
				return new Content(rows, problems);
			}
			for (CSVRecord record : parser) {
				int line = (int) record.getRecordNumber() + 1;
				if (rows.size() + problems.size() >= MAX_ROWS) {
					problems.put(line, "the file has more than " + MAX_ROWS + " subscriptions; split it");
					break;
				}
				try {
					rows.add(row(line, record));
				}
				catch (ValueProblem problem) {
					problems.put(line, problem.getMessage());
				}
			}
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			problems.put(Math.max(1, problems.isEmpty() ? 1 : problems.lastKey() + 1),
					"the file is not CSV that can be read: " + ex.getMessage());
		}
		return new Content(rows, problems);
	}

	private static Optional<String> headerProblem(Map<String, Integer> header) {
		if (header == null || header.isEmpty()) {
			return Optional.of("the file is empty; the first row must name the columns " + String.join(", ", REQUIRED));
		}
		List<String> missing = REQUIRED.stream()
			.filter(column -> header.keySet().stream().noneMatch(name -> name.equalsIgnoreCase(column)))
			.toList();
		return missing.isEmpty() ? Optional.empty()
				: Optional.of("the first row must name the columns " + String.join(", ", REQUIRED) + "; missing: "
						+ String.join(", ", missing));
	}

	private static Row row(int line, CSVRecord record) throws ValueProblem {
		String externalId = value(record, "subscription_id");
		if (externalId.isEmpty()) {
			throw new ValueProblem("subscription_id is empty");
		}
		if (externalId.length() > EXTERNAL_ID_LENGTH) {
			throw new ValueProblem("subscription_id " + quote(externalId) + " is longer than " + EXTERNAL_ID_LENGTH
					+ " characters");
		}
		String customer = value(record, "customer").toLowerCase(Locale.ROOT);
		if (!EmailAddress.isValid(customer)) {
			throw new ValueProblem("customer " + quote(customer) + " is not an email address (name@example.com)");
		}
		String planSku = value(record, "plan_sku");
		if (planSku.isEmpty()) {
			throw new ValueProblem("plan_sku is empty");
		}
		SubscriptionStatus status = status(value(record, "status"));
		LocalDate nextShipDate = date(record, "next_ship_date");
		if (nextShipDate == null && status == SubscriptionStatus.ACTIVE) {
			throw new ValueProblem("next_ship_date is empty; an active subscription needs its next box's date");
		}
		return new Row(line, externalId, customer, planSku, quantity(value(record, "quantity")),
				interval(value(record, "interval")), status, nextShipDate, date(record, "started_on"));
	}

	private static String value(CSVRecord record, String column) {
		return record.isMapped(column) && record.isSet(column) ? record.get(column).trim() : "";
	}

	private static int quantity(String value) throws ValueProblem {
		if (value.isEmpty()) {
			return 1;
		}
		if (!value.matches("\\d{1,6}") || Integer.parseInt(value) < 1) {
			throw new ValueProblem("quantity " + quote(value) + " is not a positive whole number");
		}
		return Integer.parseInt(value);
	}

	private static Interval interval(String value) throws ValueProblem {
		if (value.isEmpty()) {
			return null;
		}
		Matcher matcher = INTERVAL.matcher(value.toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new ValueProblem("interval " + quote(value) + " is not an interval (4 weeks, 1 month, 14 days)");
		}
		IntervalUnit unit = IntervalUnit.valueOf(matcher.group(2).toUpperCase(Locale.ROOT));
		int count = Integer.parseInt(matcher.group(1));
		if (count < 1 || count > LONGEST.get(unit)) {
			throw new ValueProblem("interval " + quote(value) + " is not between 1 and " + LONGEST.get(unit) + " "
					+ unit.name().toLowerCase(Locale.ROOT) + "s");
		}
		return new Interval(count, unit);
	}

	private static SubscriptionStatus status(String value) throws ValueProblem {
		if (value.isEmpty()) {
			return SubscriptionStatus.ACTIVE;
		}
		try {
			return SubscriptionStatus.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ValueProblem("status " + quote(value) + " is not active, paused or cancelled");
		}
	}

	private static LocalDate date(CSVRecord record, String column) throws ValueProblem {
		String value = value(record, column);
		if (value.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value);
		}
		catch (DateTimeParseException ex) {
			throw new ValueProblem(column + " " + quote(value) + " is not an ISO date (2026-01-31)");
		}
	}

	private static String quote(String value) {
		return "\"" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\"";
	}

	static final class ValueProblem extends Exception {

		ValueProblem(String message) {
			super(message, null, false, false);
		}

	}

}
