package io.nextbox.subscription;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cancel flow's record (table {@code cancel_attempt}): the reason a subscriber chose, the save offers shown for
 * it, and whether a shown offer was taken (saved) or the cancellation went through. One open attempt per subscription
 * at a time: choosing a reason again within the hour updates it, so a double click or a second tab counts once.
 */
@Service
public class CancelAttempts {

	/** How long after the last reason chosen a save offer taken still counts as taken in that visit. */
	static final Duration VISIT = Duration.ofHours(1);

	private final JdbcTemplate jdbc;

	private final SubscriptionRepository subscriptions;

	private final Clock clock;

	CancelAttempts(JdbcTemplate jdbc, SubscriptionRepository subscriptions, Clock clock) {
		this.jdbc = jdbc;
		this.subscriptions = subscriptions;
		this.clock = clock;
	}

	/**
	 * The subscriber chose a reason in the cancel flow and was shown these save offers (actions by name: {@code skip},
	 * {@code interval}, {@code quantity}, {@code plan}, {@code pause}). Ignored for a subscription already cancelled.
	 */
	@Transactional
	public void reasonChosen(long subscriberId, long subscriptionId, CancelReason reason, List<String> shown) {
		Subscription subscription = subscriptions.lockOwned(subscriberId, subscriptionId);
		if (subscription.getStatus() == SubscriptionStatus.CANCELLED) {
			return;
		}
		Instant now = clock.instant();
		String names = String.join(",", shown);
		Optional<Long> open = openVisit(subscriptionId, now);
		if (open.isPresent()) {
			jdbc.update("update cancel_attempt set reason = ?, offers_shown = ?, shown = ?, updated_at = ? where id = ?",
					reason.name(), shown.size(), names, Timestamp.from(now), open.get());
		}
		else {
			jdbc.update("insert into cancel_attempt (subscription_id, reason, offers_shown, shown, started_at, "
					+ "updated_at) values (?, ?, ?, ?, ?, ?)", subscriptionId, reason.name(), shown.size(), names,
					Timestamp.from(now), Timestamp.from(now));
		}
	}

	/**
	 * An action was applied to a locked subscription: a cancellation closes the open visit as cancelled (or records
	 * one, when the reason was never chosen before); a save offer shown in the open visit and taken closes it as
	 * saved. Any other action leaves the visit as it is.
	 */
	void actionApplied(Subscription subscription, TimelineKind kind) {
		Instant now = clock.instant();
		Optional<Long> open = openVisit(subscription.getId(), now);
		if (kind == TimelineKind.CANCELLED) {
			String reason = subscription.getCancelReason().name();
			if (open.isPresent()) {
				jdbc.update("update cancel_attempt set reason = ?, outcome = 'CANCELLED', decided_at = ? where id = ?",
						reason, Timestamp.from(now), open.get());
			}
			else {
				jdbc.update("insert into cancel_attempt (subscription_id, reason, offers_shown, shown, started_at, "
						+ "updated_at, outcome, decided_at) values (?, ?, 0, '', ?, ?, 'CANCELLED', ?)",
						subscription.getId(), reason, Timestamp.from(now), Timestamp.from(now), Timestamp.from(now));
			}
			return;
		}
		String action = saveAction(kind);
		if (action != null && open.isPresent()) {
			jdbc.update("update cancel_attempt set outcome = 'SAVED', saved_by = ?, decided_at = ? where id = ? and "
					+ "(shown = ? or shown like ? or shown like ? or shown like ?)", action, Timestamp.from(now),
					open.get(), action, action + ",%", "%," + action, "%," + action + ",%");
		}
	}

	private Optional<Long> openVisit(long subscriptionId, Instant now) {
		return jdbc.queryForList("select id from cancel_attempt where subscription_id = ? and outcome is null and "
				+ "updated_at >= ? order by id desc", Long.class, subscriptionId, Timestamp.from(now.minus(VISIT)))
			.stream()
			.findFirst();
	}

	private static String saveAction(TimelineKind kind) {
		return switch (kind) {
			case SKIPPED -> "skip";
			case INTERVAL_CHANGED -> "interval";
			case QUANTITY_CHANGED -> "quantity";
			case PLAN_CHANGED -> "plan";
			case PAUSED, PAUSED_UNTIL -> "pause";
			default -> null;
		};
	}

	/** Per reason, the visits that chose it from {@code from} (inclusive) to {@code to} (exclusive). */
	@Transactional(readOnly = true)
	public List<CancelReasonFigures> perReason(Instant from, Instant to) {
		Map<CancelReason, CancelReasonFigures> byReason = new EnumMap<>(CancelReason.class);
		jdbc.query("select reason, count(*), sum(offers_shown), "
				+ "sum(case when outcome = 'SAVED' then 1 else 0 end), "
				+ "sum(case when outcome = 'CANCELLED' then 1 else 0 end) "
				+ "from cancel_attempt where started_at >= ? and started_at < ? group by reason", row -> {
					CancelReason reason = CancelReason.valueOf(row.getString(1));
					byReason.put(reason, new CancelReasonFigures(reason, row.getLong(2), row.getLong(3),
							row.getLong(4), row.getLong(5)));
				}, Timestamp.from(from), Timestamp.from(to));
		List<CancelReasonFigures> rows = new ArrayList<>();
		for (CancelReason reason : CancelReason.values()) {
			rows.add(byReason.getOrDefault(reason, new CancelReasonFigures(reason, 0, 0, 0, 0)));
		}
		return rows;
	}

	/** The figures of every reason added up. */
	public static CancelReasonFigures total(List<CancelReasonFigures> perReason) {
		CancelReasonFigures total = new CancelReasonFigures(null, 0, 0, 0, 0);
		for (CancelReasonFigures reason : perReason) {
			total = total.plus(reason);
		}
		return total;
	}

}
