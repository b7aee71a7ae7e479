package io.nextbox.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.nextbox.audit.AuditAction;
import io.nextbox.audit.AuditArea;
import io.nextbox.audit.AuditLog;
import io.nextbox.audit.FieldChange;
import io.nextbox.mail.PublicUrl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links to set a password: {@code <nextbox.public-url>/password/set?token=...}. The token is 32 random
 * bytes (URL-safe Base64); only its SHA-256 is stored, bound to one account, with its expiry. Using it is exactly
 * once: a conditional update spends it, so a second use, even at the same moment, finds it used.
 */
@Service
public class PasswordLinks {

	public static final Duration VALID_FOR = Duration.ofHours(24);

	static final String PATH = "/password/set?token=";

	/** What a token is worth now; {@link #SET} only as the answer of the use that spent it. */
	public enum TokenState {

		VALID, SET, USED, EXPIRED, UNKNOWN

	}

	private final JdbcTemplate jdbc;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	private final Clock clock;

	private final PublicUrl publicUrl;

	private final AuditLog audit;

	PasswordLinks(JdbcTemplate jdbc, AccountRepository accounts, PasswordEncoder passwordEncoder,
			PasswordPolicy policy, Clock clock, PublicUrl publicUrl, AuditLog audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
		this.clock = clock;
		this.publicUrl = publicUrl;
	}

	/** The same links on another clock (tests move time with it). */
	PasswordLinks withClock(Clock other) {
		return new PasswordLinks(jdbc, accounts, passwordEncoder, policy, other, publicUrl, audit);
	}

	/**
	 * A new link for this account, valid {@link #VALID_FOR}; links issued before for it and not used yet stop
	 * working, so only the latest one printed counts.
	 * @return the absolute link to print or send
	 */
	@Transactional
	public String issue(long accountId) {
		String token = Secrets.randomToken();
		Instant now = clock.instant();
		jdbc.update("delete from password_token where account_id = ? and used_at is null", accountId);
		jdbc.update("insert into password_token (account_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)",
				accountId, Secrets.sha256(token), Timestamp.from(now), Timestamp.from(now.plus(VALID_FOR)));
		return publicUrl.link(PATH + token);
	}

	/** What this token would do now, without using it (the page shows its form only for {@code VALID}). */
	@Transactional(readOnly = true)
	public TokenState check(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return TokenState.UNKNOWN;
		}
		List<TokenState> states = jdbc.query("select expires_at, used_at from password_token where token_hash = ?",
				(row, n) -> row.getTimestamp("used_at") != null ? TokenState.USED
						: row.getTimestamp("expires_at").toInstant().isAfter(clock.instant()) ? TokenState.VALID
								: TokenState.EXPIRED,
				Secrets.sha256(token));
		return states.isEmpty() ? TokenState.UNKNOWN : states.get(0);
	}

	/**
	 * Spends the token and sets its account's password, or answers why not ({@code USED}, {@code EXPIRED},
	 * {@code UNKNOWN}); the password must pass the {@link PasswordPolicy} (checked first, so a refused password
	 * leaves the link usable).
	 * @throws PasswordRefusedException when the policy refuses the password
	 */
	@Transactional
	public TokenState setPassword(String token, String password) {
		TokenState state = check(token);
		if (state != TokenState.VALID) {
			return state;
		}
		PasswordRefusedException.check(policy, password);
		Timestamp now = Timestamp.from(clock.instant());
		String hash = Secrets.sha256(token);
		int spent = jdbc.update("update password_token set used_at = ? where token_hash = ? and used_at is null "
				+ "and expires_at > ?", now, hash, now);
		if (spent == 0) {
			TokenState after = check(token);
			return after == TokenState.VALID ? TokenState.USED : after;
		}
		Long accountId = jdbc.queryForObject("select account_id from password_token where token_hash = ?", Long.class,
				hash);
		Account account = accounts.findById(accountId).orElseThrow();
		account.changePasswordHash(passwordEncoder.encode(password));
		if (account.getRole() == Role.MERCHANT) {
			audit.actingAs(account.getEmail(), () -> audit.recorded(AuditArea.STAFF, accountId, account.getEmail(),
					AuditAction.PASSWORD_SET_BY_LINK, FieldChange.secret("password")));
		}
		return TokenState.SET;
	}

}
