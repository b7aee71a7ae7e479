package io.nextbox.recommendation.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code evaluate} measures, and that its tuning never sees what it measures. */
class EvaluatorTests {

	@Test
	void changingOnlyTheTestBasketsLeavesTheTunedBlendAlone() {
		int changedResults = 0;
		for (long seed = 1; seed <= 12; seed++) {
			List<Basket> history = synthetic(seed);
			List<Basket> otherTests = withOtherLastBaskets(history, seed);

			EvaluationReport report = Evaluator.evaluate(history, 4);
			EvaluationReport other = Evaluator.evaluate(otherTests, 4);

			assertThat(other.blend()).as("seed %d", seed).isEqualTo(report.blend());
			changedResults += other.results().get(EvaluationReport.NEXTBOX).recall() != report.results()
				.get(EvaluationReport.NEXTBOX)
				.recall() ? 1 : 0;
		}
		assertThat(changedResults).as("the test baskets are what is measured").isGreaterThan(6);
	}

	@Test
	void recallIsSplitIntoRepeatAndExploreItems() {
		Metrics metrics = new Metrics();
		metrics.add(new int[] { 1, 5, 7 }, Set.of(1, 2, 5), 3, Set.of(1, 2));
		assertThat(metrics.recall()).isEqualTo(2.0 / 3);
		assertThat(metrics.repeatRecall()).isEqualTo(0.5);
		assertThat(metrics.exploreRecall()).isEqualTo(1.0);

		List<Basket> history = List.of(new Basket(0, 1, new int[] { 1 }), new Basket(1, 1, new int[] { 2 }),
				new Basket(0, 2, new int[] { 1, 2 }), new Basket(1, 3, new int[] { 3 }));
		String json = Evaluator.evaluate(history, 2).toJson();
		assertThat(json).contains("\"nextbox\":{\"recall\":", "\"ndcg\":", "\"hit\":", "\"repeatRecall\":",
				"\"exploreRecall\":");
	}

	@Test
	void everyItemOfTheHistoryIsACandidate() {
		List<Basket> history = synthetic(3);
		Basket held = history.get(history.size() - 1);
		int items = history.stream().flatMapToInt(basket -> java.util.Arrays.stream(basket.items())).max().getAsInt()
				+ 1;
		assertThat(Evaluator.rankingFor(history, held, Blend.DEFAULT)).hasSize(items);
	}

	/** Customers with three favourites among 20 items, a plan each (two plans), orders over a year. */
	private static List<Basket> synthetic(long seed) {
		Random random = new Random(seed);
		List<Basket> baskets = new ArrayList<>();
		for (int customer = 0; customer < 60; customer++) {
			int[] favourites = { random.nextInt(20), random.nextInt(20), random.nextInt(20) };
			int orders = 2 + random.nextInt(6);
			int segment = 1 + random.nextInt(2);
			for (int order = 0; order < orders; order++) {
				Set<Integer> items = new LinkedHashSet<>();
				for (int favourite : favourites) {
					if (random.nextDouble() < 0.6) {
						items.add(favourite);
					}
				}
				items.add(random.nextInt(20));
				baskets.add(new Basket(customer, random.nextInt(365),
						items.stream().mapToInt(Integer::intValue).toArray(), segment));
			}
		}
		return baskets;
	}

	/** The same history, each customer's last basket (the one evaluate holds out) holding other items. */
	private static List<Basket> withOtherLastBaskets(List<Basket> history, long seed) {
		Map<Integer, Integer> last = new HashMap<>();
		List<Basket> chronological = new ArrayList<>(history);
		chronological.sort(java.util.Comparator.comparingInt(Basket::day));
		for (int i = 0; i < chronological.size(); i++) {
			last.put(chronological.get(i).customer(), i);
		}
		Random random = new Random(seed + 1000);
		List<Basket> changed = new ArrayList<>(chronological);
		for (int position : last.values()) {
			Basket basket = changed.get(position);
			changed.set(position, new Basket(basket.customer(), basket.day(),
					new int[] { random.nextInt(20), 20 + random.nextInt(5) }, basket.segment()));
		}
		return changed;
	}

}
