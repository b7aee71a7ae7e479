package io.nextbox.recommendation.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * What the store's baskets say about items: how many baskets hold each item (overall and per segment, a segment
 * being a plan in the portal), and how many hold each pair. Grows one basket at a time; one writer at a time.
 */
public final class BasketStats {

	/** Baskets larger than this add their first items' pairs only: a bulk order says little about pairs. */
	static final int MAX_PAIRED_ITEMS = 40;

	/** Shrinks conditional probabilities of rarely seen items towards zero. */
	static final double SHRINKAGE = 5.0;

	/** How many baskets' worth of the overall share a small segment's popularity is blended with. */
	static final double SEGMENT_PRIOR = 20.0;

	private int[] itemBaskets = new int[64];

	private IntIntMap[] pairs = new IntIntMap[64];

	private int totalBaskets;

	private final Map<Integer, int[]> segmentItemBaskets = new HashMap<>();

	private final Map<Integer, Integer> segmentBaskets = new HashMap<>();

	public void add(int[] items, int segment) {
		ensureCapacity(items);
		totalBaskets++;
		int[] segmentCounts = segmentCounts(segment);
		segmentBaskets.merge(segment, 1, Integer::sum);
		for (int item : items) {
			itemBaskets[item]++;
			segmentCounts[item]++;
		}
		int paired = Math.min(items.length, MAX_PAIRED_ITEMS);
		for (int a = 0; a < paired; a++) {
			for (int b = 0; b < paired; b++) {
				if (a != b) {
					row(items[a]).increment(items[b], 1);
				}
			}
		}
	}

	public int totalBaskets() {
		return totalBaskets;
	}

	public int baskets(int item) {
		return item < itemBaskets.length ? itemBaskets[item] : 0;
	}

	public int together(int item, int other) {
		return item < pairs.length && pairs[item] != null ? pairs[item].get(other) : 0;
	}

	/** P(item | other), shrunk: of the baskets holding {@code other}, the share that also hold {@code item}. */
	public double conditional(int item, int other) {
		int with = together(other, item);
		return with == 0 ? 0 : with / (baskets(other) + SHRINKAGE);
	}

	/** Share of the segment's baskets that hold the item, blended with its overall share while the segment is small. */
	public double popularity(int item, int segment) {
		double overall = totalBaskets == 0 ? 0 : (double) baskets(item) / totalBaskets;
		int[] counts = segmentItemBaskets.get(segment);
		int inSegment = counts == null || item >= counts.length ? 0 : counts[item];
		int segmentTotal = segmentBaskets.getOrDefault(segment, 0);
		return (inSegment + SEGMENT_PRIOR * overall) / (segmentTotal + SEGMENT_PRIOR);
	}

	/** The items most often bought with {@code item}, most first. */
	public int[] neighbours(int item, int limit) {
		if (item >= pairs.length || pairs[item] == null) {
			return new int[0];
		}
		return TopK.of(pairs[item], limit);
	}

	/** The items most popular in the segment (as {@link #popularity} has it), most first, ties to the smaller id. */
	public int[] mostPopular(int segment, int limit) {
		PriorityQueue<double[]> heap = new PriorityQueue<>(
				(a, b) -> a[1] != b[1] ? Double.compare(a[1], b[1]) : Double.compare(b[0], a[0]));
		for (int item = 0; item < itemBaskets.length; item++) {
			if (itemBaskets[item] > 0) {
				heap.add(new double[] { item, popularity(item, segment) });
				if (heap.size() > limit) {
					heap.poll();
				}
			}
		}
		int[] top = new int[heap.size()];
		for (int i = top.length - 1; i >= 0; i--) {
			top[i] = (int) heap.poll()[0];
		}
		return top;
	}

	/** The items in most baskets, most first. */
	public int[] mostPopular(int limit) {
		IntIntMap counts = new IntIntMap(itemBaskets.length);
		for (int item = 0; item < itemBaskets.length; item++) {
			if (itemBaskets[item] > 0) {
				counts.increment(item, itemBaskets[item]);
			}
		}
		return TopK.of(counts, limit);
	}

	private IntIntMap row(int item) {
		IntIntMap row = pairs[item];
		if (row == null) {
			row = new IntIntMap();
			pairs[item] = row;
		}
		return row;
	}

	private int[] segmentCounts(int segment) {
		int[] counts = segmentItemBaskets.get(segment);
		int needed = itemBaskets.length;
		if (counts == null || counts.length < needed) {
			counts = counts == null ? new int[needed] : Arrays.copyOf(counts, needed);
			segmentItemBaskets.put(segment, counts);
		}
		return counts;
	}

	private void ensureCapacity(int[] items) {
		int max = 0;
		for (int item : items) {
			max = Math.max(max, item);
		}
		if (max >= itemBaskets.length) {
			int size = Math.max(max + 1, itemBaskets.length * 2);
			itemBaskets = Arrays.copyOf(itemBaskets, size);
			pairs = Arrays.copyOf(pairs, size);
		}
	}

}
