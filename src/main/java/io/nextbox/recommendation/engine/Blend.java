package io.nextbox.recommendation.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much each signal of {@link Signal#ADD_ONS} counts in the one score that ranks every candidate (the weights,
 * in the list's order, add up to one), and how fast a customer's past fades: a basket {@code halfLifeDays} old
 * counts half.
 */
public record Blend(List<Double> weights, double halfLifeDays) {

	/** Used until a model has history enough to tune its own. */
	public static final Blend DEFAULT = of(0.5, 0.3, 0.2);

	public Blend {
		weights = List.copyOf(weights);
		if (weights.size() != Signal.ADD_ONS.size()) {
			throw new IllegalArgumentException("a weight for each of " + Signal.ADD_ONS.size() + " signals");
		}
	}

	/** The weights in the order of {@link Signal#ADD_ONS}, with the default half-life. */
	public static Blend of(double... weights) {
		return new Blend(java.util.Arrays.stream(weights).boxed().toList(), Profile.HALF_LIFE_DAYS);
	}

	public Blend withHalfLife(double days) {
		return new Blend(weights, days);
	}

	public double weight(int signal) {
		return weights.get(signal);
	}

	/** The named signal's weight, 0 for a name not in the list. */
	public double weight(String name) {
		for (int i = 0; i < weights.size(); i++) {
			if (Signal.ADD_ONS.get(i).name().equals(name)) {
				return weights.get(i);
			}
		}
		return 0;
	}

	public double score(Signals signals) {
		double score = 0;
		for (int i = 0; i < weights.size(); i++) {
			score += weights.get(i) * signals.value(i);
		}
		return score;
	}

	/** Each signal's name with its weight, in the list's order. */
	public Map<String, Double> byName() {
		Map<String, Double> named = new LinkedHashMap<>();
		for (int i = 0; i < weights.size(); i++) {
			named.put(Signal.ADD_ONS.get(i).name(), weights.get(i));
		}
		return named;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("Blend[");
		byName().forEach((name, weight) -> text.append(name).append('=')
			.append(String.format(Locale.ROOT, "%.2f", weight)).append(", "));
		return text.append("halfLifeDays=").append(String.format(Locale.ROOT, "%.0f", halfLifeDays)).append(']')
			.toString();
	}

}
