package io.nextbox.reminder;

import org.springframework.http.HttpStatus;

/**
 * A reminder link that cannot act: {@code code} is the message to show, {@code status} the 4xx to answer with.
 * Nothing was changed.
 */
public class ReminderLinkRefused extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final transient Object[] arguments;

	ReminderLinkRefused(HttpStatus status, String code, Object... arguments) {
		super(code);
		this.status = status;
		this.code = code;
		this.arguments = arguments;
	}

	static ReminderLinkRefused invalid() {
		return new ReminderLinkRefused(HttpStatus.BAD_REQUEST, "reminder.refused.invalid");
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

	public Object[] arguments() {
		return arguments;
	}

}
