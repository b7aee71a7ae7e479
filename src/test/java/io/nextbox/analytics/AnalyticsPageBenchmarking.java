package io.nextbox.analytics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.nextbox.offer.OfferEvent;
import io.nextbox.offer.OfferEventType;
import io.nextbox.offer.OfferEvents;
import io.nextbox.offer.Placement;
import io.nextbox.shared.BatchInsert;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The analytics page and an offer's page rendered server-side (MockMvc: controller, queries, template), over the last
 * 90 days: first on the demo store of 2,000 subscribers with its offer history, then with synthetic subscribers and
 * offer events added up to 100,000 subscribers. Prints the median of 15 renders after 5 to warm up, and the SQL
 * statements one render runs. A benchmark, not a test: no timing is asserted, and the build does not run it.
 */
@WithUserDetails(DemoLogins.MERCHANT)
abstract class AnalyticsPageBenchmarking {

	private static final int WARM_UP = 5;

	private static final int RUNS = 15;

	private static final int SUBSCRIBERS = 100_000;

	/** Placements as often as the demo's history shows them. */
	private static final Placement[] PLACEMENTS = { Placement.DASHBOARD, Placement.DASHBOARD, Placement.DASHBOARD,
			Placement.NEXT_SHIPMENT, Placement.NEXT_SHIPMENT, Placement.POST_PURCHASE, Placement.EMAIL,
			Placement.EMAIL, Placement.EMAIL };

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OfferEvents events;

	@Test
	void analyticsPagesWithTheDemoStoreThenAHundredThousandSubscribers() throws Exception {
		long offer = jdbc.queryForObject("select min(offer_id) from offer_event", Long.class);
		if (reusing() && loaded()) {
			System.out.printf("%nthe %,d subscribers loaded by an earlier run are there: measuring at once%n",
					count("subscriber"));
			analyze();
			measure(offer);
			return;
		}
		if (reusing() && jdbc.queryForObject("select count(*) from subscriber where email like 'synthetic%'",
				Long.class) > 0) {
			throw new IllegalStateException("An earlier load stopped half way: drop the schema "
					+ PostgresAnalyticsPageBenchmark.REUSED + " (drop schema ... cascade) and run again");
		}
		measure(offer);
		if (Boolean.getBoolean("nextbox.bench.demo-only")) {
			return;
		}
		addSyntheticSubscribers(SUBSCRIBERS - count("subscriber"));
		if (reusing()) {
			jdbc.execute("create table bench_loaded (subscribers bigint not null)");
			jdbc.update("insert into bench_loaded (subscribers) values (?)", count("subscriber"));
		}
		measure(offer);
	}

	/** Whether the data is kept from one run to the next (the schema is not cleaned): see the PostgreSQL one. */
	boolean reusing() {
		return false;
	}

	/** Whether an earlier run finished loading the synthetic subscribers (it writes this table last). */
	private boolean loaded() {
		return jdbc.queryForObject("select count(*) from information_schema.tables where lower(table_name) = "
				+ "'bench_loaded' and table_schema = current_schema()", Long.class) > 0;
	}

	/** After a bulk load: PostgreSQL's planner statistics, brought up to date as autovacuum would. */
	void analyze() {
	}

