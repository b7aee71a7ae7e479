package io.nextbox.offer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Offer events recorded off the request thread, in batches: the widget's impressions. A page hands them over and
 * goes on; they are written as one batch insert ({@link OfferEvents#record}, so the day counts and the metrics see
 * them as any other event) every second, or as soon as {@code nextbox.offers.event-batch} of them wait. The queue is
 * bounded ({@code nextbox.offers.event-queue}): when it is full the page writes its own, so nothing is dropped for
 * being many. A normal shutdown (SIGTERM, the actuator, the end of a test) writes what waits after the web server has
 * stopped taking requests; a process killed outright ({@code kill -9}, the machine lost) loses at most the last
 * second's impressions, never an accept, undo or dismissal, which are written in their own transactions.
 */
@Component
public class OfferEventBatches implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OfferEventBatches.class);

	/** Stops after the web server (whose graceful shutdown lets the last requests hand theirs over). */
	private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final OfferEvents events;

	private final TaskExecutor executor;

	private final BlockingQueue<OfferEvent> waiting;

	private final int batch;

	private final AtomicBoolean flushing = new AtomicBoolean();

	private final Counter failed;

	private volatile boolean running;

	OfferEventBatches(OfferEvents events, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
			MeterRegistry meters, @Value("${nextbox.offers.event-queue:20000}") int capacity,
			@Value("${nextbox.offers.event-batch:500}") int batch) {
		this.events = events;
		this.executor = executor;
		this.waiting = new ArrayBlockingQueue<>(capacity);
		this.batch = batch;
		this.failed = Counter.builder("nextbox.offer.events.batch.failures")
			.description("Batches of offer events that could not be written and were put back or written late")
			.register(meters);
	}

	/** Records the events within a second, off the caller's thread (on it when the queue is full). */
	public void recordSoon(List<OfferEvent> these) {
		if (these.isEmpty()) {
			return;
		}
		List<OfferEvent> overflow = null;
		for (OfferEvent event : these) {
			if (!waiting.offer(event)) {
				if (overflow == null) {
					overflow = new ArrayList<>();
				}
				overflow.add(event);
			}
		}
		if (overflow != null) {
			events.record(overflow);
		}
		if (waiting.size() >= batch && flushing.compareAndSet(false, true)) {
			executor.execute(() -> {
				try {
					flush();
				}
				finally {
					flushing.set(false);
				}
			});
		}
	}

	/** Writes every event waiting now, in batch inserts; what tests call before they count impressions. */
	@Scheduled(fixedDelay = 1000, initialDelay = 1000)
	public synchronized void flush() {
		drain();
	}

	private void drain() {
		List<OfferEvent> taken = new ArrayList<>();
		while (waiting.drainTo(taken, batch) > 0) {
			try {
				events.record(taken);
			}
			catch (RuntimeException ex) {
				failed.increment();
				int back = 0;
				for (OfferEvent event : taken) {
					back += waiting.offer(event) ? 1 : 0;
				}
				log.warn("Could not write {} offer events ({} kept for the next try): {}", taken.size(), back,
						ex.toString());
				return;
			}
			taken.clear();
		}
	}

	/** How many events wait to be written. */
	public int waiting() {
		return waiting.size();
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		flush();
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
