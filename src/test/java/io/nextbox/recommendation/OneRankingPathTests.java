package io.nextbox.recommendation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nextbox.ordering.PastOrder;
import io.nextbox.recommendation.engine.Basket;
import io.nextbox.recommendation.engine.Blend;
import io.nextbox.recommendation.engine.Dictionary;
import io.nextbox.recommendation.engine.Evaluator;
import io.nextbox.recommendation.engine.Facts;
import io.nextbox.recommendation.engine.PlanCatalogue;
import io.nextbox.recommendation.engine.PlanChanges;
import io.nextbox.recommendation.engine.Ranker;
import io.nextbox.recommendation.engine.UpgradeRanker;
import io.nextbox.recommendation.engine.UpgradeWeights;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal and {@code evaluate} rank a fixed case alike: the same products, in the same order, with the same scores. */
class OneRankingPathTests {

	private static final Map<Long, Set<Long>> PLAN_CONTENTS = Map.of(1L, Set.of(100L, 101L), 2L,
			Set.of(100L, 101L, 102L));

	private static final LocalDate START = LocalDate.of(2026, 1, 1);

	private static final Blend BLEND = Blend.of(0.45, 0.3, 0.25).withHalfLife(90);

	@Test
	void thePortalAndTheEvaluationRankAFixedCaseAlike() {
		List<PastOrder> before = history();
		PastOrder held = order(99, 1, 60, 1L, 200, 203);

		RecommendationModel model = new RecommendationModel(PLAN_CONTENTS, BLEND);
		before.forEach(model::add);
		List<Ranker.Candidate> everyProduct = new ArrayList<>();
		for (long product : List.of(100L, 101L, 102L, 200L, 201L, 202L, 203L, 204L)) {
			everyProduct.add(Ranker.Candidate.of(model.item(product)));
		}
		List<String> portal = model.rank(everyProduct, 1, 1, (int) held.orderedOn().toEpochDay())
			.stream()
			.map(scored -> model.productOf(scored.item()) + "=" + scored.score())
			.toList();

		Dictionary items = new Dictionary();
		List<Basket> baskets = new ArrayList<>();
		before.forEach(order -> baskets.add(RecommendationModel.basket(order, PLAN_CONTENTS, items)));
		Basket heldOut = RecommendationModel.basket(held, PLAN_CONTENTS, items);
		baskets.add(heldOut);
		List<String> evaluated = Evaluator.rankingFor(baskets, heldOut, BLEND)
			.stream()
			.map(scored -> items.key(scored.item()).substring("product:".length()) + "=" + scored.score())
			.toList();

		assertThat(evaluated).hasSize(8).isEqualTo(portal);
		// the evaluation ranked with plan 1's popularity, as the portal does for a plan 1 subscriber
		List<String> onPlan2 = model.rank(everyProduct, 1, 2, (int) held.orderedOn().toEpochDay())
			.stream()
			.map(scored -> model.productOf(scored.item()) + "=" + scored.score())
			.toList();
		assertThat(onPlan2).isNotEqualTo(portal);
	}

	@Test
	void withTheCataloguesCategoriesAndPricesThePriorLiftsAlikeOnBothPaths() {
		// 203 and 204 share 200's category: the prior lifts them for subscriber 1 on both paths
		Map<Long, Facts> facts = new HashMap<>();
		for (long product : List.of(100L, 101L, 102L)) {
			facts.put(product, new Facts(0, 12.0));
		}
		facts.put(200L, new Facts(1, 4.0));
		facts.put(201L, new Facts(2, 6.0));
		facts.put(202L, new Facts(2, 30.0));
		facts.put(203L, new Facts(1, 5.0));
		facts.put(204L, new Facts(1, 40.0));
		List<PastOrder> before = history();
		PastOrder held = order(99, 1, 60, 1L, 200, 203);

		RecommendationModel model = new RecommendationModel(PLAN_CONTENTS, BLEND, facts, UpgradeWeights.DEFAULT);
		before.forEach(model::add);
		List<Ranker.Candidate> everyProduct = new ArrayList<>();
		for (long product : List.of(100L, 101L, 102L, 200L, 201L, 202L, 203L, 204L)) {
			everyProduct.add(Ranker.Candidate.of(model.item(product)));
		}
		List<Ranker.Scored> portalRanking = model.rank(everyProduct, 1, 1, (int) held.orderedOn().toEpochDay());
		List<String> portal = portalRanking.stream()
			.map(scored -> model.productOf(scored.item()) + "=" + scored.score())
			.toList();

		Dictionary items = new Dictionary();
		List<Basket> baskets = new ArrayList<>();
		before.forEach(order -> baskets.add(RecommendationModel.basket(order, PLAN_CONTENTS, items)));
		Basket heldOut = RecommendationModel.basket(held, PLAN_CONTENTS, items);
		baskets.add(heldOut);
		List<String> evaluated = Evaluator
			.rankingFor(baskets, heldOut, BLEND, RecommendationModel.itemFacts(items, facts))
			.stream()
			.map(scored -> items.key(scored.item()).substring("product:".length()) + "=" + scored.score())
			.toList();

		assertThat(evaluated).hasSize(8).isEqualTo(portal);
		assertThat(portalRanking.stream().filter(scored -> model.productOf(scored.item()) == 203L)
			.findFirst().orElseThrow().signals().priorPart(BLEND)).isPositive();
	}

