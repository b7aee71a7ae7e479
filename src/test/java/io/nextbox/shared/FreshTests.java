package io.nextbox.shared;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FreshTests {

	@Test
	void aValueIsReadOnceWhileFresh() {
		AtomicInteger reads = new AtomicInteger();
		Fresh<Integer> fresh = new Fresh<>(reads::incrementAndGet);
		assertThat(fresh.get()).isEqualTo(1);
		assertThat(fresh.get()).isEqualTo(1);
		assertThat(reads).hasValue(1);
	}

	@Test
	void aChangeMadeHereShowsAtOnce() {
		AtomicInteger reads = new AtomicInteger();
		Fresh<Integer> fresh = new Fresh<>(reads::incrementAndGet);
		fresh.get();
		fresh.forget();
		assertThat(fresh.get()).isEqualTo(2);
	}

	@Test
	void aReadThatBeganBeforeAChangeDoesNotStoreWhatItRead() throws Exception {
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch changed = new CountDownLatch(1);
		AtomicInteger version = new AtomicInteger();
		AtomicInteger reads = new AtomicInteger();
		Fresh<Integer> fresh = new Fresh<>(() -> {
			int seen = version.get();
			if (reads.incrementAndGet() == 1) {
				reading.countDown();
				await(changed);
			}
			return seen;
		});
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<Integer> first = pool.submit(fresh::get);
			reading.await(5, TimeUnit.SECONDS);
			version.set(1);
			fresh.forget();
			changed.countDown();
			assertThat(first.get(5, TimeUnit.SECONDS)).isZero();
			// the old read's value was not kept: the next caller reads the changed value
			assertThat(fresh.get()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
