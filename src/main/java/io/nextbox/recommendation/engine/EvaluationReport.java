package io.nextbox.recommendation.engine;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The offline evaluation's result: metrics at k for the model and each baseline. */
public record EvaluationReport(int k, int customers, Map<String, Metrics> results, Blend blend,
		int validationCustomers, PlanChanges.Report planChanges) {

	public static final String NEXTBOX = "nextbox";

	public static final String POPULARITY = "popularity";

	public static final String PERSONAL = "personal";

	public static final String PERSONAL_POPULARITY = "personal+popularity";

	public String toJson() {
		StringBuilder json = new StringBuilder();
		json.append("{\"k\":").append(k).append(",\"customers\":").append(customers).append(",\"results\":{");
		String separator = "";
		for (Map.Entry<String, Metrics> result : results.entrySet()) {
			Metrics metrics = result.getValue();
			json.append(separator)
				.append('"')
				.append(result.getKey())
				.append("\":{\"recall\":")
				.append(number(metrics.recall()))
				.append(",\"ndcg\":")
				.append(number(metrics.ndcg()))
				.append(",\"hit\":")
				.append(number(metrics.hit()))
				.append(",\"repeatRecall\":")
				.append(number(metrics.repeatRecall()))
				.append(",\"exploreRecall\":")
				.append(number(metrics.exploreRecall()))
				.append('}');
			separator = ",";
		}
		json.append("},\"blend\":{");
		blend.byName().forEach((name, weight) -> json.append('"').append(name).append("\":").append(number(weight))
			.append(','));
		json.append("\"halfLifeDays\":")
			.append(number(blend.halfLifeDays()))
			.append("},\"validationCustomers\":")
			.append(validationCustomers)
			.append(",\"repeatCustomers\":")
			.append(results.get(NEXTBOX).repeatCustomers())
			.append(",\"exploreCustomers\":")
			.append(results.get(NEXTBOX).exploreCustomers())
			.append(",\"planChanges\":");
		appendPlanChanges(json);
		return json.append('}').toString();
	}

	private void appendPlanChanges(StringBuilder json) {
		json.append("{\"moves\":").append(planChanges.moves()).append(",\"tuningMoves\":")
			.append(planChanges.tuningMoves()).append(",\"weights\":{");
		String separator = "";
		for (Map.Entry<String, Double> weight : planChanges.weights().byName().entrySet()) {
			json.append(separator).append('"').append(weight.getKey()).append("\":").append(number(weight.getValue()));
			separator = ",";
		}
		json.append("},\"results\":{");
		separator = "";
		for (Map.Entry<String, PlanChanges.RankMetrics> result : planChanges.results().entrySet()) {
			json.append(separator).append('"').append(result.getKey()).append("\":{\"hit1\":")
				.append(number(result.getValue().hitAt1())).append(",\"mrr\":").append(number(result.getValue().mrr()))
				.append('}');
			separator = ",";
		}
		json.append("}}");
	}

	public String toTable() {
		StringBuilder table = new StringBuilder();
		table.append(String.format(Locale.ROOT, "%-22s %10s %10s %10s %10s %10s%n", "model (k=" + k + ")",
				"recall@" + k, "ndcg@" + k, "hit@" + k, "repeat", "explore"));
		for (Map.Entry<String, Metrics> result : results.entrySet()) {
			Metrics metrics = result.getValue();
			table.append(String.format(Locale.ROOT, "%-22s %10.4f %10.4f %10.4f %10.4f %10.4f%n", result.getKey(),
					metrics.recall(), metrics.ndcg(), metrics.hit(), metrics.repeatRecall(), metrics.exploreRecall()));
		}
		table.append(String.format(Locale.ROOT, "repeat / explore: recall@%d on the items the customer bought before "
				+ "(%d customers) / never bought (%d customers)%n", k, results.get(NEXTBOX).repeatCustomers(),
				results.get(NEXTBOX).exploreCustomers()));
		table.append(String.format(Locale.ROOT, "%d customers; blend tuned on %d customers' last orders before the "
				+ "held-out ones: %s%n", customers, validationCustomers, blend));
		if (planChanges.moves() == 0) {
			table.append(String.format(Locale.ROOT, "plan changes: none in this history%n"));
			return table.toString();
		}
		table.append(String.format(Locale.ROOT, "%nplan changes: each customer's last move held out (%d moves); the "
				+ "actual target among the other plans of the family%n", planChanges.moves()));
		table.append(String.format(Locale.ROOT, "%-22s %10s %10s%n", "model", "hit@1", "MRR"));
		for (Map.Entry<String, PlanChanges.RankMetrics> result : planChanges.results().entrySet()) {
			table.append(String.format(Locale.ROOT, "%-22s %10.4f %10.4f%n", result.getKey(),
					result.getValue().hitAt1(), result.getValue().mrr()));
		}
		table.append(String.format(Locale.ROOT, "upgrade weights tuned on %d earlier moves%s: %s%n",
				planChanges.tuningMoves(), planChanges.tuningMoves() < PlanChanges.MIN_MOVES
						? " (fewer than " + PlanChanges.MIN_MOVES + ": the default)" : "",
				planChanges.weights()));
		return table.toString();
	}

	static Map<String, Metrics> emptyResults() {
		Map<String, Metrics> results = new LinkedHashMap<>();
		results.put(NEXTBOX, new Metrics());
		results.put(POPULARITY, new Metrics());
		results.put(PERSONAL, new Metrics());
		results.put(PERSONAL_POPULARITY, new Metrics());
		return results;
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.6f", value);
	}

}
