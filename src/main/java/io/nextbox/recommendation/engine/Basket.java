package io.nextbox.recommendation.engine;

/**
 * One order as the model sees it: whose, which day (epoch day), which distinct items (dense ids), and its segment
 * (the plan in the portal; 0 where a history has no plans).
 */
public record Basket(int customer, int day, int[] items, int segment) {

	public Basket(int customer, int day, int[] items) {
		this(customer, day, items, 0);
	}

}
