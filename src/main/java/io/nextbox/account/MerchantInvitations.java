package io.nextbox.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nextbox.audit.AuditAction;
import io.nextbox.audit.AuditArea;
import io.nextbox.audit.AuditLog;
import io.nextbox.audit.FieldChange;
import io.nextbox.mail.Mailer;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inviting a merchant from the staff page: creates the login without a usable password (or keeps a pending one) and
 * emails a one-time link to set the password ({@link PasswordLinks}, 24 hours), in one transaction, so a mail server
 * that fails leaves nothing behind. Each form carries a random request key, stored with the invitation: a double
 * click, a retry or a second tab posting the same form is answered as the first and sends nothing.
 */
@Service
public class MerchantInvitations {

	/** What an invitation did. */
	public enum Outcome {

		/** A new merchant login, and its link emailed. */
		SENT,
		/** The merchant was invited before and has not set a password yet: a fresh link emailed, the old one dead. */
		RESENT,
		/** This form was already answered: nothing more sent. */
		ALREADY_SENT,
		/** Not an email address. */
		INVALID,
		/** The address belongs to a subscriber. */
		SUBSCRIBER,
		/** The address belongs to a merchant who can already sign in. */
		ACTIVE_MERCHANT,
		/** The mail server refused or could not be reached: nothing changed. */
		MAIL_FAILED

	}

	public record Invite(Outcome outcome, String email) {

		public boolean refused() {
			return outcome == Outcome.INVALID || outcome == Outcome.SUBSCRIBER || outcome == Outcome.ACTIVE_MERCHANT
					|| outcome == Outcome.MAIL_FAILED;
		}

	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final MerchantService merchants;

	private final Mailer mailer;

	private final AuditLog audit;

	private final Clock clock;

	MerchantInvitations(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, MerchantService merchants,
			Mailer mailer, Clock clock, AuditLog audit) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.merchants = merchants;
		this.mailer = mailer;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * Invites the merchant with this email, answering the form identified by {@code requestKey} once.
	 */
	public Invite invite(String email, String requestKey) {
		String normalized = AccountService.normalizeEmail(email == null ? "" : email);
		String key = requestKey != null && requestKey.matches("[A-Za-z0-9_-]{16,64}") ? requestKey
				: Secrets.randomToken();
		try {
			return transactions.execute(status -> inviteOnce(normalized, key));
		}
		catch (DataIntegrityViolationException | PessimisticLockingFailureException raced) {
			// the same form, posted twice at once: the other post made the invitation
			return answered(key).orElseThrow(() -> raced);
		}
		catch (MailException ex) {
			return new Invite(Outcome.MAIL_FAILED, normalized);
		}
	}

	private Invite inviteOnce(String email, String key) {
		Optional<Invite> answered = answered(key);
		if (answered.isPresent()) {
			return answered.get();
		}
		if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
			return new Invite(Outcome.INVALID, email);
		}
		boolean subscriber = jdbc.queryForObject("""
				select count(*) from subscriber where email = ?""", Long.class, email) > 0
				|| jdbc.queryForObject("select count(*) from account where email = ? and role = ?", Long.class, email,
						Role.SUBSCRIBER.name()) > 0;
		if (subscriber) {
			return new Invite(Outcome.SUBSCRIBER, email);
		}
		List<Long> existing = jdbc.queryForList("select id from account where email = ?", Long.class, email);
		if (!existing.isEmpty() && !merchants.pending(existing.get(0))) {
			return new Invite(Outcome.ACTIVE_MERCHANT, email);
		}
		MerchantService.AddedMerchant added = merchants.addMerchant(email);
		long accountId = jdbc.queryForObject("select id from account where email = ?", Long.class, email);
		jdbc.update("insert into merchant_invitation (account_id, request_key, sent_at) values (?, ?, ?)", accountId,
				key, Timestamp.from(clock.instant()));
		audit.staffInvited(accountId, email);
		mailer.send(email, "merchant-invitation", "mail.merchantInvite.subject",
				Map.of("link", added.link(), "hours", PasswordLinks.VALID_FOR.toHours()));
		return new Invite(added.created() ? Outcome.SENT : Outcome.RESENT, email);
	}

	private Optional<Invite> answered(String key) {
		return jdbc
			.queryForList("select a.email from merchant_invitation i join account a on a.id = i.account_id "
					+ "where i.request_key = ?", String.class, key)
			.stream()
			.findFirst()
			.map(email -> new Invite(Outcome.ALREADY_SENT, email));
	}

}
