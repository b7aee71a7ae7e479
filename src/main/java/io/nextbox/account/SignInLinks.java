package io.nextbox.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import io.nextbox.mail.Mailer;
import io.nextbox.mail.PublicUrl;
import io.nextbox.shared.BatchInsert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in by an emailed link or code, for subscribers. A request makes one row holding the SHA-256 hashes of a
 * random token (the link) and of a 6-digit code; the row is used once, lives 15 minutes and dies after 5 wrong
 * codes. Requests are handled in the background, so the answer to the person asking neither waits for the mail
 * server nor takes longer for an address that has an account than for one that has none.
 * <p>
 * Merchants are not sent links: they sign in with their password, and an email inbox should not become a second
 * key to the whole store.
 */
@Service
public class SignInLinks {

	public static final Duration VALID_FOR = Duration.ofMinutes(15);

	/** How long the link in an invitation works. */
	public static final Duration INVITATION_VALID_FOR = Duration.ofDays(7);

	public static final int MAX_WRONG_CODES = 5;

	private static final Logger log = LoggerFactory.getLogger(SignInLinks.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final AccountUserDetailsService users;

	private final PasswordEncoder passwordEncoder;

	private final Mailer mailer;

	private final PublicUrl publicUrl;

	private final Executor executor;

	private final Clock clock;

	SignInLinks(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, AccountUserDetailsService users,
			PasswordEncoder passwordEncoder, Mailer mailer, PublicUrl publicUrl,
			@Qualifier("applicationTaskExecutor") Executor executor, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.mailer = mailer;
		this.publicUrl = publicUrl;
		this.executor = executor;
		this.clock = clock;
	}

	/** The outcome of following a link or entering a code. */
	public enum Outcome {

		SIGNED_IN, USED, EXPIRED, INVALID

	}

	/**
	 * @param user who is now signed in, when {@link Outcome#SIGNED_IN}
	 * @param accountId whose link it was, when known (also for a used or expired link)
	 * @param invitation whether the link came in an invitation (valid 7 days) rather than on request
	 */
	public record Result(Outcome outcome, NextboxUser user, Long accountId, boolean invitation) {

		static Result failed(Outcome outcome, Long accountId) {
			return new Result(outcome, null, accountId, false);
		}

	}

	/** A link issued for an invitation: its row and the absolute link to email. */
	record InvitationLink(long id, String link) {
	}

	/**
	 * Inside the caller's transaction: a sign-in link for the subscriber with this email, valid
	 * {@link #INVITATION_VALID_FOR}, with no code; an imported customer gets their login now.
	 * @return empty when the address belongs to no subscriber (or is a merchant's)
	 */
	Optional<InvitationLink> issueInvitation(String email) {
		Optional<Long> accountId = subscriberAccount(AccountService.normalizeEmail(email));
		if (accountId.isEmpty()) {
			return Optional.empty();
		}
		String token = Secrets.randomToken();
		Instant now = clock.instant();
		long id = BatchInsert.insertReturningIds(jdbc, """
				insert into sign_in_link (account_id, token_hash, code_hash, created_at, expires_at, kind)
				values (?, ?, ?, ?, ?, 'INVITE')""", List.of(Secrets.sha256(token)), (statement, hash) -> {
			statement.setLong(1, accountId.get());
			statement.setString(2, hash);
			// no code comes with an invitation: the hash of a random secret, which no code matches
			statement.setString(3, Secrets.sha256(Secrets.randomToken()));
			statement.setTimestamp(4, Timestamp.from(now));
			statement.setTimestamp(5, Timestamp.from(now.plus(INVITATION_VALID_FOR)));
		}).get(0);
		return Optional.of(new InvitationLink(id, publicUrl.link("/login/link/" + token)));
	}

	/**
	 * Emails a sign-in link and code to this address if it belongs to a subscriber; returns at once either way.
	 */
	public void request(String email) {
		String normalized = AccountService.normalizeEmail(email);
		executor.execute(() -> {
			try {
				send(normalized);
			}
			catch (RuntimeException ex) {
				log.warn("Could not send a sign-in link: {}", ex.toString());
			}
		});
	}

	/** Creates the link and sends it, now; nothing for an address without a subscriber. */
	void send(String email) {
		record Issued(String token, String code) {
		}
		Issued issued = transactions.execute(status -> {
			Optional<Long> accountId = subscriberAccount(email);
			if (accountId.isEmpty()) {
				return null;
			}
			String token = Secrets.randomToken();
			String code = "%06d".formatted(Secrets.randomNumber(1_000_000));
			String tokenHash = Secrets.sha256(token);
			Instant now = clock.instant();
			jdbc.update("""
					insert into sign_in_link (account_id, token_hash, code_hash, created_at, expires_at)
					values (?, ?, ?, ?, ?)""", accountId.get(), tokenHash, codeHash(tokenHash, code),
					Timestamp.from(now), Timestamp.from(now.plus(VALID_FOR)));
			return new Issued(token, code);
		});
		if (issued == null) {
			return;
		}
		mailer.send(email, "sign-in-link", "mail.signIn.subject",
				Map.of("link", publicUrl.link("/login/link/" + issued.token()), "code", issued.code(), "minutes",
						VALID_FOR.toMinutes()));
	}

	/**
	 * The login of the subscriber with this email; an imported customer, who has none yet, gets one now (with a
	 * random password nobody knows, so only links sign them in until they set one).
	 */
	private Optional<Long> subscriberAccount(String email) {
		List<Map<String, Object>> accounts = jdbc.queryForList("select id, role from account where email = ?", email);
		if (!accounts.isEmpty()) {
			Map<String, Object> account = accounts.get(0);
			return Role.SUBSCRIBER.name().equals(account.get("role"))
					? Optional.of(((Number) account.get("id")).longValue()) : Optional.empty();
		}
		List<Map<String, Object>> subscribers = jdbc.queryForList(
				"select id, first_name, last_name from subscriber where email = ? and account_id is null", email);
		if (subscribers.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> subscriber = subscribers.get(0);
		String name = (subscriber.get("first_name") + " " + subscriber.get("last_name")).trim();
		String hash = passwordEncoder.encode(Secrets.randomToken());
		String displayName = name.isEmpty() ? email : name;
		long accountId = BatchInsert.insertReturningIds(jdbc,
				"insert into account (email, password_hash, role, display_name, created_at) values (?, ?, ?, ?, ?)",
				List.of(email), (statement, address) -> {
					statement.setString(1, address);
					statement.setString(2, hash);
					statement.setString(3, Role.SUBSCRIBER.name());
					statement.setString(4, displayName.length() > 100 ? displayName.substring(0, 100) : displayName);
					statement.setTimestamp(5, Timestamp.from(clock.instant()));
				})
			.get(0);
		jdbc.update("update subscriber set account_id = ? where id = ? and account_id is null", accountId,
				subscriber.get("id"));
		return Optional.of(accountId);
	}

	/** Follows a link: signs in once, within 15 minutes, while fewer than 5 wrong codes were tried on it. */
	public Result useToken(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Result.failed(Outcome.INVALID, null);
		}
		String tokenHash = Secrets.sha256(token);
		return transactions.execute(status -> {
			List<Map<String, Object>> rows = jdbc.queryForList(
					"select id, account_id, expires_at, used_at, failed_codes, kind from sign_in_link where token_hash = ?",
					tokenHash);
			if (rows.isEmpty()) {
				return Result.failed(Outcome.INVALID, null);
			}
			return claim(rows.get(0));
		});
	}

	/** Whether this link has been used, by this account: a read, which never uses a link. */
	public boolean usedBy(String token, long accountId) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return false;
		}
		return jdbc.queryForObject(
				"select count(*) from sign_in_link where token_hash = ? and account_id = ? and used_at is not null",
				Long.class, Secrets.sha256(token), accountId) > 0;
	}

	/** Enters a code: the same as following the link of the request it came with. */
	public Result useCode(String email, String code) {
		String normalized = AccountService.normalizeEmail(email);
		String digits = code == null ? "" : code.replaceAll("\\s", "");
		return transactions.execute(status -> {
			Timestamp now = Timestamp.from(clock.instant());
			List<Map<String, Object>> live = jdbc.queryForList("""
					select l.id, l.account_id, l.token_hash, l.code_hash, l.expires_at, l.used_at, l.failed_codes, l.kind
					from sign_in_link l join account a on a.id = l.account_id
					where a.email = ? and l.kind = 'LINK' and l.used_at is null and l.expires_at > ? and l.failed_codes < ?
					order by l.id desc""", normalized, now, MAX_WRONG_CODES);
			if (!digits.matches("\\d{6}")) {
				return Result.failed(Outcome.INVALID, null);
			}
			for (Map<String, Object> row : live) {
				if (MessageDigest.isEqual(codeHash((String) row.get("token_hash"), digits).getBytes(StandardCharsets.US_ASCII),
						((String) row.get("code_hash")).getBytes(StandardCharsets.US_ASCII))) {
					return claim(row);
				}
			}
			// a wrong guess counts against every live request of this address
			for (Map<String, Object> row : live) {
				jdbc.update("update sign_in_link set failed_codes = failed_codes + 1 where id = ?", row.get("id"));
			}
			return Result.failed(Outcome.INVALID, null);
		});
	}

	/** Uses the row once: a conditional update, so two clicks cannot both sign in with it. */
	private Result claim(Map<String, Object> row) {
		long accountId = ((Number) row.get("account_id")).longValue();
		boolean invitation = "INVITE".equals(row.get("kind"));
		Instant now = clock.instant();
		int claimed = jdbc.update("""
				update sign_in_link set used_at = ?
				where id = ? and used_at is null and expires_at > ? and failed_codes < ?""", Timestamp.from(now),
				row.get("id"), Timestamp.from(now), MAX_WRONG_CODES);
		if (claimed == 1) {
			String email = jdbc.queryForObject("select email from account where id = ?", String.class, accountId);
			return new Result(Outcome.SIGNED_IN, (NextboxUser) users.loadUserByUsername(email), accountId, invitation);
		}
		Map<String, Object> current = jdbc.queryForMap("select used_at from sign_in_link where id = ?", row.get("id"));
		return new Result(current.get("used_at") != null ? Outcome.USED : Outcome.EXPIRED, null, accountId,
				invitation);
	}

	private static String codeHash(String tokenHash, String code) {
		return Secrets.sha256(tokenHash + ":" + code);
	}

}
