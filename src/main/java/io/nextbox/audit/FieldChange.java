package io.nextbox.audit;

/**
 * One field of a change, before and after, as text; an empty value is "none". A secret (a password, a token) is
 * never stored: its change has both values null and reads "changed".
 */
public record FieldChange(String field, String before, String after) {

	public static FieldChange secret(String field) {
		return new FieldChange(field, null, null);
	}

	public static FieldChange set(String field, Object value) {
		return new FieldChange(field, "", FieldChanges.text(value));
	}

	/** The field's name in words: {@code portalActions.changePlan} reads "portal actions: change plan". */
	public String label() {
		StringBuilder words = new StringBuilder();
		for (char c : field.toCharArray()) {
			if (c == '.') {
				words.append(": ");
			}
			else if (Character.isUpperCase(c)) {
				words.append(' ').append(Character.toLowerCase(c));
			}
			else {
				words.append(c);
			}
		}
		return words.toString();
	}

	public boolean hidden() {
		return before == null && after == null;
	}

}
