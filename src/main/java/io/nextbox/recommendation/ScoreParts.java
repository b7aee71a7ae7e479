package io.nextbox.recommendation;

import java.util.LinkedHashMap;
import java.util.Map;

import io.nextbox.recommendation.engine.Exploration;

/**
 * The parts of a recommendation's score. Add-ons: the values of the ranker's signals by name (repeat, complement,
 * popularity), each in [0, 1] and lifted by the prior where the product has little history, blended with the
 * model's tuned weights, and {@code prior}, what the prior's lift added to the score. Upgrades: {@code transition}
 * (share of subscribers on the current plan who moved to the target) and {@code fit} (how often this subscriber
 * already adds what the bigger plan includes), blended with the model's tuned upgrade weights. Added to either:
 * {@code priorityLift}, the merchant's priority as a bounded lift (at most ±0.10), and {@code exploration}, this
 * ranking's draw from the offer's take-rate posterior.
 */
public record ScoreParts(Map<String, Double> signals, double priorityLift, Exploration.Draw exploration) {

	public ScoreParts {
		signals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(signals));
	}

	/** The named part, 0 when this score has none of that name. */
	public double part(String name) {
		return signals.getOrDefault(name, 0.0);
	}

}
