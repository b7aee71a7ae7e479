package io.nextbox.shared;

/**
 * A visitor's search text as a SQL {@code LIKE} pattern that matches it literally: {@code %} and {@code _} typed
 * in a search are characters to find, not wildcards. Queries using it say {@code escape '\'}, so H2 and
 * PostgreSQL read the pattern the same way.
 */
public final class Like {

	public static final char ESCAPE = '\\';

	private Like() {
	}

	/** Matches any text that contains {@code text}. */
	public static String containing(String text) {
		return "%" + escape(text == null ? "" : text) + "%";
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ESCAPE || c == '%' || c == '_') {
				escaped.append(ESCAPE);
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

}
