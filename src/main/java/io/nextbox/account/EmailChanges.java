package io.nextbox.account;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A subscriber's change of email address, which happens only once the new address is confirmed. A request emails
 * the new address a link holding a random token (only its SHA-256 is kept, bound to the account and that address,
 * valid 24 hours); following it changes the login's and the subscriber's address in one transaction and tells the
 * old address. An address that belongs to someone else is never revealed to the person asking: the page answers
 * the same, the email to that address says it cannot be used, and its link changes nothing.
 */
@Service
public class EmailChanges {

	public static final Duration VALID_FOR = Duration.ofHours(24);

	/** The same address asked again within this is a double click, a retry or a second tab: nothing is sent again. */
	static final Duration REPEAT_WINDOW = Duration.ofMinutes(1);

	/** At most this many requests an hour per account: each one emails an address the subscriber typed. */
	public static final int MAX_REQUESTS_PER_HOUR = 5;

	static final String PATH = "/account/email/";

	private static final Logger log = LoggerFactory.getLogger(EmailChanges.class);

	/** How a request ended. */
	public enum Requested {

		/** A link (or, for a taken address, the news that it cannot be used) is on its way. */
		SENT,
		/** The same address was asked a moment ago: that email stands. */
		REPEATED,
		/** It is already the account's address: nothing to do. */
		UNCHANGED,
		/** {@link #MAX_REQUESTS_PER_HOUR} were asked in the last hour: nothing is sent. */
		TOO_MANY

	}

	/** What a link is worth; {@code CONFIRMED} only as the answer of the use that changed the address. */
	public enum State {

		PENDING, CONFIRMED, ALREADY_CONFIRMED, TAKEN, EXPIRED, UNKNOWN

	}

	/** A link and what it is for, as far as it is known. */
	public record Link(State state, Long accountId, String oldEmail, String newEmail) {

		static final Link UNKNOWN = new Link(State.UNKNOWN, null, null, null);

		Link in(State other) {
			return new Link(other, accountId, oldEmail, newEmail);
		}

	}

	/** An address waiting to be confirmed. */
	public record Pending(String newEmail, Instant expiresAt) {
	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Mailer mailer;

	private final PublicUrl publicUrl;

	private final Executor executor;

	private final Clock clock;

	EmailChanges(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Mailer mailer, PublicUrl publicUrl,
			@Qualifier("applicationTaskExecutor") Executor executor, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.mailer = mailer;
		this.publicUrl = publicUrl;
		this.executor = executor;
		this.clock = clock;
	}

	/** Whether this looks like an email address that fits the columns. */
	public static boolean isAddress(String email) {
		String normalized = AccountService.normalizeEmail(email);
		return normalized.length() <= 254 && normalized.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	}

	/**
	 * Asks to change this account's address to {@code newEmail} (checked with {@link #isAddress} first): earlier
	 * requests stop working, and the new address is emailed in the background, so the answer takes as long whether
	 * or not the address is someone else's.
	 */
	public Requested request(long accountId, String newEmail) {
		String address = AccountService.normalizeEmail(newEmail);
		if (!isAddress(address)) {
			throw new IllegalArgumentException("Not an email address: " + newEmail);
		}
		record Issued(Requested requested, String token, String oldEmail, boolean taken) {
		}
		Issued issued = transactions.execute(status -> {
			String current = lockAccount(accountId);
			if (current.equals(address)) {
				return new Issued(Requested.UNCHANGED, null, current, false);
			}
			Instant now = clock.instant();
			Long recent = jdbc.queryForObject("""
					select count(*) from email_change
					where account_id = ? and new_email = ? and confirmed_at is null and created_at > ?""", Long.class,
					accountId, address, Timestamp.from(now.minus(REPEAT_WINDOW)));
			if (recent > 0) {
				return new Issued(Requested.REPEATED, null, current, false);
			}
			Long lastHour = jdbc.queryForObject(
					"select count(*) from email_change where account_id = ? and created_at > ?", Long.class, accountId,
					Timestamp.from(now.minus(Duration.ofHours(1))));
			if (lastHour >= MAX_REQUESTS_PER_HOUR) {
				return new Issued(Requested.TOO_MANY, null, current, false);
			}
			String token = Secrets.randomToken();
			jdbc.update("""
					insert into email_change (account_id, old_email, new_email, token_hash, created_at, expires_at)
					values (?, ?, ?, ?, ?, ?)""", accountId, current, address, Secrets.sha256(token),
					Timestamp.from(now), Timestamp.from(now.plus(VALID_FOR)));
			return new Issued(Requested.SENT, token, current, isTaken(address, accountId));
		});
		if (issued.requested() == Requested.SENT) {
			inBackground(() -> {
				if (issued.taken()) {
					mailer.send(address, "email-taken", "mail.emailTaken.subject", Map.of("newEmail", address));
				}
				else {
					mailer.send(address, "email-change", "mail.emailChange.subject",
							Map.of("link", publicUrl.link(PATH + issued.token()), "oldEmail", issued.oldEmail(),
									"newEmail", address, "hours", VALID_FOR.toHours()));
				}
			});
		}
		return issued.requested();
	}

