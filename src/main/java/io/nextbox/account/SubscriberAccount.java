package io.nextbox.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What subscribers change about their own login on their account page: their name and their password. */
@Service
public class SubscriberAccount {

	/** The longest first or last name (the subscriber table's columns). */
	public static final int MAX_NAME = 60;

	/** The longest display name (the account table's column). */
	static final int MAX_DISPLAY_NAME = 100;

	/** The account page's view of a login. */
	public record Profile(String email, String firstName, String lastName, boolean passwordSet) {
	}

	/** How a change of password ended. */
	public enum PasswordChange {

		CHANGED, WRONG_CURRENT

	}

	private final AccountRepository accounts;

	private final JdbcTemplate jdbc;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	SubscriberAccount(AccountRepository accounts, JdbcTemplate jdbc, PasswordEncoder passwordEncoder,
			PasswordPolicy policy) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
	}

	@Transactional(readOnly = true)
	public Profile profile(long accountId) {
		Account account = accounts.findById(accountId).orElseThrow();
		return jdbc.query("select first_name, last_name from subscriber where account_id = ?",
				(row, n) -> new Profile(account.getEmail(), row.getString("first_name"), row.getString("last_name"),
						account.isPasswordSet()),
				accountId)
			.stream()
			.findFirst()
			.orElseGet(() -> new Profile(account.getEmail(), account.getDisplayName(), "", account.isPasswordSet()));
	}

	/**
	 * Saves the subscriber's first and last name (stripped, the first not blank, each at most {@link #MAX_NAME}
	 * characters, checked by the caller) and the login's display name with them.
	 */
	@Transactional
	public void rename(long accountId, String firstName, String lastName) {
		String first = firstName.strip();
		String last = lastName == null ? "" : lastName.strip();
		if (first.isEmpty() || length(first) > MAX_NAME || length(last) > MAX_NAME) {
			throw new IllegalArgumentException("A first name of 1 to 60 characters and a last name of at most 60");
		}
		Account account = accounts.findById(accountId).orElseThrow();
		jdbc.update("update subscriber set first_name = ?, last_name = ? where account_id = ?", first, last, accountId);
		String display = (first + " " + last).strip();
		account.changeDisplayName(length(display) > MAX_DISPLAY_NAME
				? display.substring(0, display.offsetByCodePoints(0, MAX_DISPLAY_NAME)).strip() : display);
	}

	/**
	 * Sets a password: with the current one when the login has one its owner chose, without when it only ever
	 * signed in by links. Sending the same new password again (a double click, a retry) answers
	 * {@link PasswordChange#CHANGED} again.
	 * @throws PasswordRefusedException when the policy refuses the new password
	 */
	@Transactional
	public PasswordChange changePassword(long accountId, String currentPassword, String newPassword) {
		PasswordRefusedException.check(policy, newPassword);
		Account account = accounts.findById(accountId).orElseThrow();
		if (account.isPasswordSet()) {
			if (passwordEncoder.matches(newPassword, account.getPasswordHash())) {
				return PasswordChange.CHANGED;
			}
			if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
				return PasswordChange.WRONG_CURRENT;
			}
		}
		account.changePasswordHash(passwordEncoder.encode(newPassword));
		return PasswordChange.CHANGED;
	}

	static int length(String text) {
		return text.codePointCount(0, text.length());
	}

}
