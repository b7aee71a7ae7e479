package io.nextbox.recommendation.engine;

import java.util.Set;

/**
 * Recall, NDCG and hit rate at k, averaged over the customers added; recall also split into repeat items (the
 * customer bought them before) and explore items (new to them), each averaged over the customers whose next basket
 * held such items (Li et al., A Next Basket Recommendation Reality Check, 2023).
 */
public final class Metrics {

	private double recall;

	private double ndcg;

	private double hit;

	private int customers;

	private final Split repeat = new Split();

	private final Split explore = new Split();

	public void add(int[] ranked, Set<Integer> truth, int k) {
		add(ranked, truth, k, Set.of());
	}

	/** {@code known}: the items the customer bought before, which tell repeat from explore. */
	public void add(int[] ranked, Set<Integer> truth, int k, Set<Integer> known) {
		if (truth.isEmpty()) {
			return;
		}
		int hits = 0;
		int repeatHits = 0;
		int repeatTruth = 0;
		double dcg = 0;
		for (int rank = 0; rank < Math.min(k, ranked.length); rank++) {
			if (truth.contains(ranked[rank])) {
				hits++;
				repeatHits += known.contains(ranked[rank]) ? 1 : 0;
				dcg += 1 / log2(rank + 2);
			}
		}
		for (int item : truth) {
			repeatTruth += known.contains(item) ? 1 : 0;
		}
		double idcg = 0;
		for (int rank = 0; rank < Math.min(k, truth.size()); rank++) {
			idcg += 1 / log2(rank + 2);
		}
		recall += (double) hits / truth.size();
		ndcg += dcg / idcg;
		hit += hits > 0 ? 1 : 0;
		customers++;
		repeat.add(repeatHits, repeatTruth);
		explore.add(hits - repeatHits, truth.size() - repeatTruth);
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

	/** Recall on the items the customer had bought before. */
	public double repeatRecall() {
		return repeat.recall();
	}

	/** Recall on the items new to the customer. */
	public double exploreRecall() {
		return explore.recall();
	}

	/** How many customers' next baskets held repeat items, and explore items. */
	public int repeatCustomers() {
		return repeat.customers;
	}

	public int exploreCustomers() {
		return explore.customers;
	}

	private static double log2(double value) {
		return Math.log(value) / Math.log(2);
	}

	private static final class Split {

		private double recall;

		private int customers;

		void add(int hits, int truth) {
			if (truth > 0) {
				recall += (double) hits / truth;
				customers++;
			}
		}

		double recall() {
			return customers == 0 ? 0 : recall / customers;
		}

	}

}
