package io.nextbox.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.nextbox.support.DemoLogins;
import io.nextbox.support.MovingClock;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Password logins are throttled, through the real form login with its CSRF token. The accounts are demo subscribers
 * 495 to 500, which no other test uses, and every request comes from an address of 10.77.0.0/16, never from
 * MockMvc's 127.0.0.1 that the other tests log in from; every slot a test takes is deleted after it.
 */
@NextboxIntegrationTest
class LoginThrottleIntegrationTests {

	private static final String WRONG = "not-the-password";

	private static final String MESSAGE_15 = "Too many attempts; try again in 15 minutes, or email yourself a sign-in link.";

	private static final LoginThrottleProperties DEFAULTS = new LoginThrottleProperties(10, Duration.ofMinutes(15),
			100, Duration.ofHours(1));

	enum Outcome {

		/** The password was checked and was wrong. */
		WRONG,
		/** The password was checked and was right. */
		SIGNED_IN,
		/** Refused before the password was checked. */
		THROTTLED,
		/** Anything else, a 500 included. */
		OTHER

	}

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	private final Set<String> accountKeys = new LinkedHashSet<>();

	private final Set<String> addressKeys = new LinkedHashSet<>();

	@AfterEach
	void forgetTheFailuresOfThisTest() {
		accountKeys.forEach(key -> jdbc.update(
				"delete from login_failure where key_kind = 'ACCOUNT' and key_hash = ?", key));
		addressKeys.forEach(key -> jdbc.update(
				"delete from login_failure where key_kind = 'ADDRESS' and key_hash = ?", key));
	}

	@Test
	void tenWrongPasswordsThenEvenTheRightOneIsRefusedWith429() throws Exception {
		String email = DemoLogins.subscriber(500);
		for (int i = 0; i < 10; i++) {
			assertThat(outcome(attempt(email, WRONG, "10.77.0.1"))).as("attempt %d", i + 1).isEqualTo(Outcome.WRONG);
		}
		mvc.perform(login(email, DemoLogins.SUBSCRIBER_PASSWORD, "10.77.0.1"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", matchesPattern("8[0-9][0-9]|900")))
			.andExpect(content().string(containsString(MESSAGE_15)))
			.andExpect(content().string(containsString("name=\"username\"")))
			.andExpect(unauthenticated());
	}

	@Test
	void afterTheWindowTheRightPasswordWorksAndClearsTheFailures() throws Exception {
		String email = DemoLogins.subscriber(499);
		for (int i = 0; i < 10; i++) {
			attempt(email, WRONG, "10.77.0.2");
		}
		assertThat(outcome(attempt(email, DemoLogins.SUBSCRIBER_PASSWORD, "10.77.0.2"))).isEqualTo(Outcome.THROTTLED);

		jdbc.update("update login_failure set failed_at = ? where key_kind = 'ACCOUNT' and key_hash = ?",
				OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(15).minusSeconds(1), LoginThrottle.accountKey(email));

		mvc.perform(login(email, DemoLogins.SUBSCRIBER_PASSWORD, "10.77.0.2"))
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(email));
		assertThat(failures("ACCOUNT", LoginThrottle.accountKey(email))).isZero();
	}

	@Test
	void aSuccessfulLoginClearsTheAccountsFailures() throws Exception {
		String email = DemoLogins.subscriber(498);
		for (int i = 0; i < 9; i++) {
			assertThat(outcome(attempt(email, WRONG, "10.77.0.3"))).isEqualTo(Outcome.WRONG);
		}
		assertThat(outcome(attempt(email, DemoLogins.SUBSCRIBER_PASSWORD, "10.77.0.3"))).isEqualTo(Outcome.SIGNED_IN);
		List<Outcome> next = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			next.add(outcome(attempt(email, WRONG, "10.77.0.3")));
		}
		assertThat(next.subList(0, 10)).containsOnly(Outcome.WRONG);
		assertThat(next.get(10)).isEqualTo(Outcome.THROTTLED);
	}

