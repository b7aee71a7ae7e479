package io.nextbox.recommendation;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read from the database at most every few seconds: live offers and the catalogue, which every
 * recommendation needs and which change rarely. Another instance's change shows within that time.
 */
final class Fresh<T> {

	private static final long FRESH_FOR_NANOS = Duration.ofSeconds(5).toNanos();

	private final Supplier<T> source;

	private volatile Snapshot<T> snapshot;

	private record Snapshot<T>(T value, long readAtNanos) {
	}

	Fresh(Supplier<T> source) {
		this.source = source;
	}

	void forget() {
		snapshot = null;
	}

	T get() {
		Snapshot<T> current = snapshot;
		long now = System.nanoTime();
		if (current == null || now - current.readAtNanos() > FRESH_FOR_NANOS) {
			current = new Snapshot<>(source.get(), now);
			snapshot = current;
		}
		return current.value();
	}

}
