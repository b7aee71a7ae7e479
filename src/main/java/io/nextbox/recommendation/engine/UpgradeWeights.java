package io.nextbox.recommendation.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How much each signal of {@link UpgradeSignal#ALL} counts in an upgrade's score, in the list's order (sum one). */
public record UpgradeWeights(List<Double> weights) {

	/** Used while the history holds too few plan changes to tune on ({@link PlanChanges#MIN_MOVES}). */
	public static final UpgradeWeights DEFAULT = of(0.5, 0.5);

	public UpgradeWeights {
		weights = List.copyOf(weights);
		if (weights.size() != UpgradeSignal.ALL.size()) {
			throw new IllegalArgumentException("a weight for each of " + UpgradeSignal.ALL.size() + " signals");
		}
	}

	public static UpgradeWeights of(double... weights) {
		return new UpgradeWeights(Arrays.stream(weights).boxed().toList());
	}

	public double weight(int signal) {
		return weights.get(signal);
	}

	/** The named signal's weight, 0 for a name not in the list. */
	public double weight(String name) {
		for (int i = 0; i < weights.size(); i++) {
			if (UpgradeSignal.ALL.get(i).name().equals(name)) {
				return weights.get(i);
			}
		}
		return 0;
	}

	public double score(double[] values) {
		double score = 0;
		for (int i = 0; i < weights.size(); i++) {
			score += weights.get(i) * values[i];
		}
		return score;
	}

	/** Each signal's name with its weight, in the list's order. */
	public Map<String, Double> byName() {
		Map<String, Double> named = new LinkedHashMap<>();
		for (int i = 0; i < weights.size(); i++) {
			named.put(UpgradeSignal.ALL.get(i).name(), weights.get(i));
		}
		return named;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("UpgradeWeights[");
		String separator = "";
		for (Map.Entry<String, Double> weight : byName().entrySet()) {
			text.append(separator).append(weight.getKey()).append('=')
				.append(String.format(Locale.ROOT, "%.2f", weight.getValue()));
			separator = ", ";
		}
		return text.append(']').toString();
	}

}
