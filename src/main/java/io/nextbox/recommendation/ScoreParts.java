package io.nextbox.recommendation;

/**
 * The parts of a recommendation's score. Add-ons: {@code repeat}, {@code complement} and {@code popularity}, each
 * in [0, 1], blended with the model's tuned weights. Upgrades: {@code transition} (share of subscribers on the
 * current plan who moved to the target) and {@code fit} (how often this subscriber already adds what the bigger
 * plan includes). {@code priorityBoost} multiplies the result: 1 + priority / 100.
 */
public record ScoreParts(double repeat, double complement, double popularity, double transition, double fit,
		double priorityBoost) {
}
