package io.nextbox.analytics;

import java.util.Map;

/** A date range or placement the analytics page cannot read: the message key per field. */
public class InvalidFilterException extends RuntimeException {

	private final Map<String, String> problems;

	public InvalidFilterException(Map<String, String> problems) {
		super("Invalid analytics filter: " + problems);
		this.problems = Map.copyOf(problems);
	}

	public Map<String, String> problems() {
		return problems;
	}

}
