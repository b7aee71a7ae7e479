package io.nextbox.recommendation.engine;

import java.util.PriorityQueue;

/** The keys with the largest counts, largest first; ties go to the smaller key, so results are repeatable. */
final class TopK {

	private TopK() {
	}

	static int[] of(IntIntMap counts, int limit) {
		PriorityQueue<long[]> heap = new PriorityQueue<>((a, b) -> a[1] != b[1] ? Long.compare(a[1], b[1])
				: Long.compare(b[0], a[0]));
		counts.forEach((key, value) -> {
			heap.add(new long[] { key, value });
			if (heap.size() > limit) {
				heap.poll();
			}
		});
		int[] top = new int[heap.size()];
		for (int i = top.length - 1; i >= 0; i--) {
			top[i] = (int) heap.poll()[0];
		}
		return top;
	}

}