	@Test
	void anUnknownEmailIsCountedAndAnsweredExactlyLikeAKnownOne() throws Exception {
		String known = DemoLogins.subscriber(497);
		String unknown = "nobody-497@nextbox.test";
		assertThat(jdbc.queryForObject("select count(*) from account where email = ?", Long.class, unknown)).isZero();
		List<String> knownAnswers = new ArrayList<>();
		List<String> unknownAnswers = new ArrayList<>();
		long[] knownNanos = new long[11];
		long[] unknownNanos = new long[11];
		for (int i = 0; i < 11; i++) {
			long started = System.nanoTime();
			knownAnswers.add(answer(attempt(known, WRONG, "10.77.0.4")));
			knownNanos[i] = System.nanoTime() - started;
			started = System.nanoTime();
			unknownAnswers.add(answer(attempt(unknown, WRONG, "10.77.0.5")));
			unknownNanos[i] = System.nanoTime() - started;
		}
		System.out.printf("Login throttle, median time of a checked wrong password: known %d ms, unknown %d ms;"
				+ " refused: known %d ms, unknown %d ms%n", medianMillis(knownNanos, 0, 10),
				medianMillis(unknownNanos, 0, 10), medianMillis(knownNanos, 10, 11),
				medianMillis(unknownNanos, 10, 11));
		assertThat(unknownAnswers).isEqualTo(knownAnswers);
		assertThat(knownAnswers.get(9)).isEqualTo("302 /login?error");
		assertThat(knownAnswers.get(10)).isEqualTo("429 " + MESSAGE_15);
		// the known account's right password is refused too, like any password for the unknown one
		assertThat(answer(attempt(known, DemoLogins.SUBSCRIBER_PASSWORD, "10.77.0.4")))
			.isEqualTo(answer(attempt(unknown, DemoLogins.SUBSCRIBER_PASSWORD, "10.77.0.5")));
	}

