package io.nextbox.account;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.nextbox.support.CleanMigrate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.nextbox.account.InvitationIntegrationTests.concurrently;
import static io.nextbox.account.InvitationIntegrationTests.nonce;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invitations, their batches and the sign-in link request limits on PostgreSQL (their SQL is run on H2 by the other
 * tests): two workers on one batch invite each customer once, a stale invite request sends nothing, and a client
 * address gets its limit of link requests. Without a mail server here, emails are logged. Shares its context with
 * {@code PostgresApplicationTests}.
 */
@Tag("postgres")
@SpringBootTest(properties = { "nextbox.demo.enabled=true", "nextbox.demo.subscribers=60" })
@AutoConfigureMockMvc
@ActiveProfiles({ "postgres", "postgres-test" })
@Import(CleanMigrate.class)
class InvitationPostgresTests {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Invitations invitations;

	@Autowired
	private InvitationBatches batches;

	@Autowired
	private LinkRequestLimits limits;

	@Test
	void twoWorkersInviteEachCustomerWithoutALoginOnceAndAStaleRequestSendsNothing() throws Exception {
		String nonce = nonce();
		for (int i = 0; i < 4; i++) {
			jdbc.update("insert into subscriber (email, first_name, last_name, created_at) values (?, 'Pg', 'Customer', ?)",
					"pg" + i + "-" + nonce + "@invites.test", Timestamp.from(Instant.now()));
		}
		InvitationBatches.Start start = batches.create(batches.latestBatchId());
		assertThat(start.started()).isTrue();
		assertThat(batches.create(0).batchId()).as("a second start finds the running batch").isEqualTo(start.batchId());
		concurrently(2, () -> {
			batches.work(start.batchId());
			return true;
		});
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (batches.progress(start.batchId()).orElseThrow().running() && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		InvitationBatches.Progress done = batches.progress(start.batchId()).orElseThrow();
		assertThat(done.running()).isFalse();
		assertThat(done.sent()).isEqualTo(done.total()).isGreaterThanOrEqualTo(4);
		List<Long> perSubscriber = jdbc.queryForList(
				"select count(*) from invitation where batch_id = ? group by subscriber_id", Long.class, start.batchId());
		assertThat(perSubscriber).hasSize(done.total()).containsOnly(1L);

		long subscriber = jdbc.queryForObject("select id from subscriber where email = ?", Long.class,
				"pg0-" + nonce + "@invites.test");
		Invitations.InvitationState state = invitations.stateOf(subscriber);
		assertThat(state.status()).isEqualTo(Invitations.Status.INVITED);
		assertThat(invitations.invite(subscriber, 0).orElseThrow().outcome())
			.isEqualTo(Invitations.Outcome.ALREADY_ANSWERED);
		assertThat(invitations.invite(subscriber, state.lastInvitationId()).orElseThrow().outcome())
			.isEqualTo(Invitations.Outcome.SENT);
	}

	@Test
	void aClientAddressGetsItsLimitOfLinkRequests() {
		LinkRequestLimits two = limits.with(new LinkRequestLimitProperties(2, 5));
		String address = "10.66.0." + (int) (Math.random() * 250);
		assertThat(two.request("a-" + nonce() + "@invites.test", address)).isInstanceOf(LoginThrottle.Allowed.class);
		assertThat(two.request("b-" + nonce() + "@invites.test", address)).isInstanceOf(LoginThrottle.Allowed.class);
		assertThat(two.request("c-" + nonce() + "@invites.test", address)).isInstanceOf(LoginThrottle.Refused.class);
	}

}
