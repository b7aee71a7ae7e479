package io.nextbox.ordering;

import java.math.BigDecimal;
import java.util.Optional;

import io.nextbox.shared.EmailAddress;

/**
 * What an imported order line must fit, taken from the columns it ends up in (V1__domain.sql), in one place: the
 * check step of an import finds every value that would not fit before anything is written, so a report never
 * shows what the database would have said.
 */
final class HistoryColumns {

	/** {@code orders.order_number varchar(64)}. */
	static final int ORDER_ID_LENGTH = 64;

	/** {@code subscriber.email varchar(254)} (and {@code account.email}): the longest address RFC 5321 allows. */
	static final int EMAIL_LENGTH = EmailAddress.MAX_LENGTH;

	/**
	 * {@code order_line.quantity int}, {@code check (quantity > 0)}. The column would take up to 2,147,483,647,
	 * but no order line of a past box holds more than this: a larger number is a mistake in the file.
	 */
	static final int MAX_QUANTITY = 100_000;

	/** {@code order_line.unit_price numeric(10, 2)}, {@code check (unit_price >= 0)}. */
	static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("99999999.99");

	/** Cents: {@code order_line.unit_price numeric(10, 2)}. */
	static final int PRICE_SCALE = 2;

	/** {@code orders.total numeric(12, 2)}: the sum of an order's lines. */
	static final BigDecimal MAX_ORDER_TOTAL = new BigDecimal("9999999999.99");

	/** Longer values are cut when a problem quotes them, so a report line stays readable. */
	private static final int QUOTED = 40;

	private HistoryColumns() {
	}

	/** What is wrong with an order id, if anything. */
	static Optional<String> orderIdProblem(String orderId) {
		if (orderId.length() > ORDER_ID_LENGTH) {
			return Optional.of("order_id " + quote(orderId) + " is " + orderId.length()
					+ " characters long; an order id has at most " + ORDER_ID_LENGTH);
		}
		return Optional.empty();
	}

	/** What is wrong with a customer's email address, if anything. */
	static Optional<String> emailProblem(String email) {
		if (email.length() > EMAIL_LENGTH) {
			return Optional.of("customer " + quote(email) + " is " + email.length()
					+ " characters long; an email address has at most " + EMAIL_LENGTH);
		}
		if (!EmailAddress.isValid(email)) {
			return Optional.of("customer " + quote(email) + " is not an email address (name@example.com)");
		}
		return Optional.empty();
	}

	/** The quantity written in the file, or what is wrong with it. */
	static int quantity(String value) throws ValueProblem {
		String digits = (value.startsWith("+") ? value.substring(1) : value).replaceFirst("^0+(?=[0-9])", "");
		if (!digits.matches("[1-9][0-9]*")) {
			throw new ValueProblem(
					"quantity " + quote(value) + " is not a positive whole number (1 to " + MAX_QUANTITY + ")");
		}
		if (digits.length() > 9 || Integer.parseInt(digits) > MAX_QUANTITY) {
			throw new ValueProblem(
					"quantity " + quote(value) + " is more than " + MAX_QUANTITY + ", the most one order line can hold");
		}
		return Integer.parseInt(digits);
	}

	/** The unit price written in the file, with two decimals, or what is wrong with it. */
	static BigDecimal unitPrice(String value) throws ValueProblem {
		BigDecimal price;
		try {
			price = new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			throw new ValueProblem("unit_price " + quote(value) + " is not a number (12.50)");
		}
		if (price.signum() < 0) {
			throw new ValueProblem("unit_price " + quote(value) + " is negative");
		}
		if (price.compareTo(MAX_UNIT_PRICE) > 0) {
			throw new ValueProblem("unit_price " + quote(value) + " is more than " + MAX_UNIT_PRICE.toPlainString()
					+ ", the highest price a line can hold");
		}
		BigDecimal cents = price.stripTrailingZeros();
		if (cents.scale() > PRICE_SCALE) {
			throw new ValueProblem("unit_price " + quote(value) + " has more than " + PRICE_SCALE + " decimals");
		}
		return price.setScale(PRICE_SCALE);
	}

	/** What is wrong with an order's total, if anything. */
	static Optional<String> totalProblem(String orderId, BigDecimal total) {
		if (total.compareTo(MAX_ORDER_TOTAL) > 0) {
			return Optional.of("order " + quote(orderId) + " adds up to " + total.toPlainString()
					+ ", more than " + MAX_ORDER_TOTAL.toPlainString() + ", the highest total an order can hold");
		}
		return Optional.empty();
	}

	/** A value as a problem quotes it: in quotes, cut when long. */
	static String quote(String value) {
		String shown = value.length() > QUOTED ? value.substring(0, QUOTED) + "…" : value;
		return "\"" + shown + "\"";
	}

	/** A value that does not fit, with what is wrong. */
	static final class ValueProblem extends Exception {

		ValueProblem(String problem) {
			super(problem, null, false, false);
		}

	}

}
