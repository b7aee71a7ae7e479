package io.nextbox.recommendation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Upgrades are scored with weights learnt from the plan changes of the history, and {@code evaluate} ranks them. */
class PlanChangesTests {

	/** Plan 1 holds item 0; plan 2 adds item 1 to it, plan 3 item 2. One family. */
	private static final PlanCatalogue PLANS = new PlanCatalogue(Map.of(1, new PlanCatalogue.Plan(1, 0, 1,
			new int[] { 0 }), 2, new PlanCatalogue.Plan(2, 0, 2, new int[] { 0, 1 }), 3,
			new PlanCatalogue.Plan(3, 0, 2, new int[] { 0, 2 })));

	@Test
	void aHistoryWithFewMovesKeepsTheDefaultWeights() {
		// three moves a customer: up, down, up again
		assertThat(PlanChanges.tune(history(9, 2), PLANS, Profile.HALF_LIFE_DAYS)).isEqualTo(UpgradeWeights.DEFAULT);
		assertThat(PlanChanges.tune(history(40, 2), PLANS, Profile.HALF_LIFE_DAYS))
			.isNotEqualTo(UpgradeWeights.DEFAULT);
	}

	@Test
	void whenSubscribersMoveToThePlanThatHoldsWhatTheyAddTheWeightsLeanOnFit() {
		UpgradeWeights weights = PlanChanges.tune(history(200, 2), PLANS, Profile.HALF_LIFE_DAYS);

		assertThat(weights.weight(1)).as("fit").isGreaterThan(UpgradeWeights.DEFAULT.weight(1));
	}

	@Test
	void evaluateRanksEachCustomersLastMoveBetterThanTheBaselines() {
		PlanChanges.Report report = Evaluator.evaluate(history(200, 2), 4, PLANS).planChanges();

		assertThat(report.moves()).isEqualTo(200);
		assertThat(report.tuningMoves()).isEqualTo(400);
		double learnt = report.results().get(PlanChanges.NEXTBOX).mrr();
		assertThat(learnt).isGreaterThan(report.results().get(PlanChanges.TRANSITIONS).mrr())
			.isGreaterThan(report.results().get(PlanChanges.RANDOM).mrr());
		assertThat(report.results().get(PlanChanges.NEXTBOX).hitAt1()).isGreaterThan(0.8);
		assertThat(Evaluator.evaluate(history(200, 2), 4, PLANS).toJson()).contains(
				"\"planChanges\":{\"moves\":200,\"tuningMoves\":400,\"weights\":{\"transition\":",
				"\"next-tier-up\":{\"hit1\":");
	}

	@Test
	void changingOnlyTheHeldOutMovesLeavesTheTunedWeightsAlone() {
		List<Basket> history = history(200, 2);
		List<Basket> otherTargets = new ArrayList<>();
		int lastDay = history.stream().mapToInt(Basket::day).max().getAsInt();
		for (Basket basket : history) {
			boolean lastMove = basket.day() == lastDay;
			otherTargets.add(lastMove ? new Basket(basket.customer(), basket.day(), basket.items(),
					basket.segment() == 2 ? 3 : 2) : basket);
		}

		PlanChanges.Report report = PlanChanges.evaluate(history, PLANS, Profile.HALF_LIFE_DAYS);
		PlanChanges.Report other = PlanChanges.evaluate(otherTargets, PLANS, Profile.HALF_LIFE_DAYS);

		assertThat(other.weights()).isEqualTo(report.weights());
		assertThat(other.results().get(PlanChanges.NEXTBOX).mrr())
			.isLessThan(report.results().get(PlanChanges.NEXTBOX).mrr());
	}

	/**
	 * Customers start on plan 1 and now and then add item 1 or, three in four, item 2 (their taste); the plan they
	 * move to holds it 9 times in 10. Most move to plan 3, so the share who made a move points everyone there, and
	 * only a fit weighed above the default's finds the others. Each customer moves up
	 * {@code rounds} times, back down to plan 1 in between; customers start three days apart, and the last move of
	 * each is on the history's last day.
	 */
	private static List<Basket> history(int customers, int rounds) {
		Random random = new Random(7);
		List<Basket> baskets = new ArrayList<>();
		int lastDay = customers * 3 + rounds * 25;
		for (int customer = 0; customer < customers; customer++) {
			int taste = random.nextInt(4) == 0 ? 1 : 2;
			int day = customer * 3;
			for (int round = 0; round < rounds; round++) {
				for (int order = 0; order < 4; order++) {
					baskets.add(new Basket(customer, day++, random.nextDouble() < 0.25 ? new int[] { 0, taste }
							: new int[] { 0 }, 1));
				}
				int target = random.nextDouble() < 0.9 ? 1 + taste : 4 - taste;
				boolean last = round == rounds - 1;
				baskets.add(new Basket(customer, last ? lastDay : day + 5, new int[] { 0 }, target));
				day += 6;
				if (!last) {
					baskets.add(new Basket(customer, day + 5, new int[] { 0 }, 1));
					day += 6;
				}
			}
		}
		return baskets;
	}

}