	private void measure(long offer) throws Exception {
		String database = jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData()
			.getDatabaseProductName());
		System.out.printf("%n%,d subscribers, %,d offer events (%s)%n", count("subscriber"), count("offer_event"),
				database);
		time("/admin/analytics?range=90");
		time("/admin/analytics?range=30&placement=DASHBOARD");
		time("/admin/analytics/offers/" + offer + "?range=90");
	}

	private void time(String url) throws Exception {
		long first = System.nanoTime();
		render(url);
		System.out.printf("  %-48s first render %.1f ms (counts the settled days not counted yet)%n", url,
				(System.nanoTime() - first) / 1e6);
		for (int run = 1; run < WARM_UP; run++) {
			render(url);
		}
		long[] nanos = new long[RUNS];
		int statements = 0;
		long[] cpus = new long[RUNS];
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		for (int run = 0; run < RUNS; run++) {
			long start = System.nanoTime();
			long cpuStart = threads.getCurrentThreadCpuTime();
			statements = StatementCounter.counting(() -> render(url)).statements();
			nanos[run] = System.nanoTime() - start;
			cpus[run] = threads.getCurrentThreadCpuTime() - cpuStart;
		}
		Arrays.sort(cpus);
		long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		java.util.Map<String, long[]> times = StatementCounter.timing(() -> render(url));
		cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
		Arrays.sort(nanos);
		System.out.printf("  %-48s median %7.1f ms (min %7.1f, max %7.1f), this thread's CPU median %.1f ms, %d SQL "
				+ "statements, load average %.1f%n", url, nanos[RUNS / 2] / 1e6, nanos[0] / 1e6, nanos[RUNS - 1] / 1e6,
				cpus[RUNS / 2] / 1e6, statements,
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		long inSql = times.values().stream().mapToLong(time -> time[0]).sum();
		System.out.printf("    one more render: %.1f ms of this thread's CPU; %.1f ms executing SQL, the slowest:%n",
				cpu / 1e6, inSql / 1e6);
		times.entrySet()
			.stream()
			.sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
			.limit(5)
			.forEach(time -> {
				String sql = time.getKey().replaceAll("\\s+", " ");
				System.out.printf("    %7.1f ms %2dx %s%n", time.getValue()[0] / 1e6, time.getValue()[1],
						sql.substring(0, Math.min(160, sql.length())));
			});
	}

	private String render(String url) {
		try {
			return mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Subscribers with about as many offer events as the demo's (25 each over 90 days: impressions, one in ten held
	 * out; accepts at about 4 %, of which one in ten undone and most shipped; a few dismissals).
	 */
	private void addSyntheticSubscribers(long count) {
		long started = System.nanoTime();
		Instant now = Instant.now();
		Instant first = now.minus(Duration.ofDays(90));
		List<Long> offers = jdbc.queryForList("select id from offer where status = 'ACTIVE'", Long.class);
		List<Long> subscribers = BatchInsert.insertReturningIds(jdbc,
				"insert into subscriber (email, first_name, last_name, created_at) values (?, ?, ?, ?)",
				java.util.stream.LongStream.range(0, count).boxed().toList(), (statement, n) -> {
					statement.setString(1, "synthetic" + n + "@nextbox.test");
					statement.setString(2, "Synthetic");
					statement.setString(3, "Subscriber " + n);
					statement.setTimestamp(4, Timestamp.from(first.minus(Duration.ofDays(30))));
				});
		Random random = new Random(1);
		List<Object[]> rows = new ArrayList<>();
		for (long subscriber : subscribers) {
			boolean heldOut = random.nextInt(10) == 0;
			int impressions = 10 + random.nextInt(25);
			for (int i = 0; i < impressions; i++) {
				long offer = offers.get(random.nextInt(offers.size()));
				Placement placement = PLACEMENTS[random.nextInt(PLACEMENTS.length)];
				BigDecimal price = BigDecimal.valueOf(400 + random.nextInt(2600), 2);
				Instant at = first.plusSeconds(random.nextLong(Duration.ofDays(90).toSeconds()))
					.truncatedTo(ChronoUnit.SECONDS);
				rows.add(new Object[] { offer, subscriber, placement, "IMPRESSION", price, heldOut, at });
				if (heldOut) {
					continue;
				}
				if (random.nextInt(100) < 4) {
					rows.add(new Object[] { offer, subscriber, placement, "ACCEPT", price, false, at.plusSeconds(30) });
					int fate = random.nextInt(10);
					Instant shipped = at.plus(Duration.ofDays(3 + random.nextInt(12)));
					if (fate == 0) {
						rows.add(new Object[] { offer, subscriber, placement, "UNDO", price, false, at.plusSeconds(90) });
					}
					else if (fate < 9 && shipped.isBefore(now)) {
						rows.add(new Object[] { offer, subscriber, placement, "SHIPPED", price, false, shipped });
					}
				}
				else if (random.nextInt(100) < 3) {
					rows.add(new Object[] { offer, subscriber, placement, "DISMISS", price, false, at.plusSeconds(20) });
				}
			}
			if (rows.size() >= 50_000) {
				insertEvents(rows);
				rows.clear();
			}
		}
		insertEvents(rows);
		analyze();
		System.out.printf("%nadded %,d synthetic subscribers and their offer events in %.1f s%n", count,
				(System.nanoTime() - started) / 1e9);
	}

	/** Through the event log's import, as the demo's history: each impression gets its previous days. */
	private void insertEvents(List<Object[]> rows) {
		events.importHistory(rows.stream()
			.map(row -> new OfferEvent((Long) row[0], (Long) row[1], null, null, (Placement) row[2],
					OfferEventType.valueOf((String) row[3]), (BigDecimal) row[4], (Boolean) row[5], (Instant) row[6]))
			.toList());
	}

	private long count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
