package io.nextbox.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.nextbox.account.EmailChanges.Pending;
import io.nextbox.account.EmailChanges.Requested;
import io.nextbox.account.EmailChanges.State;
import io.nextbox.support.CleanMigrate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account page's queries on PostgreSQL (the same context as {@code PostgresApplicationTests}): renaming, asking
 * for a new address, confirming it once, and finding the sessions by the addresses the login had.
 */
@Tag("postgres")
@SpringBootTest(properties = { "nextbox.demo.enabled=true", "nextbox.demo.subscribers=60" })
@AutoConfigureMockMvc
@ActiveProfiles({ "postgres", "postgres-test" })
@Import(CleanMigrate.class)
class AccountPagePostgresTests {

	@Autowired
	private AccountService accounts;

	@Autowired
	private SubscriberAccount subscriberAccount;

	@Autowired
	private EmailChanges changes;

	@Autowired
	private AccountSessions sessions;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void anAddressChangesOnceConfirmedAndTheSessionsAreStillFound() {
		String old = "pg-account-" + System.nanoTime() + "@nextbox.test";
		String next = "new-" + old;
		long subscriberId = accounts
			.registerSubscribers(List.of(new NewSubscriber(old, "Pat", "Gres", Instant.now())), "a long enough password")
			.get(0);
		long accountId = jdbc.queryForObject("select account_id from subscriber where id = ?", Long.class, subscriberId);

		subscriberAccount.rename(accountId, "Patricia", "Gres");
		assertThat(jdbc.queryForObject("select display_name from account where id = ?", String.class, accountId))
			.isEqualTo("Patricia Gres");
		assertThat(subscriberAccount.profile(accountId).passwordSet()).isTrue();

		assertThat(changes.request(accountId, next)).isEqualTo(Requested.SENT);
		assertThat(changes.request(accountId, next)).isEqualTo(Requested.REPEATED);
		assertThat(changes.pending(accountId)).map(Pending::newEmail).contains(next);

		// the emailed token is not kept: a row with a token this test knows stands in for the newest request
		String token = Secrets.randomToken();
		Instant now = Instant.now();
		jdbc.update("""
				insert into email_change (account_id, old_email, new_email, token_hash, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?)""", accountId, old, next, Secrets.sha256(token), Timestamp.from(now),
				Timestamp.from(now.plus(1, ChronoUnit.HOURS)));
		assertThat(changes.check(token).state()).isEqualTo(State.PENDING);
		jdbc.update("insert into spring_session (primary_id, session_id, creation_time, last_access_time, "
				+ "max_inactive_interval, expiry_time, principal_name) values (?, ?, 0, 0, 1800, 9999999999999, ?)",
				"p-" + accountId, "s-" + accountId, old);

		assertThat(changes.confirm(token).state()).isEqualTo(State.CONFIRMED);
		assertThat(changes.confirm(token).state()).isEqualTo(State.ALREADY_CONFIRMED);
		assertThat(jdbc.queryForObject("select email from subscriber where id = ?", String.class, subscriberId))
			.isEqualTo(next);
		assertThat(changes.pending(accountId)).isEmpty();

		assertThat(sessions.signOutEverywhere(accountId)).as("a session still under the old address").isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name in (?, ?)",
				Long.class, old, next))
			.isZero();
	}

}
