package io.nextbox.recommendation.engine;

/** One order as the model sees it: whose, which day (epoch day), which distinct items (dense ids). */
public record Basket(int customer, int day, int[] items) {
}
