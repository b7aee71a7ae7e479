package io.nextbox.recommendation;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.nextbox.ordering.PastOrder;
import io.nextbox.recommendation.engine.Basket;
import io.nextbox.recommendation.engine.Blend;
import io.nextbox.recommendation.engine.Dictionary;
import io.nextbox.recommendation.engine.Evaluator;
import io.nextbox.recommendation.engine.Facts;
import io.nextbox.recommendation.engine.Ranker;
import io.nextbox.recommendation.engine.Signals;

/**
 * {@code java -Xmx1g -jar nextbox.jar benchmark [--orders 1000000] [--csv OUT.csv]}: builds the production model
 * from a generated history and times it, then times ranking a widget's offers for random subscribers. Prints
 * figures; asserts nothing. {@code --csv} also writes the history in the order-history format, for timing the
 * evaluate command on the same data.
 */
public final class BenchmarkCommand {

	public static final String NAME = "benchmark";

	private static final int ITEMS = 2_000;

	private static final int PLANS = 8;

	private static final int OFFERS_PER_CALL = 20;

	private static final int CALLS = 200_000;

	private BenchmarkCommand() {
	}

	public static int run(String[] args) {
		int orders = 1_000_000;
		Path csv = null;
		for (int i = 1; i < args.length; i++) {
			switch (args[i]) {
				case "--orders" -> orders = Integer.parseInt(args[++i]);
				case "--csv" -> csv = Path.of(args[++i]);
				default -> {
					System.err.println("usage: benchmark [--orders 1000000] [--csv OUT.csv]");
					return 2;
				}
			}
		}
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.out.printf("Generating %,d orders ...%n", orders);
		List<PastOrder> history = generate(orders);
		long lines = history.stream().mapToLong(order -> order.addOnProductIds().size() + 1).sum();
		System.out.printf("%,d orders, %,d lines, %,d subscribers, %,d products%n", history.size(), lines,
				history.stream().mapToLong(PastOrder::subscriberId).distinct().count(), ITEMS);
		if (csv != null) {
			write(history, csv);
		}

		System.gc();
		long before = memory.getHeapMemoryUsage().getUsed();
		AtomicLong peak = new AtomicLong(before);
		Thread sampler = sample(memory, peak);
		long started = System.nanoTime();
		Map<Long, Set<Long>> contents = planContents();
		Dictionary tuningItems = new Dictionary();
		List<Basket> baskets = new ArrayList<>(history.size());
		for (PastOrder order : history) {
			baskets.add(RecommendationModel.basket(order, contents, tuningItems));
		}
		Blend blend = Evaluator.tuneBlend(baskets, RecommendationService.TUNING_K);
		long tuned = System.nanoTime();
		baskets = null;
		RecommendationModel model = new RecommendationModel(contents, blend);
		history.forEach(model::add);
		long built = System.nanoTime();
		sampler.interrupt();
		System.out.printf("Model build: %.1f s (tuning the blend %.1f s, learning %.1f s); heap in use grew by at most "
				+ "%,d MiB (peak %,d MiB of %,d MiB max); blend %s%n", (built - started) / 1e9,
				(tuned - started) / 1e9, (built - tuned) / 1e9, (peak.get() - before) >> 20, peak.get() >> 20,
				memory.getHeapMemoryUsage().getMax() >> 20, blend);

		latency(model, history);
		return 0;
	}

