package io.nextbox.recommendation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a recommendation's score, by signal name. Add-ons: the values of the ranker's signals (repeat,
 * complement, popularity), each in [0, 1], blended with the model's tuned weights. Upgrades: the values of
 * {@code UpgradeSignal.ALL}, {@code transition} (share of subscribers on the current plan who moved to the target)
 * and {@code fit} (how often this subscriber already adds what the bigger plan includes), blended with the model's
 * tuned upgrade weights. {@code priorityBoost} multiplies the result: 1 + priority / 100.
 */
public record ScoreParts(Map<String, Double> signals, double priorityBoost) {

	public ScoreParts {
		signals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(signals));
	}

	/** The named part, 0 when this score has none of that name. */
	public double part(String name) {
		return signals.getOrDefault(name, 0.0);
	}

}