	/** The address this account asked to change to and has not confirmed yet, while its link is valid. */
	public Optional<Pending> pending(long accountId) {
		return jdbc
			.query("""
					select new_email, expires_at, confirmed_at from email_change where account_id = ?
					order by id desc""", (row, n) -> row.getTimestamp("confirmed_at") != null ? null
					: new Pending(row.getString("new_email"), row.getTimestamp("expires_at").toInstant()), accountId)
			.stream()
			.limit(1)
			.filter(pending -> pending != null && pending.expiresAt().isAfter(clock.instant()))
			.findFirst();
	}

	/** What following this link would do now, without following it (a GET: mail scanners open links). */
	public Link check(String token) {
		return transactions.execute(status -> find(token).map(this::stateOf).orElse(Link.UNKNOWN));
	}

	/**
	 * Follows the link: changes the address of the login and of its subscriber together, once; earlier sign-in
	 * links and other pending changes of the account stop working, and the old address is told.
	 */
	public Link confirm(String token) {
		Link link;
		try {
			link = transactions.execute(status -> {
				Optional<Link> found = find(token);
				if (found.isEmpty()) {
					return Link.UNKNOWN;
				}
				lockAccount(found.get().accountId());
				Link now = find(token).map(this::stateOf).orElse(Link.UNKNOWN);
				if (now.state() != State.PENDING) {
					return now;
				}
				Timestamp at = Timestamp.from(clock.instant());
				String hash = Secrets.sha256(token);
				jdbc.update("update email_change set confirmed_at = ? where token_hash = ? and confirmed_at is null",
						at, hash);
				long accountId = now.accountId();
				String oldEmail = jdbc.queryForObject("select email from account where id = ?", String.class,
						accountId);
				jdbc.update("update account set email = ? where id = ?", now.newEmail(), accountId);
				jdbc.update("update subscriber set email = ? where account_id = ?", now.newEmail(), accountId);
				jdbc.update("update sign_in_link set expires_at = ? where account_id = ? and used_at is null "
						+ "and expires_at > ?", at, accountId, at);
				return new Link(State.CONFIRMED, accountId, oldEmail, now.newEmail());
			});
		}
		catch (DataIntegrityViolationException taken) {
			// the address was taken between the check and the update: nothing changed
			return check(token).in(State.TAKEN);
		}
		if (link.state() == State.CONFIRMED) {
			inBackground(() -> mailer.send(link.oldEmail(), "email-changed", "mail.emailChanged.subject",
					Map.of("oldEmail", link.oldEmail(), "newEmail", link.newEmail())));
		}
		return link;
	}

	/**
	 * Every address this account's sessions may be indexed by: the current one, and those it had before unless
	 * another login has one of them now.
	 */
	List<String> addressesOf(long accountId) {
		return jdbc.queryForList("""
				select email from account where id = ?
				union
				select c.old_email from email_change c
				where c.account_id = ? and c.confirmed_at is not null
				  and not exists (select 1 from account a where a.email = c.old_email and a.id <> c.account_id)""",
				String.class, accountId, accountId);
	}

	private Optional<Link> find(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		// a request is replaced by any later one of its account: only the latest link can be confirmed
		List<Map<String, Object>> rows = jdbc.queryForList("""
				select c.account_id, c.old_email, c.new_email, c.expires_at, c.confirmed_at,
				       (select count(*) from email_change n where n.account_id = c.account_id and n.id > c.id) as newer
				from email_change c where c.token_hash = ?""", Secrets.sha256(token));
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> row = rows.get(0);
		State state = row.get("confirmed_at") != null ? State.ALREADY_CONFIRMED
				: ((Number) row.get("newer")).longValue() > 0 ? State.UNKNOWN
						: instant(row.get("expires_at")).isAfter(clock.instant()) ? State.PENDING : State.EXPIRED;
		return Optional.of(new Link(state, ((Number) row.get("account_id")).longValue(), (String) row.get("old_email"),
				(String) row.get("new_email")));
	}

	private Link stateOf(Link link) {
		return link.state() == State.PENDING && isTaken(link.newEmail(), link.accountId()) ? link.in(State.TAKEN)
				: link;
	}

	private boolean isTaken(String email, long accountId) {
		return jdbc.queryForObject("""
				select (select count(*) from account where email = ? and id <> ?)
				     + (select count(*) from subscriber where email = ? and (account_id is null or account_id <> ?))""",
				Long.class, email, accountId, email, accountId) > 0;
	}

	/** The account's row, locked until the transaction ends: its changes of address take turns. */
	private String lockAccount(long accountId) {
		return jdbc.queryForObject("select email from account where id = ? for update", String.class, accountId);
	}

	private static Instant instant(Object value) {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof java.time.OffsetDateTime offset) {
			return offset.toInstant();
		}
		throw new IllegalStateException("Not a time: " + value);
	}

	private void inBackground(Runnable send) {
		executor.execute(() -> {
			try {
				send.run();
			}
			catch (RuntimeException ex) {
				log.warn("Could not send an email about a change of address: {}", ex.toString());
			}
		});
	}

}
