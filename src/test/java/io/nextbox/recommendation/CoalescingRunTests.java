package io.nextbox.recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Rebuilds never overlap, and calls that come during one are served together by one more. */
class CoalescingRunTests {

	@Test
	void fiveCallsWhileOneRunsMakeOneMoreRunNotFive() throws Exception {
		CoalescingRun<Integer> rebuilds = new CoalescingRun<>();
		AtomicInteger runs = new AtomicInteger();
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			Future<Integer> first = threads.submit(() -> rebuilds.run(() -> {
				firstStarted.countDown();
				await(release);
				return runs.incrementAndGet();
			}));
			firstStarted.await();
			List<Future<Integer>> later = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				later.add(threads.submit(() -> rebuilds.run(() -> {
					mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
					int run = runs.incrementAndGet();
					running.decrementAndGet();
					return run;
				})));
			}
			Thread.sleep(200);
			release.countDown();

			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
			for (Future<Integer> call : later) {
				assertThat(call.get(10, TimeUnit.SECONDS)).as("served by the run after the first").isEqualTo(2);
			}
			assertThat(runs).hasValue(2);
			assertThat(mostAtOnce).hasValue(1);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aFailedRunIsTriedAgainByTheNextCall() {
		CoalescingRun<String> rebuilds = new CoalescingRun<>();
		try {
			rebuilds.run(() -> {
				throw new IllegalStateException("database gone");
			});
		}
		catch (IllegalStateException expected) {
			// the caller sees the failure
		}
		assertThat(rebuilds.run(() -> "built")).isEqualTo("built");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
