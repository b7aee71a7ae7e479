package io.nextbox.shared;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read from the database at most every five seconds: things every page or recommendation needs and that
 * change rarely (store settings, live offers, the catalogue). Another instance's change shows within that time.
 */
public final class Fresh<T> {

	private static final long FRESH_FOR_NANOS = Duration.ofSeconds(5).toNanos();

	private final Supplier<T> source;

	private volatile Snapshot<T> snapshot;

	private record Snapshot<T>(T value, long readAtNanos) {
	}

	public Fresh(Supplier<T> source) {
		this.source = source;
	}

	public void forget() {
		snapshot = null;
	}

	public T get() {
		Snapshot<T> current = snapshot;
		long now = System.nanoTime();
		if (current == null || now - current.readAtNanos() > FRESH_FOR_NANOS) {
			current = new Snapshot<>(source.get(), now);
			snapshot = current;
		}
		return current.value();
	}

}
