package io.nextbox.recommendation.engine;

import java.util.Arrays;

/**
 * An open-addressing map from int to int counts: the co-occurrence rows of a catalogue of thousands of items over
 * millions of baskets, without boxing. Not thread-safe; the model guards it.
 */
final class IntIntMap {

	private static final int EMPTY = -1;

	private int[] keys;

	private int[] values;

	private int size;

	IntIntMap() {
		this(8);
	}

	IntIntMap(int capacity) {
		int slots = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) << 1;
		keys = new int[slots];
		values = new int[slots];
		Arrays.fill(keys, EMPTY);
	}

	void increment(int key, int by) {
		if (size * 2 >= keys.length) {
			grow();
		}
		int slot = slot(key);
		if (keys[slot] == EMPTY) {
			keys[slot] = key;
			size++;
		}
		values[slot] += by;
	}

	int get(int key) {
		int slot = slot(key);
		return keys[slot] == EMPTY ? 0 : values[slot];
	}

	int size() {
		return size;
	}

	/** Calls {@code visitor} for every key with its count. */
	void forEach(IntIntVisitor visitor) {
		for (int i = 0; i < keys.length; i++) {
			if (keys[i] != EMPTY) {
				visitor.visit(keys[i], values[i]);
			}
		}
	}

	interface IntIntVisitor {

		void visit(int key, int value);

	}

	private int slot(int key) {
		int mask = keys.length - 1;
		int slot = (key * 0x9E3779B9) >>> 7 & mask;
		while (keys[slot] != EMPTY && keys[slot] != key) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	private void grow() {
		int[] oldKeys = keys;
		int[] oldValues = values;
		keys = new int[oldKeys.length * 2];
		values = new int[oldValues.length * 2];
		Arrays.fill(keys, EMPTY);
		size = 0;
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != EMPTY) {
				int slot = slot(oldKeys[i]);
				keys[slot] = oldKeys[i];
				values[slot] = oldValues[i];
				size++;
			}
		}
	}

}
