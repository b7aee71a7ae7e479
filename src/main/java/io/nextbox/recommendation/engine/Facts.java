package io.nextbox.recommendation.engine;

/**
 * What the catalogue says of an item, for the prior: its category (any stable number; {@code -1} unknown) and its
 * price ({@code NaN} unknown). A history without a catalogue (a CSV) knows neither, and its prior is zero.
 */
public record Facts(int category, double price) {

	public static final Facts UNKNOWN = new Facts(-1, Double.NaN);

	public boolean knowsCategory() {
		return category >= 0;
	}

	public boolean knowsPrice() {
		return !Double.isNaN(price) && price > 0;
	}

}
