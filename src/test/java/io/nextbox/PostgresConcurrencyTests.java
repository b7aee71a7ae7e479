package io.nextbox;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What makes a click happen once, on PostgreSQL: the subscription's row lock and action record, and the session
 * store's upsert (its SQL is PostgreSQL's own). Shares its context with {@link PostgresApplicationTests}.
 */
@Tag("postgres")
@SpringBootTest(properties = { "nextbox.demo.enabled=true", "nextbox.demo.subscribers=60" })
@AutoConfigureMockMvc
@ActiveProfiles({ "postgres", "postgres-test" })
@Import(CleanMigrate.class)
class PostgresConcurrencyTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserDetailsService users;

	private final SessionRepository<Session> sessions;

	@SuppressWarnings({ "unchecked", "rawtypes" })
	PostgresConcurrencyTests(@Autowired JdbcIndexedSessionRepository sessions) {
		this.sessions = (SessionRepository) sessions;
	}

	@Test
	void twentyIdenticalSkipsAtOnceSkipOneBox() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		LocalDate box = jdbc.queryForObject("select next_shipment_date from subscription where id = ?",
				LocalDate.class, owned.subscriptionId());
		long version = jdbc.queryForObject("select version from subscription where id = ?", Long.class,
				owned.subscriptionId());

		List<Integer> statuses = atOnce(20, () -> mvc
			.perform(post("/portal/subscriptions/" + owned.subscriptionId() + "/skip")
				.param("version", String.valueOf(version))
				.param("shipDate", box.toString())
				.with(user(users.loadUserByUsername(owned.email())))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus());

		assertThat(statuses).containsOnly(302);
		assertThat(jdbc.queryForObject("select count(*) from shipment where subscription_id = ? and status = 'SKIPPED'",
				Long.class, owned.subscriptionId())).isEqualTo(1);
		assertThat(jdbc.queryForObject(
				"select count(*) from subscription_event where subscription_id = ? and kind = 'SKIPPED'", Long.class,
				owned.subscriptionId())).isEqualTo(1);
	}

	@Test
	void twoRequestsAddingTheSameSessionAttributeBothSave() {
		Session session = sessions.createSession();
		sessions.save(session);
		Session first = sessions.findById(session.getId());
		Session second = sessions.findById(session.getId());
		first.setAttribute("message", "first");
		second.setAttribute("message", "second");

		sessions.save(first);
		sessions.save(second);

		assertThat(sessions.findById(session.getId()).<String>getAttribute("message")).isEqualTo("second");
		sessions.deleteById(session.getId());
	}

	private interface Call {

		int status() throws Exception;

	}

	private static List<Integer> atOnce(int times, Call call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(times);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Integer>> pending = new ArrayList<>();
			for (int i = 0; i < times; i++) {
				pending.add(pool.submit(() -> {
					start.await();
					try {
						return call.status();
					}
					catch (Exception ex) {
						return 500;
					}
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> status : pending) {
				statuses.add(status.get(60, TimeUnit.SECONDS));
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
