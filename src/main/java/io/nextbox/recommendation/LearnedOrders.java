package io.nextbox.recommendation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which orders one model has learnt, by id, so each is learnt exactly once whether the in-process event, the poll
 * or the rebuild's replay brings it. Every id up to {@link #highest()} is learnt except the open gaps: ids not seen
 * yet below one that was. A gap is an order still being committed (ids are handed out before commit, so 12 can
 * commit before 11) or an id that never becomes an order (a rolled-back transaction); the poll looks into each gap
 * until it has been open for the grace period, then gives it up. Not thread-safe: the model's lock guards it.
 */
final class LearnedOrders {

	/** At most this many gaps are watched; beyond it the oldest are given up (each costs a query per poll). */
	static final int MAX_GAPS = 64;

	private long highest;

	/** First id of each gap, to its last id and when it was first seen. */
	private final TreeMap<Long, Gap> gaps = new TreeMap<>();

	private record Gap(long last, Instant seen) {
	}

	/** An inclusive range of ids not learnt yet. */
	record Range(long first, long last) {
	}

	private LearnedOrders(long highest) {
		this.highest = highest;
	}

	/**
	 * What a model built from these replayed ids has learnt; ids missing among them are gaps first seen now (the
	 * newest {@link #MAX_GAPS} only, older holes in a long history being rolled-back ids).
	 */
	static LearnedOrders replayed(long[] sortedIds, Instant now) {
		LearnedOrders learned = new LearnedOrders(sortedIds.length == 0 ? 0 : sortedIds[sortedIds.length - 1]);
		long previous = 0;
		for (long id : sortedIds) {
			if (id > previous + 1) {
				learned.gaps.put(previous + 1, new Gap(id - 1, now));
			}
			previous = id;
		}
		learned.keepNewestGaps();
		return learned;
	}

	/**
	 * Marks the order learnt; false when it already was (the caller then leaves the model alone). An id above the
	 * highest opens a gap for the ids between.
	 */
	boolean claim(long id, Instant now) {
		if (id > highest) {
			if (id > highest + 1) {
				gaps.put(highest + 1, new Gap(id - 1, now));
				keepNewestGaps();
			}
			highest = id;
			return true;
		}
		Map.Entry<Long, Gap> entry = gaps.floorEntry(id);
		if (entry == null || id > entry.getValue().last()) {
			return false;
		}
		long first = entry.getKey();
		Gap gap = entry.getValue();
		gaps.remove(first);
		if (first < id) {
			gaps.put(first, new Gap(id - 1, gap.seen()));
		}
		if (id < gap.last()) {
			gaps.put(id + 1, new Gap(gap.last(), gap.seen()));
		}
		return true;
	}

	/** Gives up the gaps open longer than the grace period; returns how many ids they held. */
	long giveUpGapsOlderThan(Duration grace, Instant now) {
		long ids = 0;
		Instant limit = now.minus(grace);
		for (Iterator<Map.Entry<Long, Gap>> it = gaps.entrySet().iterator(); it.hasNext();) {
			Map.Entry<Long, Gap> entry = it.next();
			if (entry.getValue().seen().isBefore(limit)) {
				ids += entry.getValue().last() - entry.getKey() + 1;
				it.remove();
			}
		}
		return ids;
	}

	private void keepNewestGaps() {
		while (gaps.size() > MAX_GAPS) {
			gaps.pollFirstEntry();
		}
	}

	/** The highest id learnt: newer orders are read from above it. */
	long highest() {
		return highest;
	}

	List<Range> gaps() {
		List<Range> ranges = new ArrayList<>(gaps.size());
		gaps.forEach((first, gap) -> ranges.add(new Range(first, gap.last())));
		return ranges;
	}

	boolean isLearnt(long id) {
		if (id > highest) {
			return false;
		}
		Map.Entry<Long, Gap> entry = gaps.floorEntry(id);
		return entry == null || id > entry.getValue().last();
	}

}
