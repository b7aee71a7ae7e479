package io.nextbox.recommendation.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of {@link Signal#ADD_ONS} for one item and one customer, in the list's order, as the blend scores them:
 * the item's {@code own} values, each lifted by the {@link Prior} where its category's is higher; {@code prior} is the
 * prior's share ν (0 where the category is unknown).
 */
public record Signals(double[] values, double[] own, double prior) {

	public static final int NO_ITEM = -1;

	/** The signals of an item whose facts the context knows. */
	public static Signals of(int item, Ranker.Context context) {
		return of(item, context.facts().of(item), context);
	}

	/** The signals of an item with the given facts (a product the history never saw has only these). */
	public static Signals of(int item, Facts facts, Ranker.Context context) {
		double[] own = own(item, context);
		return Prior.apply(item, facts, own, context);
	}

	/** What the history says of the item itself, signal by signal. */
	static double[] own(int item, Ranker.Context context) {
		List<Signal> signals = Signal.ADD_ONS;
		double[] values = new double[signals.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = signals.get(i).value(item, context);
		}
		return values;
	}

	/** Hand-made values, in the order of {@link Signal#ADD_ONS}, no prior: for tests. */
	public static Signals of(double... values) {
		return new Signals(values.clone(), values.clone(), 0);
	}

	public double value(int signal) {
		return values[signal];
	}

	/** The item's own value of a signal, before the prior. */
	public double own(int signal) {
		return own[signal];
	}

	/** What the prior added to the score under this blend (0 when the item's own signals were as high). */
	public double priorPart(Blend blend) {
		double lifted = 0;
		for (int i = 0; i < values.length; i++) {
			lifted += blend.weight(i) * (values[i] - own[i]);
		}
		return lifted;
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
		return "Signals" + Arrays.toString(values) + (prior > 0 ? " prior " + prior : "");
	}

}
