package io.nextbox.offer;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Subscribers reached, made a plain count. Each impression carries the day of the same subscriber's previous
 * impression, on the same side of the holdout, in four scopes: the same offer at the same placement
 * ({@link #OFFER_PLACEMENT}), the same offer anywhere ({@link #OFFER}), any offer at the same placement
 * ({@link #PLACEMENT}) and any offer anywhere ({@link #ANY}); {@link #NEVER} when there was none. A subscriber had
 * an impression in a scope on the days F to T exactly when one of their impressions there falls in F to T with its
 * previous day before F, and only one does: the first of the range. Impressions are numbered in the order of their
 * time and then of their recording, and an impression recorded before others already logged (a late event) moves
 * their previous days, and makes their days counted again.
 */
@Component
class OfferReach {

	static final int OFFER_PLACEMENT = 0;

	static final int OFFER = 1;

	static final int PLACEMENT = 2;

	static final int ANY = 3;

	/** The previous day of a subscriber's first impression in a scope. */
	static final LocalDate NEVER = LocalDate.of(1, 1, 1);

	/** The gap level of an impression with no previous one, or one more than 512 days before (see V49). */
	static final int FAR = 11;

	/**
	 * The level of the gap between an impression's day and its previous day (V49): 0 the same day, {@code k} from 1
	 * to 10 a gap of at most {@code 2^(k-1)} days (and more than {@code 2^(k-2)}), {@link #FAR} more or none. An
	 * impression is the first of a range starting on a day F only when its previous day is before F, so one of level
	 * {@code k} below {@link #FAR} can only be in the range's first {@code 2^(k-1)} days.
	 */
	static int gap(LocalDate day, LocalDate previous) {
		if (previous.equals(NEVER)) {
			return FAR;
		}
		long days = java.time.temporal.ChronoUnit.DAYS.between(previous, day);
		if (days <= 0) {
			return 0;
		}
		for (int level = 1; level < FAR; level++) {
			if (days <= 1L << (level - 1)) {
				return level;
			}
		}
		return FAR;
	}

	/** The first day after {@code first} at which an impression of gap level {@code level} can no longer be a first. */
	static LocalDate firstsEnd(LocalDate first, int level) {
		return level >= FAR ? LocalDate.MAX : first.plusDays(1L << (level - 1));
	}

	/**
	 * First impressions of a range in one scope at one offer and placement: how many subscribers they are. The
	 * settled days keep no offer (0) in the scopes {@link #PLACEMENT} and {@link #ANY}, and no placement
	 * ({@code null}) in {@link #OFFER} and {@link #ANY}.
	 */
	record Count(long offerId, Placement placement, int scope, long subscribers) {
	}

	/** How many first impressions of the day {@code day} had their previous one on {@code before}. */
	record DayFirsts(LocalDate day, LocalDate before, long subscribers) {
	}

	/** The previous days of one impression, per scope. */
	record Previous(LocalDate offerPlacement, LocalDate offer, LocalDate placement, LocalDate any) {
	}

	private static final int IN_LIST = 500;

	/** The first page read back through a subscriber's impressions: a widget's cards, a few times over. */
	static final int FIRST_PAGE = 32;

	private static final int LAST_PAGE = 8192;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final OfferEventDays days;

	OfferReach(JdbcTemplate jdbc, Clock clock, OfferEventDays days) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.days = days;
	}

	/** An impression, recorded already ({@code id}) or about to be ({@code index} in its batch). */
	private record Seen(long id, int index, long subscriberId, boolean holdout, long offerId, Placement placement,
			Instant at, Previous stored) {

		boolean recorded() {
			return index < 0;
		}

	}

	/**
	 * The previous days of the impressions among {@code events} (null for other events), in the order given, before
	 * they are inserted; impressions of the same subscribers already logged after the earliest of them get theirs
	 * moved. With {@code lock}, the subscribers' rows are locked first, so two requests recording impressions for one
	 * subscriber at once take turns (a batch of history is written by one loader alone).
	 */
	Previous[] previous(List<OfferEvent> events, boolean lock) {
		return previous(events, lock, true);
	}

	/**
	 * As {@link #previous(List, boolean)}; without {@code logged}, the subscribers are known to have no impression
	 * logged yet (a seed of new subscribers), and the log is not read: the previous days come from {@code events}
	 * alone, with no statement.
	 */
	Previous[] previous(List<OfferEvent> events, boolean lock, boolean logged) {
		Previous[] previous = new Previous[events.size()];
		List<Seen> seen = new ArrayList<>();
		Set<Long> subscribers = new TreeSet<>(); // locked in id order: two batches never wait on each other in a circle
		Instant earliest = null;
		for (int i = 0; i < events.size(); i++) {
			OfferEvent event = events.get(i);
			if (event.type() == OfferEventType.IMPRESSION) {
				seen.add(new Seen(-1, i, event.subscriberId(), event.holdout(), event.offerId(), event.placement(),
						event.occurredAt(), null));
				subscribers.add(event.subscriberId());
				earliest = earliest == null || event.occurredAt().isBefore(earliest) ? event.occurredAt() : earliest;
			}
		}
		if (seen.isEmpty()) {
			return previous;
		}
		ZoneId zone = clock.getZone();
		Map<String, LocalDate> last = new HashMap<>();
		Instant from = earliest;
		for (List<Long> some : logged ? chunks(subscribers) : List.<List<Long>>of()) {
			String in = String.join(", ", Collections.nCopies(some.size(), "?"));
			if (lock) {
				jdbc.queryForList("select id from subscriber where id in (" + in + ") for update", Long.class,
						some.toArray());
			}
			// their impressions at or after the earliest new one, whose previous days the new ones may move: over the
			// subscriber index, only those (the same moments' as a rule, more for a late event)
			List<Object> arguments = new ArrayList<>(some);
			arguments.add(Timestamp.from(from));
			// (the type is left to Java: a condition on it could lead a planner to an index of all impressions)
			jdbc.query("select id, subscriber_id, holdout, offer_id, placement, occurred_at, prev_offer_placement, "
					+ "prev_offer, prev_placement, prev_any, type from offer_event where subscriber_id in (" + in
					+ ") and occurred_at >= ?", (ResultSet row) -> {
						if (!"IMPRESSION".equals(row.getString(11))) {
							return;
						}
						seen.add(new Seen(row.getLong(1), -1, row.getLong(2), row.getBoolean(3), row.getLong(4),
								Placement.valueOf(row.getString(5)), row.getTimestamp(6).toInstant(),
								new Previous(row.getObject(7, LocalDate.class), row.getObject(8, LocalDate.class),
										row.getObject(9, LocalDate.class), row.getObject(10, LocalDate.class))));
					}, arguments.toArray());
		}
		if (logged) {
			// the day each chain these impressions are in was last seen before them: read back from the earliest new
			// one, the latest first, only until each chain is found (not every impression of a subscriber shown the
			// widget thousands of times)
			Map<Long, Set<String>> wanted = new HashMap<>();
			for (Seen impression : seen) {
				wanted.computeIfAbsent(impression.subscriberId(), id -> new HashSet<>())
					.addAll(List.of(keys(impression.subscriberId(), impression.holdout(), impression.offerId(),
							impression.placement())));
			}
			wanted.forEach((subscriber, keys) -> lastDaysBefore(subscriber, from, keys, last, zone));
		}
		// in the order of the log: by time, then those recorded before those about to be, each in its own order
		seen.sort(Comparator.comparing(Seen::at)
			.thenComparing(Seen::recorded, Comparator.reverseOrder())
			.thenComparingLong(Seen::id)
			.thenComparingInt(Seen::index));
		List<Object[]> moved = new ArrayList<>();
		LocalDate movedFirst = null;
		LocalDate movedLast = null;
		for (Seen impression : seen) {
			LocalDate day = LocalDate.ofInstant(impression.at(), zone);
			String[] keys = keys(impression.subscriberId(), impression.holdout(), impression.offerId(),
					impression.placement());
			LocalDate[] before = new LocalDate[keys.length];
			for (int scope = 0; scope < keys.length; scope++) {
				before[scope] = last.getOrDefault(keys[scope], NEVER);
				last.put(keys[scope], day);
			}
			Previous found = new Previous(before[0], before[1], before[2], before[3]);
			if (!impression.recorded()) {
				previous[impression.index()] = found;
			}
			else if (!Objects.equals(found, impression.stored())) {
				moved.add(new Object[] { found.offerPlacement(), found.offer(), found.placement(), found.any(),
						gap(day, found.placement()), gap(day, found.any()), impression.id() });
				movedFirst = movedFirst == null || day.isBefore(movedFirst) ? day : movedFirst;
				movedLast = movedLast == null || day.isAfter(movedLast) ? day : movedLast;
			}
		}
		if (!moved.isEmpty()) {
			jdbc.batchUpdate("update offer_event set prev_offer_placement = ?, prev_offer = ?, prev_placement = ?, "
					+ "prev_any = ?, gap_placement = ?, gap_any = ? where id = ?", moved);
			days.uncount(movedFirst, movedLast);
		}
		return previous;
	}

	/** An event of the log as a chain's look-back reads it. */
	private record Logged(boolean impression, boolean holdout, long offerId, Placement placement, Instant at) {
	}

	/**
	 * Puts into {@code last} the day of the subscriber's latest impression before {@code before} in each chain of
	 * {@code wanted}, none for a chain with none: pages of their impressions, the latest first (over the subscriber
	 * index, read backwards, so a page costs its rows, not the subscriber's history), each page larger than the one
	 * before, until every chain is found or the history ends.
	 */
	private void lastDaysBefore(long subscriberId, Instant before, Set<String> wanted, Map<String, LocalDate> last,
			ZoneId zone) {
		Set<String> missing = new HashSet<>(wanted);
		Instant cursor = before;
		int page = FIRST_PAGE;
		while (!missing.isEmpty()) {
			List<Logged> rows = jdbc.query("select type, holdout, offer_id, placement, occurred_at from offer_event "
					+ "where subscriber_id = ? and occurred_at < ? order by subscriber_id desc, occurred_at desc "
					+ "fetch first " + page + " rows with ties",
					(row, n) -> new Logged("IMPRESSION".equals(row.getString(1)), row.getBoolean(2), row.getLong(3),
							Placement.valueOf(row.getString(4)), row.getTimestamp(5).toInstant()),
					subscriberId, Timestamp.from(cursor));
			for (Logged row : rows) {
				// the rows of one moment all come in one page (with ties), so the next page starts before it
				cursor = row.at();
				if (!row.impression()) {
					continue;
				}
				for (String key : keys(subscriberId, row.holdout(), row.offerId(), row.placement())) {
					if (missing.remove(key)) {
						last.put(key, LocalDate.ofInstant(row.at(), zone));
					}
				}
			}
			if (rows.size() < page) {
				return;
			}
			page = Math.min(page * 4, LAST_PAGE);
		}
	}

	/** The four scopes' keys of one impression, in the order of the scopes. */
	private static String[] keys(long subscriberId, boolean holdout, long offerId, Placement placement) {
		String subscriber = subscriberId + (holdout ? "h" : "s");
		return new String[] { subscriber + ":op:" + offerId + ":" + placement.name(), subscriber + ":o:" + offerId,
				subscriber + ":p:" + placement.name(), subscriber + ":a" };
	}

	private static List<List<Long>> chunks(Set<Long> ids) {
		List<Long> all = new ArrayList<>(ids);
		List<List<Long>> chunks = new ArrayList<>();
		for (int start = 0; start < all.size(); start += IN_LIST) {
			chunks.add(all.subList(start, Math.min(all.size(), start + IN_LIST)));
		}
		return chunks;
	}

}
