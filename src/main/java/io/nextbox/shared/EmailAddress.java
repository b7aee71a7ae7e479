package io.nextbox.shared;

import java.util.regex.Pattern;

/**
 * An email address as a browser's {@code <input type="email">} accepts it (the HTML standard's definition): a local
 * part of the usual characters (at most 64), an {@code @}, then a domain of letters, digits and hyphens; at most 254
 * characters in all, the size of the columns that hold one.
 */
public final class EmailAddress {

	public static final int MAX_LENGTH = 254;

	public static final int MAX_LOCAL_PART_LENGTH = 64;

	private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+"
			+ "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

	private EmailAddress() {
	}

	public static boolean isValid(String address) {
		return address != null && address.length() <= MAX_LENGTH && PATTERN.matcher(address).matches()
				&& address.lastIndexOf('@') <= MAX_LOCAL_PART_LENGTH;
	}

}
