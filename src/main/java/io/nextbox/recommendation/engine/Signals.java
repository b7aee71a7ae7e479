package io.nextbox.recommendation.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values of {@link Signal#ADD_ONS} for one item and one customer, in the list's order. */
public record Signals(double[] values) {

	public static final int NO_ITEM = -1;

	/** An item the history never saw: nothing speaks for it. */
	public static final Signals NONE = new Signals(new double[Signal.ADD_ONS.size()]);

	public static Signals of(int item, Ranker.Context context) {
		List<Signal> signals = Signal.ADD_ONS;
		double[] values = new double[signals.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = signals.get(i).value(item, context);
		}
		return new Signals(values);
	}

	/** Hand-made values, in the order of {@link Signal#ADD_ONS}: for tests. */
	public static Signals of(double... values) {
		return new Signals(values.clone());
	}

	public double value(int signal) {
		return values[signal];
	}

	/** The value of the named signal, 0 for a name not in the list. */
	public double value(String name) {
		for (int i = 0; i < values.length; i++) {
			if (Signal.ADD_ONS.get(i).name().equals(name)) {
				return values[i];
			}
		}
		return 0;
	}

	/** Each signal's name with its value, in the list's order. */
	public Map<String, Double> byName() {
		Map<String, Double> named = new LinkedHashMap<>();
		for (int i = 0; i < values.length; i++) {
			named.put(Signal.ADD_ONS.get(i).name(), values[i]);
		}
		return named;
	}

	@Override
	public String toString() {
		return "Signals" + Arrays.toString(values);
	}

}