	@Test
	void thePortalAndTheEvaluationRankAPlanChangeAlike() {
		Map<Long, Set<Long>> contents = Map.of(1L, Set.of(100L), 2L, Set.of(100L, 102L), 3L,
				Set.of(100L, 102L, 103L));
		UpgradeWeights weights = UpgradeWeights.of(0.35, 0.65);
		List<PastOrder> before = new ArrayList<>();
		long id = 1;
		for (int week = 0; week < 8; week++) {
			int day = week * 7;
			before.add(order(id++, 1, day, 1L, week % 2 == 0 ? new long[] { 103 } : new long[] { 102, 103 }));
			before.add(order(id++, 2, day + 1, week < 3 ? 1L : 2L, 201));
			before.add(order(id++, 3, day + 2, week < 5 ? 1L : 3L, 202));
			before.add(order(id++, 4, day + 3, week < 2 ? 1L : 2L));
		}
		PastOrder held = order(id, 1, 60, 2L);

		RecommendationModel model = new RecommendationModel(contents, BLEND, Map.of(), weights);
		before.forEach(model::add);
		List<String> portal = model
			.rankUpgrades(List.of(UpgradeRanker.Candidate.of(2), UpgradeRanker.Candidate.of(3)), 1, 1,
					(int) held.orderedOn().toEpochDay())
			.stream()
			.map(scored -> scored.plan() + "=" + scored.score())
			.toList();

		Dictionary items = new Dictionary();
		List<Basket> baskets = new ArrayList<>();
		before.forEach(order -> baskets.add(RecommendationModel.basket(order, contents, items)));
		Basket heldOut = RecommendationModel.basket(held, contents, items);
		baskets.add(heldOut);
		Map<Integer, PlanCatalogue.Plan> plans = new java.util.HashMap<>();
		contents.forEach((plan, products) -> plans.put(plan.intValue(), new PlanCatalogue.Plan(plan.intValue(), 7,
				plan.intValue(), products.stream().mapToInt(product -> items.id("product:" + product)).toArray())));
		List<String> evaluated = PlanChanges
			.rankingFor(baskets, new PlanCatalogue(plans), heldOut, weights, BLEND.halfLifeDays())
			.stream()
			.map(scored -> scored.plan() + "=" + scored.score())
			.toList();

		assertThat(evaluated).hasSize(2).isEqualTo(portal);
		// both signals spoke: subscriber 1 adds 103 (only plan 3 has it), and two of four moved from plan 1 to 2
		assertThat(portal.get(0)).startsWith("3=");
		assertThat(model.rankUpgrades(List.of(UpgradeRanker.Candidate.of(2), UpgradeRanker.Candidate.of(3)), 4, 1,
				(int) held.orderedOn().toEpochDay()).get(0).plan()).isEqualTo(2);
	}

	/** Five subscribers on two plans over two months; subscriber 1 (plan 1) keeps adding 200, often with 201. */
	private static List<PastOrder> history() {
		List<PastOrder> orders = new ArrayList<>();
		long id = 1;
		for (int week = 0; week < 8; week++) {
			int day = week * 7;
			orders.add(order(id++, 1, day, 1L, week % 2 == 0 ? new long[] { 200, 201 } : new long[] { 200 }));
			orders.add(order(id++, 2, day + 1, 1L, 201, 202));
			orders.add(order(id++, 3, day + 2, 2L, 203));
			orders.add(order(id++, 4, day + 3, week < 4 ? 1L : 2L, 204, 203));
			orders.add(order(id++, 5, day + 4, 2L, 202, 204));
		}
		return orders;
	}

	private static PastOrder order(long id, long subscriber, int day, Long plan, long... addOns) {
		return new PastOrder(id, subscriber, START.plusDays(day), plan,
				java.util.Arrays.stream(addOns).boxed().toList());
	}

}
