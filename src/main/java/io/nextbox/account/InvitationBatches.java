package io.nextbox.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;


import io.nextbox.audit.AuditAction;
import io.nextbox.audit.AuditArea;
import io.nextbox.audit.AuditLog;
import io.nextbox.audit.FieldChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Invite everyone not yet invited": one batch at a time, of every subscriber who was never invited and has no login
 * yet (imported customers; a subscriber with a login can already sign in), sent in the background at
 * {@code nextbox.invitations.per-minute}.
 * <p>
 * Exactly once per subscriber and batch, across restarts and instances: each subscriber is a row of
 * {@code invitation_recipient} (unique per batch), claimed by a conditional update ({@code PENDING} to
 * {@code SENDING}) committed before its email is sent, and marked {@code SENT} in the transaction that sends it. A
 * send that fails is tried again later, {@code nextbox.invitations.max-attempts} times in all; a claim whose worker
 * died (its row still {@code SENDING} after {@link #STALE_CLAIM}) counts as failed rather than risk a second email.
 * The rate holds across instances: before each send a worker advances the batch's {@code next_send_millis} by one
 * interval with a conditional update. Any instance resumes unfinished batches (the poller, from start-up on).
 */
@Service
public class InvitationBatches {

	static final Duration STALE_CLAIM = Duration.ofMinutes(10);

	private static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

	private static final Logger log = LoggerFactory.getLogger(InvitationBatches.class);

	/** A batch's progress; {@code estimatedFinish} is null once it is finished. */
	public record Progress(long id, Instant startedAt, Instant finishedAt, int total, int sent, int failed,
			int skipped, int perMinute, Instant estimatedFinish) {

		public boolean running() {
			return finishedAt == null;
		}

		public int percent() {
			return total == 0 ? 100 : (int) ((sent + failed + skipped) * 100L / total);
		}

	}

	/**
	 * What a click on "Invite everyone" got: the batch it started or found running (or that started after the page
	 * was shown), or 0 when nobody is left to invite.
	 */
	public record Start(long batchId, boolean started) {

		public boolean nobodyToInvite() {
			return batchId == 0;
		}

	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Invitations invitations;

	private final InvitationProperties properties;

	private final Executor executor;

	private final AuditLog audit;

	private final Clock clock;

	private final Set<Long> workedHere = ConcurrentHashMap.newKeySet();

	InvitationBatches(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Invitations invitations,
			InvitationProperties properties, @Qualifier("applicationTaskExecutor") Executor executor, Clock clock, AuditLog audit) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.invitations = invitations;
		this.properties = properties;
		this.executor = executor;
		this.clock = clock;
		this.audit = audit;
	}

	/** The latest batch's id, 0 when there was none: what a page's "Invite everyone" form answers. */
	public long latestBatchId() {
		Long latest = jdbc.queryForObject("select max(id) from invitation_batch", Long.class);
		return latest == null ? 0 : latest;
	}

	/** How many subscribers a batch started now would invite. */
	public int notYetInvited() {
		return jdbc.queryForObject("select count(*) from subscriber s where " + NOT_YET_INVITED, Integer.class);
	}

	private static final String NOT_YET_INVITED = """
			s.account_id is null and not exists (select 1 from invitation i where i.subscriber_id = s.id)""";

	/**
	 * Starts a batch and its worker, unless one is running or one started after the page that asks was shown
	 * ({@code answering}, the latest batch id it showed): then that one is the answer.
	 */
	public Start start(long answering) {
		Start start = create(answering);
		if (start.started()) {
			resume(start.batchId());
		}
		return start;
	}

	/** Creates the batch without starting a worker here (the poller of any instance will). */
	Start create(long answering) {
		long latest = latestBatchId();
		if (latest > answering) {
			return new Start(latest, false);
		}
		Optional<Long> running = runningBatch();
		if (running.isPresent()) {
			return new Start(running.get(), false);
		}
		try {
			return transactions.execute(status -> {
				Instant now = clock.instant();
				long id = io.nextbox.shared.BatchInsert.insertReturningIds(jdbc, """
						insert into invitation_batch (started_at, per_minute, total, next_send_millis, running_slot)
						values (?, ?, 0, ?, 1)""", List.of(now), (statement, at) -> {
					statement.setTimestamp(1, Timestamp.from(at));
					statement.setInt(2, properties.perMinute());
					statement.setLong(3, at.toEpochMilli());
				}).get(0);
				int total = jdbc.update("""
						insert into invitation_recipient (batch_id, subscriber_id, status, attempts, next_try_at)
						select ?, s.id, 'PENDING', 0, ? from subscriber s""" + " where " + NOT_YET_INVITED, id,
						Timestamp.from(now));
				if (total == 0) {
					status.setRollbackOnly();
					return new Start(0, false);
				}
				jdbc.update("update invitation_batch set total = ? where id = ?", total, id);
				audit.recorded(AuditArea.SUBSCRIBERS, id, "Everyone not yet invited", AuditAction.INVITED,
						FieldChange.set("customers", total));
				return new Start(id, true);
			});
		}
		catch (DataIntegrityViolationException | PessimisticLockingFailureException anotherStartedFirst) {
			return new Start(runningBatch().orElseGet(this::latestBatchId), false);
		}
	}

	public Optional<Long> runningBatch() {
		return jdbc.queryForList("select id from invitation_batch where running_slot = 1", Long.class)
			.stream()
			.findFirst();
	}

	public Optional<Progress> progress(long batchId) {
		List<Map<String, Object>> batches = jdbc.queryForList(
				"select started_at, finished_at, total, per_minute from invitation_batch where id = ?", batchId);
		if (batches.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> batch = batches.get(0);
		Map<String, Integer> counts = new java.util.HashMap<>();
		jdbc.query("select status, count(*) as n from invitation_recipient where batch_id = ? group by status",
				row -> {
					counts.put(row.getString("status"), row.getInt("n"));
				}, batchId);
		int perMinute = ((Number) batch.get("per_minute")).intValue();
		Object finished = batch.get("finished_at");
		int left = counts.getOrDefault("PENDING", 0) + counts.getOrDefault("SENDING", 0);
		Instant estimate = finished != null ? null
				: clock.instant().plusMillis((left * 60_000L + perMinute - 1) / perMinute);
		return Optional.of(new Progress(batchId, Invitations.instant(batch.get("started_at")),
				Invitations.instant(batch.get("finished_at")), ((Number) batch.get("total")).intValue(),
				counts.getOrDefault("SENT", 0), counts.getOrDefault("FAILED", 0), counts.getOrDefault("SKIPPED", 0),
				perMinute, estimate));
	}

	/** Starts a worker for the batch on this instance, unless one already works on it here. */
	void resume(long batchId) {
		if (workedHere.add(batchId)) {
			executor.execute(() -> {
				try {
					work(batchId);
				}
				catch (RuntimeException ex) {
					log.warn("Invitation batch {} stopped here; the poller resumes it: {}", batchId, ex.toString());
				}
				finally {
					workedHere.remove(batchId);
				}
			});
		}
	}

	/**
	 * Every instance, from a few seconds after start-up on: claims that died are counted as failed, and every
	 * unfinished batch gets a worker here.
	 */
	@Scheduled(initialDelayString = "PT5S", fixedDelayString = "PT15S")
	public void poll() {
		Instant now = clock.instant();
		jdbc.update("""
				update invitation_recipient set status = 'FAILED', last_error = 'interrupted while sending'
				where status = 'SENDING' and claimed_at < ?""", Timestamp.from(now.minus(STALE_CLAIM)));
		for (Long batchId : jdbc.queryForList("select id from invitation_batch where running_slot = 1", Long.class)) {
			resume(batchId);
		}
	}

	/** Sends the batch's invitations until none is left to claim; several workers may run it at once. */
	void work(long batchId) {
		while (true) {
			Map<String, Object> batch = jdbc.queryForMap(
					"select running_slot, per_minute, next_send_millis from invitation_batch where id = ?", batchId);
			if (batch.get("running_slot") == null) {
				return;
			}
			Instant now = clock.instant();
			List<Long> due = jdbc.queryForList("""
					select id from invitation_recipient where batch_id = ? and status = 'PENDING' and next_try_at <= ?
					order by id fetch first 1 rows only""", Long.class, batchId, Timestamp.from(now));
			if (due.isEmpty()) {
				if (finishIfDone(batchId) || !waitForRetries(batchId)) {
					return;
				}
				continue;
			}
			long nextSend = ((Number) batch.get("next_send_millis")).longValue();
			long nowMillis = now.toEpochMilli();
			if (nextSend > nowMillis) {
				sleep(Math.min(nextSend - nowMillis, LONGEST_WAIT.toMillis()));
				continue;
			}
			long interval = Math.max(1, 60_000L / ((Number) batch.get("per_minute")).intValue());
			if (jdbc.update("update invitation_batch set next_send_millis = ? where id = ? and next_send_millis = ?",
					nowMillis + interval, batchId, nextSend) == 0) {
				continue; // another worker took this turn
			}
			long recipient = due.get(0);
			if (jdbc.update("""
					update invitation_recipient set status = 'SENDING', claimed_at = ?, attempts = attempts + 1
					where id = ? and status = 'PENDING'""", Timestamp.from(now), recipient) == 1) {
				send(recipient, batchId);
			}
		}
	}

	/** Sends one claimed recipient's invitation, or puts it back for a later try, or counts it failed. */
	private void send(long recipient, long batchId) {
		try {
			transactions.executeWithoutResult(status -> {
				Map<String, Object> row = jdbc.queryForMap("""
						select s.id, s.email from invitation_recipient r join subscriber s on s.id = r.subscriber_id
						where r.id = ?""", recipient);
				long subscriberId = ((Number) row.get("id")).longValue();
				jdbc.queryForList("select id from subscriber where id = ? for update", subscriberId);
				boolean invitedMeanwhile = jdbc.queryForObject(
						"select count(*) from invitation where subscriber_id = ?", Long.class, subscriberId) > 0;
				boolean sent = !invitedMeanwhile && invitations.send(subscriberId, (String) row.get("email"), batchId);
				jdbc.update("update invitation_recipient set status = ? where id = ? and status = 'SENDING'",
						sent ? "SENT" : "SKIPPED", recipient);
			});
		}
		catch (RuntimeException ex) {
			log.warn("Invitation to recipient {} of batch {} failed: {}", recipient, batchId, ex.toString());
			String error = ex.toString();
			Instant retryAt = clock.instant().plus(Duration.ofSeconds(30));
			jdbc.update("""
					update invitation_recipient
					set status = case when attempts >= ? then 'FAILED' else 'PENDING' end, next_try_at = ?, last_error = ?
					where id = ? and status = 'SENDING'""", properties.maxAttempts(), Timestamp.from(retryAt),
					error.length() > 255 ? error.substring(0, 255) : error, recipient);
		}
	}

	/** Ends the batch once no recipient is left to send or being sent; true when it is (now) finished. */
	private boolean finishIfDone(long batchId) {
		jdbc.update("""
				update invitation_batch set running_slot = null, finished_at = ?
				where id = ? and running_slot = 1 and not exists (
				  select 1 from invitation_recipient r where r.batch_id = ? and r.status in ('PENDING', 'SENDING'))""",
				Timestamp.from(clock.instant()), batchId, batchId);
		return jdbc.queryForObject("select count(*) from invitation_batch where id = ? and running_slot is null",
				Long.class, batchId) > 0;
	}

	/** Waits for a retry that is due soon; false when only others' sends are left (they finish the batch). */
	private boolean waitForRetries(long batchId) {
		Instant next = Invitations.instant(jdbc.queryForObject(
				"select min(next_try_at) from invitation_recipient where batch_id = ? and status = 'PENDING'",
				Object.class, batchId));
		if (next == null) {
			return false;
		}
		sleep(Math.max(1, Math.min(Duration.between(clock.instant(), next).toMillis(),
				LONGEST_WAIT.toMillis())));
		return true;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
