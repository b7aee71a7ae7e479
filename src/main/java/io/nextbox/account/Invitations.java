package io.nextbox.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nextbox.account.SignInLinks.InvitationLink;
import io.nextbox.audit.AuditAction;
import io.nextbox.audit.AuditArea;
import io.nextbox.audit.AuditLog;
import io.nextbox.audit.FieldChange;
import io.nextbox.mail.Mailer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations from the store to one subscriber: an email with a sign-in link valid 7 days ({@link SignInLinks}),
 * which also works for an imported customer who has no login yet. A request names the invitation it answers (the
 * last one the merchant's page showed), so a double click, a retry or a second tab sends one email.
 */
@Service
@EnableConfigurationProperties(InvitationProperties.class)
public class Invitations {

	/** Where a subscriber stands. */
	public enum Status {

		NOT_INVITED, INVITED, SIGNED_IN

	}

	/**
	 * @param lastInvitationId the latest invitation's id, 0 when none: what the next invite request answers
	 * @param invitedAt when the latest invitation was sent, or null
	 */
	public record InvitationState(Status status, long lastInvitationId, Instant invitedAt) {
	}

	/** What an invite request did. */
	public enum Outcome {

		/** The invitation is sent. */
		SENT,
		/** Another request answered first (double click, second tab): nothing sent, here is the state now. */
		ALREADY_ANSWERED,
		/** The subscriber's address is a merchant's login: no invitation. */
		NOT_INVITABLE,
		/** The mail server refused or could not be reached: nothing changed. */
		MAIL_FAILED

	}

	public record InviteResult(Outcome outcome, InvitationState state) {
	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final SignInLinks links;

	private final Mailer mailer;

	private final AuditLog audit;

	private final Clock clock;

	Invitations(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, SignInLinks links, Mailer mailer,
			Clock clock, AuditLog audit) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.links = links;
		this.mailer = mailer;
		this.clock = clock;
		this.audit = audit;
	}

	public InvitationState stateOf(long subscriberId) {
		List<Map<String, Object>> rows = jdbc.queryForList("""
				select i.id, i.sent_at, s.account_id from invitation i join subscriber s on s.id = i.subscriber_id
				where i.subscriber_id = ? order by i.id desc""", subscriberId);
		if (rows.isEmpty()) {
			return new InvitationState(Status.NOT_INVITED, 0, null);
		}
		Map<String, Object> last = rows.get(0);
		long accountId = ((Number) last.get("account_id")).longValue();
		boolean signedIn = jdbc.queryForObject(
				"select count(*) from sign_in_link where account_id = ? and used_at is not null", Long.class,
				accountId) > 0;
		return new InvitationState(signedIn ? Status.SIGNED_IN : Status.INVITED, ((Number) last.get("id")).longValue(),
				instant(last.get("sent_at")));
	}

	/** A {@code timestamp with time zone} as read by {@code queryForList}: H2 and PostgreSQL answer different types. */
	static Instant instant(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof java.time.OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		throw new IllegalArgumentException("Not a timestamp: " + value.getClass());
	}

	/**
	 * Invites the subscriber, unless the request answers an older state than the current one (then it only answers
	 * that state): {@code answering} is the last invitation id the merchant saw, 0 for none.
	 * @return empty for an unknown subscriber
	 */
	public Optional<InviteResult> invite(long subscriberId, long answering) {
		try {
			return transactions.execute(status -> {
				List<String> emails = jdbc.queryForList("select email from subscriber where id = ? for update",
						String.class, subscriberId);
				if (emails.isEmpty()) {
					return Optional.empty();
				}
				InvitationState before = stateOf(subscriberId);
				if (before.lastInvitationId() != answering) {
					return Optional.of(new InviteResult(Outcome.ALREADY_ANSWERED, before));
				}
				if (!send(subscriberId, emails.get(0), null)) {
					return Optional.of(new InviteResult(Outcome.NOT_INVITABLE, before));
				}
				audit.onSubscribersBehalf(subscriberId, emails.get(0), "invitation sent");
				return Optional.of(new InviteResult(Outcome.SENT, stateOf(subscriberId)));
			});
		}
		catch (MailException ex) {
			return Optional.of(new InviteResult(Outcome.MAIL_FAILED, stateOf(subscriberId)));
		}
	}

	/**
	 * Inside the caller's transaction: issues the link, records the invitation and sends the email (a send that
	 * throws rolls the rest back). False, sending nothing, when the address is a merchant's login.
	 */
	boolean send(long subscriberId, String email, Long batchId) {
		Optional<InvitationLink> link = links.issueInvitation(email);
		if (link.isEmpty()) {
			return false;
		}
		jdbc.update("insert into invitation (subscriber_id, sign_in_link_id, batch_id, sent_at) values (?, ?, ?, ?)",
				subscriberId, link.get().id(), batchId, Timestamp.from(clock.instant()));
		mailer.send(email, "invitation", "mail.invitation.subject",
				Map.of("link", link.get().link(), "days", SignInLinks.INVITATION_VALID_FOR.toDays()));
		return true;
	}

}
