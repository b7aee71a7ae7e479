package io.nextbox.subscription;

/**
 * A change the rules do not allow, with the message to show: {@code code} is a message key, {@code field} the
 * form field it belongs to (or null for the whole form). Nothing was changed.
 */
public class ActionRefusedException extends RuntimeException {

	private final String field;

	private final String code;

	private final transient Object[] arguments;

	public ActionRefusedException(String field, String code, Object... arguments) {
		super(code);
		this.field = field;
		this.code = code;
		this.arguments = arguments;
	}

	public String field() {
		return field;
	}

	public String code() {
		return code;
	}

	public Object[] arguments() {
		return arguments;
	}

}
