package io.nextbox.ordering;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The order-history CSV format: a header row naming at least {@code order_id}, {@code customer},
 * {@code ordered_at} (ISO date or date-time) and {@code sku}, optionally {@code quantity} (default 1) and
 * {@code unit_price}; then one row per order line. Fields may be quoted with {@code "}, as spreadsheets write them.
 * The evaluate command and the history import both read it; the first malformed row stops the read with its
 * line number and what is wrong.
 */
public final class OrderHistoryCsv {

	/** One order line of the file. {@code unitPrice} is null when the file has no prices. */
	public record Row(int lineNumber, String orderId, String customer, LocalDate orderedOn, String sku, int quantity,
			BigDecimal unitPrice) {
	}

	/** Receives each row as it is read. */
	@FunctionalInterface
	public interface RowHandler {

		void row(Row row);

	}

	/** A file that is not in the format, with the line (1 is the header) and what is wrong there. */
	public static final class MalformedCsvException extends Exception {

		private final int lineNumber;

		public MalformedCsvException(int lineNumber, String problem) {
			super("line " + lineNumber + ": " + problem);
			this.lineNumber = lineNumber;
		}

		public int lineNumber() {
			return lineNumber;
		}

	}

	private static final List<String> REQUIRED = List.of("order_id", "customer", "ordered_at", "sku");

	/** A Shopify orders export names the same columns so; order-level fields may be blank after an order's first line. */
	private static final Map<String, String> SHOPIFY = Map.of("name", "order_id", "email", "customer", "created at",
			"ordered_at", "lineitem sku", "sku", "lineitem quantity", "quantity", "lineitem price", "unit_price");

	/** Receives a row that could not be read, with its line number and what is wrong; reading goes on. */
	@FunctionalInterface
	public interface ProblemHandler {

		void problem(int lineNumber, String problem);

	}

	/**
	 * Reads every row, handing malformed ones to {@code problems} instead of stopping: an import shows them all
	 * at once. A header that is not the format is still refused with {@link MalformedCsvException}. Shopify's
	 * column names are understood too, and its blank order-level fields are carried over from the order's first
	 * line.
	 */
	public static void readAll(Reader source, RowHandler handler, ProblemHandler problems)
			throws IOException, MalformedCsvException {
		BufferedReader reader = source instanceof BufferedReader buffered ? buffered : new BufferedReader(source, 1 << 16);
		String header = reader.readLine();
		if (header == null || header.isBlank()) {
			throw new MalformedCsvException(1, "the file is empty; the first row must name the columns "
					+ String.join(", ", REQUIRED));
		}
		Map<String, Integer> columns = new HashMap<>();
		columns(fields(header.startsWith("\uFEFF") ? header.substring(1) : header, 1))
			.forEach((name, index) -> columns.putIfAbsent(SHOPIFY.getOrDefault(name, name), index));
		for (String required : REQUIRED) {
			if (!columns.containsKey(required)) {
				throw new MalformedCsvException(1, "no column " + required + "; the first row must name the columns "
						+ String.join(", ", REQUIRED) + " (or Shopify's Name, Email, Created at, Lineitem sku)");
			}
		}
		String lastOrder = null;
		String lastCustomer = null;
		String lastDate = null;
		int lineNumber = 1;
		String line;
		while ((line = reader.readLine()) != null) {
			lineNumber++;
			if (line.isBlank()) {
				continue;
			}
			try {
				if (line.indexOf('\0') >= 0) {
					throw new MalformedCsvException(lineNumber, "this is not text: the file looks binary");
				}
				List<String> fields = fields(line, lineNumber);
				if (fields.size() < columns.size()) {
					throw new MalformedCsvException(lineNumber,
							"expected " + columns.size() + " fields but found " + fields.size());
				}
				String orderId = required(fields, columns.get("order_id"), "order_id", lineNumber);
				boolean sameOrder = orderId.equals(lastOrder);
				String customer = fields.get(columns.get("customer")).trim();
				String date = fields.get(columns.get("ordered_at")).trim();
				if (sameOrder && customer.isEmpty()) {
					customer = lastCustomer;
				}
				if (sameOrder && date.isEmpty()) {
					date = lastDate;
				}
				if (customer == null || customer.isEmpty()) {
					throw new MalformedCsvException(lineNumber, "customer is empty");
				}
				if (date == null || date.isEmpty()) {
					throw new MalformedCsvException(lineNumber, "ordered_at is empty");
				}
				lastOrder = orderId;
				lastCustomer = customer;
				lastDate = date;
				handler.row(new Row(lineNumber, orderId, customer, date(date, lineNumber),
						required(fields, columns.get("sku"), "sku", lineNumber),
						quantity(fields, columns.get("quantity"), lineNumber),
						price(fields, columns.get("unit_price"), lineNumber)));
			}
			catch (MalformedCsvException ex) {
				problems.problem(lineNumber, ex.getMessage().substring(("line " + lineNumber + ": ").length()));
			}
		}
	}

	private OrderHistoryCsv() {
	}

	public static void read(Reader source, RowHandler handler) throws IOException, MalformedCsvException {
		BufferedReader reader = source instanceof BufferedReader buffered ? buffered : new BufferedReader(source, 1 << 16);
		String header = reader.readLine();
		if (header == null || header.isBlank()) {
			throw new MalformedCsvException(1, "the file is empty; the first row must name the columns "
					+ String.join(", ", REQUIRED));
		}
		Map<String, Integer> columns = columns(fields(header.startsWith("\uFEFF") ? header.substring(1) : header, 1));
		for (String required : REQUIRED) {
			if (!columns.containsKey(required)) {
				throw new MalformedCsvException(1, "no column " + required + "; the first row must name the columns "
						+ String.join(", ", REQUIRED));
			}
		}
		int orderId = columns.get("order_id");
		int customer = columns.get("customer");
		int orderedAt = columns.get("ordered_at");
		int sku = columns.get("sku");
		Integer quantity = columns.get("quantity");
		Integer unitPrice = columns.get("unit_price");
		int lineNumber = 1;
		String line;
		while ((line = reader.readLine()) != null) {
			lineNumber++;
			if (line.isBlank()) {
				continue;
			}
			List<String> fields = fields(line, lineNumber);
			if (fields.size() < columns.size()) {
				throw new MalformedCsvException(lineNumber,
						"expected " + columns.size() + " fields but found " + fields.size());
			}
			handler.row(new Row(lineNumber, required(fields, orderId, "order_id", lineNumber),
					required(fields, customer, "customer", lineNumber),
					date(required(fields, orderedAt, "ordered_at", lineNumber), lineNumber),
					required(fields, sku, "sku", lineNumber), quantity(fields, quantity, lineNumber),
					price(fields, unitPrice, lineNumber)));
		}
	}

	private static Map<String, Integer> columns(List<String> names) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			columns.putIfAbsent(names.get(i).trim().toLowerCase(Locale.ROOT), i);
		}
		return columns;
	}

	private static String required(List<String> fields, int column, String name, int lineNumber)
			throws MalformedCsvException {
		String value = fields.get(column).trim();
		if (value.isEmpty()) {
			throw new MalformedCsvException(lineNumber, name + " is empty");
		}
		return value;
	}

	private static LocalDate date(String value, int lineNumber) throws MalformedCsvException {
		if (value.length() < 10 || (value.length() > 10 && value.charAt(10) != 'T' && value.charAt(10) != ' ')) {
			throw new MalformedCsvException(lineNumber,
					"ordered_at " + HistoryColumns.quote(value) + " is not an ISO date (2026-01-31)");
		}
		try {
			return LocalDate.parse(value.substring(0, 10));
		}
		catch (DateTimeParseException ex) {
			throw new MalformedCsvException(lineNumber,
					"ordered_at " + HistoryColumns.quote(value) + " is not an ISO date (2026-01-31)");
		}
	}

	private static int quantity(List<String> fields, Integer column, int lineNumber) throws MalformedCsvException {
		if (column == null || fields.get(column).isBlank()) {
			return 1;
		}
		try {
			return HistoryColumns.quantity(fields.get(column).trim());
		}
		catch (HistoryColumns.ValueProblem problem) {
			throw new MalformedCsvException(lineNumber, problem.getMessage());
		}
	}

	private static BigDecimal price(List<String> fields, Integer column, int lineNumber) throws MalformedCsvException {
		if (column == null || fields.get(column).isBlank()) {
			return null;
		}
		try {
			return HistoryColumns.unitPrice(fields.get(column).trim());
		}
		catch (HistoryColumns.ValueProblem problem) {
			throw new MalformedCsvException(lineNumber, problem.getMessage());
		}
	}

	private static List<String> fields(String line, int lineNumber) throws MalformedCsvException {
		if (line.indexOf('"') < 0) {
			return split(line);
		}
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		if (quoted) {
			throw new MalformedCsvException(lineNumber, "a quoted field is not closed");
		}
		fields.add(field.toString());
		return fields;
	}

	private static List<String> split(String line) {
		List<String> fields = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= line.length(); i++) {
			if (i == line.length() || line.charAt(i) == ',') {
				fields.add(line.substring(start, i));
				start = i + 1;
			}
		}
		return fields;
	}

}
