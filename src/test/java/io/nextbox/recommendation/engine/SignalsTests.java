package io.nextbox.recommendation.engine;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each signal on small hand-made histories where the right answer is plain. */
class SignalsTests {

	private static final int COFFEE = 0;

	private static final int FILTERS = 1;

	private static final int BISCUITS = 2;

	private static final int HONEY = 3;

	private static final int RARE = 4;

	@Test
	void repeatIsTheRecencyWeightedShareOfBasketsHoldingTheItem() {
		List<Basket> history = List.of(basket(1, 100, COFFEE, BISCUITS), basket(1, 130, COFFEE, BISCUITS),
				basket(1, 160, COFFEE), basket(1, 190, COFFEE, BISCUITS));
		Profile profile = Profile.of(history, 190);
		assertThat(profile.share(COFFEE)).isCloseTo(1.0, within(1e-9));
		assertThat(profile.share(BISCUITS)).isBetween(0.6, 0.8);
		assertThat(profile.share(HONEY)).isZero();
	}

	@Test
	void recentBasketsCountMoreThanOldOnes() {
		Profile oldHabit = Profile.of(List.of(basket(1, 0, BISCUITS), basket(1, 300, COFFEE)), 300);
		Profile newHabit = Profile.of(List.of(basket(1, 0, COFFEE), basket(1, 300, BISCUITS)), 300);
		assertThat(newHabit.share(BISCUITS)).isGreaterThan(oldHabit.share(BISCUITS));
	}

	@Test
	void complementComesFromWhatIsBoughtTogether() {
		BasketStats stats = new BasketStats();
		for (int i = 0; i < 40; i++) {
			stats.add(new int[] { COFFEE, FILTERS }, 0);
			stats.add(new int[] { HONEY }, 0);
		}
		Profile coffeeDrinker = Profile.of(List.of(basket(1, 10, COFFEE)), 10);
		Ranker.Context context = new Ranker.Context(coffeeDrinker, stats, 0);
		assertThat(Signals.of(FILTERS, context).value("complement")).isGreaterThan(0.8);
		assertThat(Signals.of(HONEY, context).value("complement")).isZero();
	}

	@Test
	void shrinkageKeepsARareCoincidenceBelowAStrongHabit() {
		BasketStats stats = new BasketStats();
		stats.add(new int[] { COFFEE, RARE }, 0);
		for (int i = 0; i < 30; i++) {
			stats.add(new int[] { COFFEE, FILTERS }, 0);
			stats.add(new int[] { COFFEE }, 0);
		}
		assertThat(stats.conditional(RARE, COFFEE)).isLessThan(stats.conditional(FILTERS, COFFEE));
		BasketStats tiny = new BasketStats();
		tiny.add(new int[] { HONEY, RARE }, 0);
		assertThat(tiny.conditional(RARE, HONEY)).isLessThan(0.2);
	}

	@Test
	void popularityIsPerSegmentAndLeansOnTheOverallShareWhileTheSegmentIsSmall() {
		BasketStats stats = new BasketStats();
		for (int i = 0; i < 100; i++) {
			stats.add(new int[] { HONEY }, 2);
			stats.add(new int[] { COFFEE }, 1);
		}
		assertThat(stats.popularity(HONEY, 2)).isGreaterThan(0.8);
		assertThat(stats.popularity(HONEY, 1)).isLessThan(0.2);
		assertThat(stats.popularity(HONEY, 99)).isCloseTo(0.5, within(1e-9));
	}

	@Test
	void theBlendWeighsTheSignals() {
		Signals signals = Signals.of(1.0, 0.5, 0.2);
		assertThat(Blend.of(1, 0, 0).score(signals)).isEqualTo(1.0);
		assertThat(Blend.of(0.5, 0.5, 0).score(signals)).isEqualTo(0.75);
	}

	@Test
	void theTunerFindsThatRepeatRulesWhenCustomersRepeat() {
		Signals repeated = Signals.of(0.9, 0.1, 0.1);
		Signals popular = Signals.of(0.0, 0.2, 0.9);
		RankingPoint point = new RankingPoint(new int[] { COFFEE, HONEY }, new Signals[] { repeated, popular },
				Set.of(COFFEE));
		Blend blend = BlendTuner.tune(List.of(point, point), 1);
		assertThat(blend.weight("repeat")).isGreaterThan(blend.weight("popularity"));
		assertThat(point.rank(blend, 1)).containsExactly(COFFEE);
	}

	@Test
	void metricsAreRecallNdcgAndHitAtK() {
		Metrics metrics = new Metrics();
		metrics.add(new int[] { 5, 1, 7 }, Set.of(1, 2), 3);
		assertThat(metrics.recall()).isEqualTo(0.5);
		assertThat(metrics.hit()).isEqualTo(1.0);
		double dcg = 1 / (Math.log(3) / Math.log(2));
		double idcg = 1 + 1 / (Math.log(3) / Math.log(2));
		assertThat(metrics.ndcg()).isCloseTo(dcg / idcg, within(1e-12));
	}

	@Test
	void theEvaluationNeverSeesTheFuture() {
		// RARE is first bought on the held-out day by both customers: seen the same day, it must stay unknown
		List<Basket> history = List.of(basket(0, 1, COFFEE), basket(1, 1, COFFEE), basket(0, 3, RARE, COFFEE),
				basket(1, 3, RARE));
		EvaluationReport report = Evaluator.evaluate(history, 2);
		assertThat(report.customers()).isEqualTo(2);
		assertThat(report.results().get(EvaluationReport.NEXTBOX).recall()).isEqualTo(0.25);
		assertThat(report.results().get(EvaluationReport.POPULARITY).recall()).isEqualTo(0.25);
	}

	private static Basket basket(int customer, int day, int... items) {
		return new Basket(customer, day, items);
	}

}
