package io.nextbox;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.nextbox.engagement.EmailSuggestions;
import io.nextbox.engagement.WidgetService;
import io.nextbox.recommendation.RecommendationService;
import io.nextbox.reminder.ReminderRun;
import io.nextbox.reminder.ReminderSender;
import io.nextbox.support.CleanMigrate;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminder's exactly-once guards on PostgreSQL: the send record's unique constraint when two instances run at
 * once, and an emailed add-on's claim accepted twenty times at once. Shares its context with
 * {@link PostgresApplicationTests}, and runs before the repository tests clean the schema.
 */
@Tag("postgres")
@SpringBootTest(properties = { "nextbox.demo.enabled=true", "nextbox.demo.subscribers=60" })
@AutoConfigureMockMvc
@ActiveProfiles({ "postgres", "postgres-test" })
@Import(CleanMigrate.class)
class PostgresReminderTests {

	private static final Set<Long> USED = ConcurrentHashMap.newKeySet();

	@Autowired
	private ReminderSender sender;

	@Autowired
	private EmailSuggestions suggestions;

	@Autowired
	private WidgetService widgets;

	@Autowired
	private RecommendationService recommendations;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void twoInstancesSendingAtOnceSendEachBoxOnce() throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			ids.add(dueBox().subscriptionId());
		}

		List<ReminderRun> runs = atOnce(2, () -> sender.sendDue(ids));

		assertThat(runs.stream().mapToInt(ReminderRun::sent).sum()).isEqualTo(2);
		for (long id : ids) {
			assertThat(jdbc.queryForList("select status from box_reminder where subscription_id = ?", String.class, id))
				.containsExactly("SENT");
		}
		assertThat(sender.sendDue(ids).sent()).isZero();
	}

	@Test
	void anEmailedAddOnAcceptedTwentyTimesAtOnceAddsOneLine() throws Exception {
		if (!recommendations.isReady()) {
			recommendations.rebuild();
		}
		Owned owned = dueBox();
		LocalDate shipDate = jdbc.queryForObject(
				"select ship_date from shipment where subscription_id = ? and status = 'OPEN'", LocalDate.class,
				owned.subscriptionId());
		EmailSuggestions.Picked picked = suggestions.pick(owned.subscriberId(), owned.subscriptionId(), shipDate, 3);
		assertThat(picked.suggestions()).isNotEmpty();
		String key = picked.suggestions().get(0).key();

		List<String> answers = atOnce(20, () -> widgets.accept(owned.subscriberId(), key).card().title());

		assertThat(answers).containsOnly(picked.suggestions().get(0).title());
		assertThat(jdbc.queryForObject("select count(*) from shipment_line l join shipment s on s.id = l.shipment_id "
				+ "where s.subscription_id = ? and s.status = 'OPEN'", Long.class, owned.subscriptionId()))
			.isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from offer_event where subscription_id = ? "
				+ "and placement = 'EMAIL' and type = 'ACCEPT'", Long.class, owned.subscriptionId())).isEqualTo(1);
	}

	/**
	 * An active subscription with an open box that {@link TestSubscriptions#freshActive} never hands out (the other
	 * PostgreSQL tests use up what it hands out of this store's 60 subscribers), moved to ship in 4 days.
	 */
	private Owned dueBox() {
		Owned owned = jdbc.query("""
				select s.id, s.subscriber_id, u.email from subscription s join subscriber u on u.id = s.subscriber_id
				where s.status = 'ACTIVE' and exists (select 1 from shipment b where b.subscription_id = s.id
				    and b.status = 'OPEN' and b.ship_date = s.next_shipment_date)
				  and (s.next_shipment_date < ? or u.id <= 3
				    or (select count(*) from subscription other where other.subscriber_id = u.id) > 1)
				order by case when u.id <= 3 then 1 else 0 end, s.id desc""", (row, n) -> new Owned(row.getLong(2), row.getLong(1), row.getString(3)),
				LocalDate.now().plusDays(5))
			.stream()
			.filter(candidate -> USED.add(candidate.subscriptionId()))
			.findFirst()
			.orElseThrow();
		LocalDate date = LocalDate.now().plusDays(4);
		jdbc.update("update shipment set ship_date = ? where subscription_id = ? and status = 'OPEN'", date,
				owned.subscriptionId());
		jdbc.update("update subscription set next_shipment_date = ? where id = ?", date, owned.subscriptionId());
		return owned;
	}

	private static <T> List<T> atOnce(int times, Callable<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(times);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> pending = new ArrayList<>();
			for (int i = 0; i < times; i++) {
				pending.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> result : pending) {
				results.add(result.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
