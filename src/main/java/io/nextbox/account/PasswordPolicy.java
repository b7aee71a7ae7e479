package io.nextbox.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * What a password must be, wherever one is set (the first merchant from the properties, a set-password link, a
 * change of password): 12 to 128 characters, and not in the common-password list shipped in the jar
 * ({@value #COMMON_PASSWORDS}), compared case-insensitively.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 128;

	static final String COMMON_PASSWORDS = "account/common-passwords.txt";

	/** Why a password is refused; each has a message {@code password.<name in lower case>}. */
	public enum Refusal {

		TOO_SHORT, TOO_LONG, COMMON;

		public String messageCode() {
			return "password." + name().toLowerCase(Locale.ROOT).replace('_', '.');
		}

	}

	private final Set<String> common;

	public PasswordPolicy() {
		this.common = load();
	}

	/** The reason this password is refused, or empty when it is fine. */
	public Optional<Refusal> check(String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of(Refusal.TOO_SHORT);
		}
		if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
			return Optional.of(Refusal.TOO_LONG);
		}
		if (common.contains(password.toLowerCase(Locale.ROOT))) {
			return Optional.of(Refusal.COMMON);
		}
		return Optional.empty();
	}

	/** The same check in words, for a log or a console (the web pages use the message codes). */
	public static String describe(Refusal refusal) {
		return switch (refusal) {
			case TOO_SHORT -> "it must have at least " + MIN_LENGTH + " characters";
			case TOO_LONG -> "it must have at most " + MAX_LENGTH + " characters";
			case COMMON -> "it is in the list of common passwords";
		};
	}

	int size() {
		return common.size();
	}

	private static Set<String> load() {
		InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS);
		if (in == null) {
			throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the classpath");
		}
		Set<String> words = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					words.add(line.strip().toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(words);
	}

	/**
	 * Checks a new password as a form sends it, twice: the policy's reason at {@code field}, or a mismatch at
	 * {@code confirmationField}.
	 */
	public void check(String password, String confirmation, Errors errors, String field, String confirmationField) {
		check(password).ifPresent(refusal -> reject(errors, field, refusal));
		if (!errors.hasFieldErrors(field) && !password.equals(confirmation)) {
			errors.rejectValue(confirmationField, "password.mismatch");
		}
	}

	/** The policy's reason at the field, with the limits it names. */
	public static void reject(Errors errors, String field, Refusal refusal) {
		errors.rejectValue(field, refusal.messageCode(), new Object[] { MIN_LENGTH, MAX_LENGTH }, null);
	}

}
