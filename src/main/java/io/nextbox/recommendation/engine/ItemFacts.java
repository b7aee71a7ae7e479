package io.nextbox.recommendation.engine;

import java.util.Arrays;

/**
 * The {@link Facts} of the items a history knows, by item id; {@link #NONE} where there is no catalogue. Grows as a
 * model learns new items, one writer at a time (the model's lock guards it).
 */
public final class ItemFacts {

	public static final ItemFacts NONE = new ItemFacts(new Facts[0], true);

	private Facts[] facts;

	private final boolean fixed;

	private ItemFacts(Facts[] facts, boolean fixed) {
		this.facts = facts;
		this.fixed = fixed;
	}

	public static ItemFacts of(Facts[] facts) {
		return new ItemFacts(facts.clone(), false);
	}

	public static ItemFacts growing() {
		return new ItemFacts(new Facts[64], false);
	}

	public Facts of(int item) {
		return item >= 0 && item < facts.length && facts[item] != null ? facts[item] : Facts.UNKNOWN;
	}

	public void put(int item, Facts fact) {
		if (fixed) {
			// NONE is one instance shared by every caller without a catalogue: writing to it would tell them all
			throw new IllegalStateException("ItemFacts.NONE is shared and read-only; learn into growing() instead");
		}
		if (item >= facts.length) {
			facts = Arrays.copyOf(facts, Math.max(item + 1, facts.length * 2));
		}
		facts[item] = fact;
	}

}