	/** Ranks 20 add-on offers for random subscribers, as a widget call does once the offers are known. */
	private static void latency(RecommendationModel model, List<PastOrder> history) {
		Random random = new Random(7);
		int today = (int) LocalDate.of(2026, 11, 25).toEpochDay();
		long[] subscribers = history.stream().mapToLong(PastOrder::subscriberId).distinct().toArray();
		long[] nanos = new long[CALLS];
		double sink = 0;
		for (int call = -20_000; call < CALLS; call++) {
			long subscriber = subscribers[random.nextInt(subscribers.length)];
			int segment = 1 + random.nextInt(PLANS);
			long start = System.nanoTime();
			List<Ranker.Candidate> offers = new ArrayList<>(OFFERS_PER_CALL);
			for (int offer = 0; offer < OFFERS_PER_CALL; offer++) {
				Integer item = model.item(1 + random.nextInt(ITEMS));
				offers.add(new Ranker.Candidate(item == null ? Signals.NO_ITEM : item, Facts.UNKNOWN, 0, 0, offer));
			}
			sink += model.rank(offers, subscriber, segment, today).get(0).score();
			if (call >= 0) {
				nanos[call] = System.nanoTime() - start;
			}
		}
		Arrays.sort(nanos);
		System.out.printf("Ranking %d offers for a subscriber, %,d calls: p50 %.1f µs, p99 %.1f µs, max %.1f µs "
				+ "(checksum %.3f)%n", OFFERS_PER_CALL, CALLS, nanos[CALLS / 2] / 1e3, nanos[CALLS * 99 / 100] / 1e3,
				nanos[CALLS - 1] / 1e3, sink);
	}

	/**
	 * A history with the structure of a real store: each subscriber has a plan, two or three favourite add-ons
	 * they re-buy, and products that go with others (item i brings i + 1 along half the time).
	 */
	static List<PastOrder> generate(int orders) {
		Random random = new Random(20261125L);
		int subscribers = Math.max(1, orders / 10);
		int[][] favourites = new int[subscribers][];
		int[] plans = new int[subscribers];
		for (int s = 0; s < subscribers; s++) {
			favourites[s] = new int[] { popularItem(random), popularItem(random), popularItem(random) };
			plans[s] = 1 + random.nextInt(PLANS);
		}
		int firstDay = (int) LocalDate.of(2024, 11, 25).toEpochDay();
		List<PastOrder> history = new ArrayList<>(orders);
		for (int order = 0; order < orders; order++) {
			int s = random.nextInt(subscribers);
			Set<Long> addOns = new LinkedHashSet<>();
			for (int favourite : favourites[s]) {
				if (random.nextDouble() < 0.5) {
					addOns.add((long) favourite);
				}
			}
			for (long item : List.copyOf(addOns)) {
				if (random.nextBoolean()) {
					addOns.add(item % ITEMS + 1);
				}
			}
			while (addOns.size() < 3) {
				addOns.add((long) popularItem(random));
			}
			history.add(new PastOrder(order + 1, s + 1, LocalDate.ofEpochDay(firstDay + (long) order * 730 / orders),
					(long) plans[s], List.copyOf(addOns)));
		}
		return history;
	}

	/** Items 1..ITEMS, the low numbers far more popular (a long tail). */
	private static int popularItem(Random random) {
		return 1 + (int) (ITEMS * Math.pow(random.nextDouble(), 3));
	}

	private static Map<Long, Set<Long>> planContents() {
		Map<Long, Set<Long>> contents = new HashMap<>();
		for (long plan = 1; plan <= PLANS; plan++) {
			contents.put(plan, Set.of(10_000 + plan));
		}
		return contents;
	}

	private static Thread sample(MemoryMXBean memory, AtomicLong peak) {
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		return sampler;
	}

	private static void write(List<PastOrder> history, Path csv) {
		try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
			writer.write("order_id,customer,ordered_at,sku,quantity\n");
			for (PastOrder order : history) {
				String head = order.orderId() + ",c" + order.subscriberId() + "," + order.orderedOn() + ",";
				writer.write(head + "PLAN-" + order.planId() + ",1\n");
				for (long product : order.addOnProductIds()) {
					writer.write(head + "SKU-" + product + ",1\n");
				}
			}
			System.out.println("Wrote the history to " + csv);
		}
		catch (IOException ex) {
			System.err.println("Could not write " + csv + ": " + ex.getMessage());
		}
	}

}
