package io.nextbox.shared;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A value read from the database at most every five seconds: things every page or recommendation needs and that
 * change rarely (store settings, live offers, the catalogue). Another instance's change shows within that time (and
 * the time one read takes). When the value is due again, one caller reads it while the others go on with the one it
 * replaces: under load, a due value was read again by every request that arrived during its read, each reading the
 * whole catalogue. After {@link #forget()} (a change made on this instance) every caller waits for the new value, and
 * a read that began before the change never stores what it read.
 */
public final class Fresh<T> {

	private static final long FRESH_FOR_NANOS = Duration.ofSeconds(5).toNanos();

	private final Supplier<T> source;

	private volatile Snapshot<T> snapshot;

	/** Counts the calls of {@link #forget()}: a read stores its value only if none came while it read. */
	private final AtomicLong forgotten = new AtomicLong();

	private final AtomicBoolean reading = new AtomicBoolean();

	private record Snapshot<T>(T value, long readAtNanos) {
	}

	public Fresh(Supplier<T> source) {
		this.source = source;
	}

	public void forget() {
		forgotten.incrementAndGet();
		snapshot = null;
	}

	public T get() {
		Snapshot<T> current = snapshot;
		long now = System.nanoTime();
		if (current != null && now - current.readAtNanos() <= FRESH_FOR_NANOS) {
			return current.value();
		}
		if (current == null) {
			return read(now);
		}
		if (!reading.compareAndSet(false, true)) {
			// another caller is reading it again right now
			return current.value();
		}
		try {
			return read(now);
		}
		finally {
			reading.set(false);
		}
	}

	private T read(long now) {
		long before = forgotten.get();
		T value = source.get();
		if (forgotten.get() == before) {
			snapshot = new Snapshot<>(value, now);
		}
		return value;
	}

}
