package io.nextbox.recommendation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a recommendation's score, by signal name. Add-ons: the values of the ranker's signals (repeat,
 * complement, popularity), each in [0, 1], blended with the model's tuned weights. Upgrades: {@code transition}
 * (share of subscribers on the current plan who moved to the target) and {@code fit} (how often this subscriber
 * already adds what the bigger plan includes). {@code priorityBoost} multiplies the result: 1 + priority / 100.
 */
public record ScoreParts(Map<String, Double> signals, double priorityBoost) {

	public ScoreParts {
		signals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(signals));
	}

	static Map<String, Double> upgrade(double transition, double fit) {
		Map<String, Double> parts = new LinkedHashMap<>();
		parts.put("transition", transition);
		parts.put("fit", fit);
		return parts;
	}

	/** The named part, 0 when this score has none of that name. */
	public double part(String name) {
		return signals.getOrDefault(name, 0.0);
	}

}
