package io.nextbox.reminder;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

import io.nextbox.subscription.OpenBox;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of reminder sends, one row per box ({@code box_reminder}, unique per subscription and ship date). A
 * box is claimed by inserting its row before the email goes out: of two instances or two runs, one inserts and the
 * other sees the row. A failed send may be claimed again after a pause that grows with each try, at most
 * {@value #MAX_ATTEMPTS} tries; a sent one never. Each statement commits on its own, so a claim is visible to every
 * instance before the email is sent.
 */
@Component
class ReminderLedger {

	static final int MAX_ATTEMPTS = 5;

	static final Duration FIRST_RETRY = Duration.ofMinutes(15);

	private final JdbcTemplate jdbc;

	ReminderLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Claims the box's reminder for this run: the attempt number, or empty when it is sent, being sent or spent. */
	OptionalInt claim(OpenBox box, Instant now) {
		try {
			jdbc.update("insert into box_reminder (subscriber_id, subscription_id, ship_date, status, attempts, "
					+ "claimed_at) values (?, ?, ?, 'SENDING', 1, ?)", box.subscriberId(), box.subscriptionId(),
					Date.valueOf(box.shipDate()), Timestamp.from(now));
			return OptionalInt.of(1);
		}
		catch (DuplicateKeyException claimedBefore) {
			int retried = jdbc.update("update box_reminder set status = 'SENDING', attempts = attempts + 1, "
					+ "claimed_at = ?, next_attempt_at = null where subscription_id = ? and ship_date = ? "
					+ "and status = 'FAILED' and attempts < ? and next_attempt_at <= ?", Timestamp.from(now),
					box.subscriptionId(), Date.valueOf(box.shipDate()), MAX_ATTEMPTS, Timestamp.from(now));
			if (retried == 0) {
				return OptionalInt.empty();
			}
			return OptionalInt.of(jdbc.queryForObject(
					"select attempts from box_reminder where subscription_id = ? and ship_date = ?", Integer.class,
					box.subscriptionId(), Date.valueOf(box.shipDate())));
		}
	}

	void sent(OpenBox box, Instant now) {
		jdbc.update("update box_reminder set status = 'SENT', sent_at = ?, last_error = null "
				+ "where subscription_id = ? and ship_date = ?", Timestamp.from(now), box.subscriptionId(),
				Date.valueOf(box.shipDate()));
	}

	/** The send failed: tried again after 15 minutes, then 1 hour, 4 hours, 16 hours; never after the last try. */
	void failed(OpenBox box, int attempt, String reason, Instant now) {
		Instant next = attempt >= MAX_ATTEMPTS ? null : now.plus(FIRST_RETRY.multipliedBy(1L << (2 * (attempt - 1))));
		String shortReason = reason == null ? "" : reason.length() > 500 ? reason.substring(0, 500) : reason;
		jdbc.update("update box_reminder set status = 'FAILED', next_attempt_at = ?, last_error = ? "
				+ "where subscription_id = ? and ship_date = ?", next == null ? null : Timestamp.from(next),
				shortReason, box.subscriptionId(), Date.valueOf(box.shipDate()));
	}

}
