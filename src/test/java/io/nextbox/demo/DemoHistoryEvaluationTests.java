package io.nextbox.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.IntStream;

import io.nextbox.recommendation.engine.Basket;
import io.nextbox.recommendation.engine.Dictionary;
import io.nextbox.recommendation.engine.EvaluationReport;
import io.nextbox.recommendation.engine.Evaluator;
import io.nextbox.recommendation.engine.PlanCatalogue;
import io.nextbox.recommendation.engine.PlanChanges;
import io.nextbox.recommendation.engine.Facts;
import io.nextbox.recommendation.engine.ItemFacts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recommender against the baselines on the demo store's history (2,000 subscribers, add-ons only: the plan's
 * contents come in every box and would flatter every method alike; the plan is each basket's segment, for per-plan
 * popularity as in the portal), each customer's last order held out.
 */
class DemoHistoryEvaluationTests {

	private static List<Basket> baskets;

	/** What the demo catalogue says of each add-on: its category and price, for the prior, as the portal has them. */
	private static ItemFacts facts;

	private static PlanCatalogue catalogue;

	/** Every order, its add-ons as items: an order without add-ons still tells the plan, for plan changes. */
	@BeforeAll
	static void theDemoStoresAddOns() {
		DemoStoreGenerator generator = new DemoStoreGenerator(20261125L, LocalDate.of(2026, 11, 25));
		Dictionary skus = new Dictionary();
		Dictionary plans = new Dictionary();
		baskets = new ArrayList<>();
		IntStream.rangeClosed(1, 2000).mapToObj(generator::customer).forEach(customer -> {
			for (DemoCustomer.Order order : customer.orders()) {
				int[] items = order.addOns().stream().mapToInt(addOn -> skus.id(addOn.sku())).toArray();
				baskets.add(new Basket(customer.number(),
						(int) order.orderedAt().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay(), items,
						1 + plans.id(order.planSku())));
			}
		});
		Map<Integer, PlanCatalogue.Plan> byPlan = new HashMap<>();
		for (int family = 0; family < DemoCatalog.FAMILIES.size(); family++) {
			for (DemoCatalog.PlanSpec plan : DemoCatalog.FAMILIES.get(family).plans()) {
				int segment = 1 + plans.id(plan.sku());
				byPlan.put(segment, new PlanCatalogue.Plan(segment, family, plan.tier(),
						plan.items().keySet().stream().mapToInt(skus::id).sorted().toArray()));
			}
		}
		catalogue = new PlanCatalogue(byPlan);
		Facts[] known = new Facts[skus.size()];
		for (int item = 0; item < known.length; item++) {
			DemoCatalog.Item product = DemoCatalog.product(skus.key(item));
			known[item] = new Facts(product.category().ordinal(), product.unitPrice().doubleValue());
		}
		facts = ItemFacts.of(known);
	}

	@ParameterizedTest(name = "k = {0}")
	@ValueSource(ints = { 4, 10 })
	void nextboxBeatsPersonalPlusPopularity(int k) {
		EvaluationReport report = Evaluator.evaluate(baskets, k, catalogue, facts);
		System.out.print(report.toTable());
		System.out.println(report.toJson());
		EvaluationReport withoutPrior = Evaluator.evaluate(baskets, k, catalogue);
		System.out.println("without the catalogue (no prior):");
		System.out.print(withoutPrior.toTable());

		var nextbox = report.results().get(EvaluationReport.NEXTBOX);
		var baseline = report.results().get(EvaluationReport.PERSONAL_POPULARITY);
		assertThat(report.customers()).isGreaterThan(1500);
		assertThat(nextbox.ndcg()).isGreaterThan(baseline.ndcg());
		assertThat(nextbox.recall()).isGreaterThan(baseline.recall());
		assertThat(nextbox.ndcg()).isGreaterThan(report.results().get(EvaluationReport.POPULARITY).ndcg());
		// the prior lifts only products with little history: it must not cost the recommender its recall
		assertThat(nextbox.recall())
			.isGreaterThanOrEqualTo(withoutPrior.results().get(EvaluationReport.NEXTBOX).recall() - 0.005);
	}

	@org.junit.jupiter.api.Test
	void theLearnedUpgradeWeightsRankTheActualPlanChangeBetterThanChance() {
		PlanChanges.Report planChanges = Evaluator.evaluate(baskets, 4, catalogue).planChanges();

		assertThat(planChanges.moves()).as("customers who changed plan").isGreaterThan(100);
		assertThat(planChanges.tuningMoves()).isGreaterThanOrEqualTo(PlanChanges.MIN_MOVES);
		assertThat(planChanges.results().get(PlanChanges.NEXTBOX).mrr())
			.isGreaterThan(planChanges.results().get(PlanChanges.RANDOM).mrr());
	}

}
