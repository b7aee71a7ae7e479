package io.nextbox.recommendation.engine;

import java.util.Set;

/** Recall, NDCG and hit rate at k, averaged over the customers added. */
public final class Metrics {

	private double recall;

	private double ndcg;

	private double hit;

	private int customers;

	public void add(int[] ranked, Set<Integer> truth, int k) {
		if (truth.isEmpty()) {
			return;
		}
		int hits = 0;
		double dcg = 0;
		for (int rank = 0; rank < Math.min(k, ranked.length); rank++) {
			if (truth.contains(ranked[rank])) {
				hits++;
				dcg += 1 / log2(rank + 2);
			}
		}
		double idcg = 0;
		for (int rank = 0; rank < Math.min(k, truth.size()); rank++) {
			idcg += 1 / log2(rank + 2);
		}
		recall += (double) hits / truth.size();
		ndcg += dcg / idcg;
		hit += hits > 0 ? 1 : 0;
		customers++;
	}

	public double recall() {
		return customers == 0 ? 0 : recall / customers;
	}

	public double ndcg() {
		return customers == 0 ? 0 : ndcg / customers;
	}

	public double hit() {
		return customers == 0 ? 0 : hit / customers;
	}

	public int customers() {
		return customers;
	}

	private static double log2(double value) {
		return Math.log(value) / Math.log(2);
	}

}
