package io.nextbox.recommendation;

import java.util.function.Supplier;

/**
 * Runs one task at a time, and coalesces: a call arriving while a run is going waits for it, then for one more run
 * that starts after it and serves every call that arrived meanwhile. Each caller gets the result of a run that
 * started after its call, so a rebuild asked for always reads data at least as new as the moment it was asked,
 * and however many ask at once, at most two runs happen (the one going and the one after it).
 */
final class CoalescingRun<T> {

	private final Object monitor = new Object();

	private long asked;

	private long served;

	private boolean running;

	private T last;

	T run(Supplier<T> task) {
		long mine;
		synchronized (monitor) {
			mine = ++asked;
			while (true) {
				if (served >= mine) {
					return last;
				}
				if (!running) {
					running = true;
					break;
				}
				waitFor();
			}
		}
		long covers;
		synchronized (monitor) {
			covers = asked;
		}
		T result = null;
		try {
			result = task.get();
			return result;
		}
		finally {
			synchronized (monitor) {
				running = false;
				if (result != null) {
					served = covers;
					last = result;
				}
				monitor.notifyAll();
			}
		}
	}

	private void waitFor() {
		try {
			monitor.wait();
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a rebuild", interrupted);
		}
	}

}