	@Test
	void theHundredAndFirstFailureFromOneAddressIsRefusedWhateverTheAccount() throws Exception {
		String address = "10.77.1.1";
		List<Outcome> hundred = new ArrayList<>();
		for (int account = 0; account < 10; account++) {
			for (int i = 0; i < 10; i++) {
				hundred.add(outcome(attempt("address-test-" + account + "@nextbox.test", WRONG, address)));
			}
		}
		assertThat(hundred).containsOnly(Outcome.WRONG);

		String fresh = DemoLogins.subscriber(496);
		String refused = mvc.perform(login(fresh, DemoLogins.SUBSCRIBER_PASSWORD, address))
			.andExpect(status().isTooManyRequests())
			.andExpect(unauthenticated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the hour runs from the first of the hundred failures, which took a minute or more on a busy machine
		assertThat(refused).containsPattern("try again in (5\\d|60) minutes");
		// the account itself is not throttled: from another address it signs in
		assertThat(outcome(attempt(fresh, DemoLogins.SUBSCRIBER_PASSWORD, "10.77.1.2"))).isEqualTo(Outcome.SIGNED_IN);
	}

	@Test
	void thirtyConcurrentWrongAttemptsAreAllCountedAndOnlyTenEvaluated() throws Exception {
		String email = DemoLogins.subscriber(495);
		Map<Outcome, Integer> outcomes = race(30, () -> outcome(attempt(email, WRONG, "10.77.2.1")));
		System.out.println("Login throttle, 30 concurrent wrong passwords on one account: " + outcomes);
		assertThat(outcomes).containsEntry(Outcome.WRONG, 10).containsEntry(Outcome.THROTTLED, 20);
		assertThat(failures("ACCOUNT", LoginThrottle.accountKey(email))).isEqualTo(10);
		assertThat(outcome(attempt(email, DemoLogins.SUBSCRIBER_PASSWORD, "10.77.2.1"))).isEqualTo(Outcome.THROTTLED);
	}

	@Test
	void twoInstancesCountingAtOnceLetNoMoreThanTheLimitThrough() throws Exception {
		Clock clock = Clock.systemUTC();
		LoginThrottle one = new LoginThrottle(jdbc, clock, DEFAULTS);
		LoginThrottle two = new LoginThrottle(jdbc, clock, DEFAULTS);
		String email = "two-instances@nextbox.test";
		track(email, "10.77.2.2", "10.77.2.3");
		AtomicInteger turns = new AtomicInteger();
		Map<Outcome, Integer> outcomes = race(40, () -> {
			boolean first = turns.getAndIncrement() % 2 == 0;
			LoginThrottle.Attempt attempt = first ? one.begin(email, "10.77.2.2") : two.begin(email, "10.77.2.3");
			return attempt instanceof LoginThrottle.Allowed ? Outcome.WRONG : Outcome.THROTTLED;
		});
		assertThat(outcomes).containsEntry(Outcome.WRONG, 10).containsEntry(Outcome.THROTTLED, 30);
		assertThat(failures("ACCOUNT", LoginThrottle.accountKey(email))).isEqualTo(10);
	}

	@Test
	void sixHundredWrongPasswordsInARowAreEvaluatedTenTimes() throws Exception {
		String email = DemoLogins.subscriber(494);
		Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
		long started = System.nanoTime();
		for (int i = 0; i < 600; i++) {
			outcomes.merge(outcome(attempt(email, WRONG, "10.77.3.1")), 1, Integer::sum);
		}
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		System.out.println("Login throttle, 600 wrong passwords in a row on one account: " + outcomes + " in "
				+ millis + " ms");
		assertThat(outcomes).containsEntry(Outcome.WRONG, 10).containsEntry(Outcome.THROTTLED, 590).hasSize(2);
	}

	@Test
	void theWindowSlidesWithTheClock() {
		MovingClock clock = new MovingClock(Instant.now());
		LoginThrottle throttle = new LoginThrottle(jdbc, clock, DEFAULTS);
		String email = "sliding@nextbox.test";
		track(email, "10.77.4.1");
		for (int minute = 0; minute < 10; minute++) {
			assertThat(throttle.begin(email, "10.77.4.1")).isInstanceOf(LoginThrottle.Allowed.class);
			clock.move(Duration.ofMinutes(1));
		}
		// ten failures at minutes 0 to 9; now minute 10: the first frees up at minute 15
		assertThat(throttle.begin(email, "10.77.4.1")).isEqualTo(new LoginThrottle.Refused(Duration.ofMinutes(5)));
		clock.move(Duration.ofMinutes(5).minusSeconds(1));
		LoginThrottle.Attempt lastSecond = throttle.begin(email, "10.77.4.1");
		assertThat(lastSecond).isInstanceOf(LoginThrottle.Refused.class);
		assertThat(((LoginThrottle.Refused) lastSecond).minutes()).isEqualTo(1);
		clock.move(Duration.ofSeconds(1));
		assertThat(throttle.begin(email, "10.77.4.1")).as("the failure of minute 0 left the window")
			.isInstanceOf(LoginThrottle.Allowed.class);
		assertThat(throttle.begin(email, "10.77.4.1")).as("the one of minute 1 has not")
			.isEqualTo(new LoginThrottle.Refused(Duration.ofMinutes(1)));
		assertThat(failures("ACCOUNT", LoginThrottle.accountKey(email))).isEqualTo(10);

		clock.move(Duration.ofHours(2));
		throttle.prune();
		assertThat(failures("ACCOUNT", LoginThrottle.accountKey(email))).isZero();
		assertThat(failures("ADDRESS", LoginThrottle.addressKey("10.77.4.1"))).isZero();
	}

	@Test
	void anIpv6ClientIsCountedByItsNetwork() {
		assertThat(LoginThrottle.addressKey("2001:db8:1:2::1")).isEqualTo(LoginThrottle.addressKey("2001:db8:1:2:ff::9"))
			.isNotEqualTo(LoginThrottle.addressKey("2001:db8:1:3::1"));
		assertThat(LoginThrottle.addressKey("::ffff:10.77.0.1")).isEqualTo(LoginThrottle.addressKey("10.77.0.1"));
		assertThat(LoginThrottle.accountKey(" Subscriber1@NextBox.test "))
			.isEqualTo(LoginThrottle.accountKey("subscriber1@nextbox.test"));
	}

	private MvcResult attempt(String email, String password, String address) throws Exception {
		return mvc.perform(login(email, password, address)).andReturn();
	}

	private MockHttpServletRequestBuilder login(String email,
			String password, String address) {
		track(email, address);
		return post("/login").param("username", email)
			.param("password", password)
			.with(csrf())
			.with(from(address));
	}

	private void track(String email, String... addresses) {
		accountKeys.add(LoginThrottle.accountKey(email));
		for (String address : addresses) {
			addressKeys.add(LoginThrottle.addressKey(address));
		}
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static Outcome outcome(MvcResult result) {
		int status = result.getResponse().getStatus();
		String location = result.getResponse().getRedirectedUrl();
		if (status == 302 && "/login?error".equals(location)) {
			return Outcome.WRONG;
		}
		if (status == 302 && location != null && !location.startsWith("/login")) {
			return Outcome.SIGNED_IN;
		}
		if (status == 429) {
			return Outcome.THROTTLED;
		}
		return Outcome.OTHER;
	}

	/** What a person sees: the status, and where they are sent or what the page says. */
	private static String answer(MvcResult result) throws Exception {
		int status = result.getResponse().getStatus();
		if (status == 429) {
			String page = result.getResponse().getContentAsString();
			int start = page.indexOf("Too many attempts");
			return status + " " + (start < 0 ? page : page.substring(start, page.indexOf('<', start)));
		}
		return status + " " + result.getResponse().getRedirectedUrl();
	}

	private static long medianMillis(long[] nanos, int from, int to) {
		long[] sorted = Arrays.copyOfRange(nanos, from, to);
		Arrays.sort(sorted);
		return TimeUnit.NANOSECONDS.toMillis(sorted[sorted.length / 2]);
	}

	private long failures(String kind, String key) {
		return jdbc.queryForObject("select count(*) from login_failure where key_kind = ? and key_hash = ?",
				Long.class, kind, key);
	}

	/** Runs {@code attempt} {@code times} times at once and counts the outcomes. */
	private static Map<Outcome, Integer> race(int times, Callable<Outcome> attempt) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(times);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Outcome>> answers = new ArrayList<>();
			for (int i = 0; i < times; i++) {
				answers.add(threads.submit(() -> {
					start.await();
					return attempt.call();
				}));
			}
			start.countDown();
			Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
			for (Future<Outcome> answer : answers) {
				outcomes.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
			}
			return outcomes;
		}
		finally {
			threads.shutdownNow();
		}
	}

}
