package io.nextbox.subscription.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nextbox.catalog.Interval;
import io.nextbox.catalog.IntervalUnit;
import io.nextbox.subscription.NextBoxAddOns;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every subscription action names the state it acts on (the subscription's version, and for a skip the box), so
 * a double click, a retry or a second tab acts once and answers like the first, and changes racing on one
 * subscription never end in a 500: the later one is told the subscription changed and shown it as it is now.
 */
@NextboxIntegrationTest
class ExactlyOnceActionTests {

	static final String CHANGED = "This subscription changed a moment ago; here it is now.";

	private static final Pattern ALERT = Pattern.compile("class=\"alert alert-(?:success|error)\"[^>]*>([^<]*)<");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private NextBoxAddOns addOns;

	/** What a browser is told: the status and the message on the page (the flash message after a redirect). */
	record Answer(int status, String message) {

		boolean succeeded() {
			return status == 200 || status == 302;
		}

	}

	private enum Kind {

		SKIPPED, QUANTITY_CHANGED, INTERVAL_CHANGED, RESCHEDULED

	}

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { false, true })
	void twentyIdenticalSkipsAtOnceSkipOneBoxAndAllAnswerTheSame(boolean htmx) throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		LocalDate box = nextDate(owned);
		LocalDate following = interval(owned).after(box, anchorDay(owned));
		long version = version(owned);

		List<MockHttpServletRequestBuilder> clicks = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			MockHttpServletRequestBuilder click = form(owned, "skip", "version", String.valueOf(version), "shipDate",
					box.toString());
			clicks.add(htmx ? click.header("HX-Request", "true") : click);
		}
		List<Answer> answers = atOnce(clicks);

		assertThat(answers.get(0).status()).isEqualTo(htmx ? 200 : 302);
		assertThat(answers.get(0).message()).startsWith("Skipped the box of");
		assertThat(answers).containsOnly(answers.get(0));
		assertThat(nextDate(owned)).isEqualTo(following);
		assertThat(count("select count(*) from shipment where subscription_id = ? and status = 'SKIPPED'", owned))
			.isEqualTo(1);
		assertThat(count("select count(*) from shipment where subscription_id = ? and status = 'OPEN'", owned))
			.isEqualTo(1);
		assertThat(timeline(owned, "SKIPPED")).isEqualTo(1);
	}

	@Test
	void differentChangesAtOnceGiveOneChangeAndTellTheOthersWhatHappened() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		Map<Kind, Integer> done = new EnumMap<>(Kind.class);
		for (int round = 0; round < 4; round++) {
			String version = String.valueOf(version(owned));
			LocalDate next = nextDate(owned);
			LocalDate target = LocalDate.now().plusDays(20).equals(next) ? LocalDate.now().plusDays(21)
					: LocalDate.now().plusDays(20);
			String quantity = quantity(owned) == 2 ? "3" : "2";
			String count = interval(owned).equals(Interval.weeks(3)) ? "4" : "3";
			List<MockHttpServletRequestBuilder> requests = List.of(
					form(owned, "skip", "version", version, "shipDate", next.toString()),
					form(owned, "quantity", "version", version, "quantity", quantity),
					form(owned, "interval", "version", version, "count", count, "unit", "WEEK")
						.header("HX-Request", "true"),
					form(owned, "reschedule", "version", version, "date", target.toString())
						.header("HX-Request", "true"));
			List<Answer> answers = atOnce(requests);

			for (int i = 0; i < answers.size(); i++) {
				Answer answer = answers.get(i);
				assertThat(answer.status()).as("round %d, %s", round, answer).isIn(200, 302, 409);
				if (answer.succeeded()) {
					done.merge(Kind.values()[i], 1, Integer::sum);
				}
				else {
					assertThat(answer.message()).isEqualTo(CHANGED);
				}
			}
			assertThat(answers.stream().filter(Answer::succeeded).count()).as("round %d: %s", round, answers)
				.isEqualTo(1);
		}
		for (Kind kind : Kind.values()) {
			assertThat(timeline(owned, kind.name())).as(kind.name()).isEqualTo(done.getOrDefault(kind, 0));
		}
	}

	@Test
	void aRepeatOfARequestAnswersLikeTheFirstAndChangesNothing() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		String version = String.valueOf(version(owned));
		String quantity = quantity(owned) == 2 ? "3" : "2";

		Answer first = answer(form(owned, "quantity", "version", version, "quantity", quantity));
		assertThat(first).isEqualTo(new Answer(302, "You now get " + quantity + " per delivery, starting with your next box."));
		Answer again = answer(form(owned, "quantity", "version", version, "quantity", quantity));
		Answer sentByHtmx = answer(form(owned, "quantity", "version", version, "quantity", quantity)
			.header("HX-Request", "true"));

		assertThat(again).isEqualTo(first);
		assertThat(sentByHtmx).isEqualTo(new Answer(200, first.message()));
		assertThat(String.valueOf(quantity(owned))).isEqualTo(quantity);
		assertThat(version(owned)).isEqualTo(Long.parseLong(version) + 1);
		assertThat(timeline(owned, "QUANTITY_CHANGED")).isEqualTo(1);
	}

	@Test
	void aRepeatIsRecognisedAfterLaterChangesToo() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		LocalDate box = nextDate(owned);
		String version = String.valueOf(version(owned));
		Answer skipped = answer(form(owned, "skip", "version", version, "shipDate", box.toString()));
		String count = interval(owned).equals(Interval.weeks(3)) ? "4" : "3";
		answer(form(owned, "interval", "version", String.valueOf(version(owned)), "count", count, "unit", "WEEK"));

		assertThat(answer(form(owned, "skip", "version", version, "shipDate", box.toString()))).isEqualTo(skipped);
		assertThat(timeline(owned, "SKIPPED")).isEqualTo(1);
		assertThat(count("select count(*) from shipment where subscription_id = ? and status = 'SKIPPED'", owned))
			.isEqualTo(1);
	}

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { false, true })
	void aSecondTabActingOnAnOlderPageIsRefusedAndShownTheSubscriptionAsItIsNow(boolean htmx) throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		long seen = version(owned);
		String quantity = quantity(owned) == 2 ? "3" : "2";
		Interval interval = interval(owned);
		String count = interval.equals(Interval.weeks(3)) ? "4" : "3";
		answer(form(owned, "quantity", "version", String.valueOf(seen), "quantity", quantity));

		MockHttpServletRequestBuilder secondTab = form(owned, "interval", "version", String.valueOf(seen), "count",
				count, "unit", "WEEK");
		MvcResult result = mvc.perform(htmx ? secondTab.header("HX-Request", "true") : secondTab).andReturn();
		Answer answer = answerOf(result);
		String page = result.getResponse().getContentAsString();

		assertThat(answer).isEqualTo(new Answer(409, CHANGED));
		assertThat(page).contains(CHANGED)
			.contains("<dd class=\"quantity\">" + quantity + "</dd>")
			.contains("name=\"version\" value=\"" + (seen + 1) + "\"")
			.doesNotContain("name=\"version\" value=\"" + seen + "\"");
		assertThat(page.contains("<html")).isEqualTo(!htmx);
		assertThat(interval(owned)).isEqualTo(interval);
		assertThat(timeline(owned, "INTERVAL_CHANGED")).isZero();
	}

	@Test
	void aFormThatNamesNoVersionOrAnotherBoxChangesNothing() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		LocalDate box = nextDate(owned);
		String version = String.valueOf(version(owned));

		assertThat(answer(form(owned, "skip", "shipDate", box.toString()))).isEqualTo(new Answer(409, CHANGED));
		assertThat(answer(form(owned, "skip", "version", version))).isEqualTo(new Answer(409, CHANGED));
		assertThat(answer(form(owned, "skip", "version", version, "shipDate", box.plusDays(7).toString())))
			.isEqualTo(new Answer(409, CHANGED));
		assertThat(answer(form(owned, "quantity", "quantity", "5"))).isEqualTo(new Answer(409, CHANGED));
		assertThat(answer(form(owned, "cancel", "reason", "MOVING"))).isEqualTo(new Answer(409, CHANGED));
		assertThat(answer(form(owned, "skip", "version", "latest", "shipDate", box.toString())).status())
			.isEqualTo(422);

		assertThat(nextDate(owned)).isEqualTo(box);
		assertThat(version(owned)).isEqualTo(Long.parseLong(version));
		assertThat(count("select count(*) from subscription_event where subscription_id = ?", owned)).isZero();
	}

	@Test
	void aDoubleSubmittedCancelCancelsOnceAndAnswersTheSame() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		String version = String.valueOf(version(owned));
		List<Answer> answers = atOnce(List.of(form(owned, "cancel", "version", version, "reason", "MOVING"),
				form(owned, "cancel", "version", version, "reason", "MOVING")));
		assertThat(answers).containsOnly(new Answer(302, "Your subscription is cancelled. You can reactivate it whenever you like."));
		assertThat(timeline(owned, "CANCELLED")).isEqualTo(1);

		String cancelled = String.valueOf(version(owned));
		answers = atOnce(List.of(form(owned, "reactivate", "version", cancelled),
				form(owned, "reactivate", "version", cancelled), form(owned, "reactivate", "version", cancelled)));
		assertThat(answers).hasSize(3).containsOnly(answers.get(0));
		assertThat(answers.get(0).message()).startsWith("Welcome back.");
		assertThat(timeline(owned, "REACTIVATED")).isEqualTo(1);
	}

	@Test
	void anAddOnAddedWhileTheBoxIsSkippedTravelsWithTheBoxAndNeitherFails() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		List<Long> products = jdbc.queryForList("select id from product where add_on_eligible and in_stock "
				+ "and not retired order by id fetch first 4 rows only", Long.class);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (long product : products) {
				LocalDate box = nextDate(owned);
				MockHttpServletRequestBuilder skip = form(owned, "skip", "version", String.valueOf(version(owned)),
						"shipDate", box.toString()).header("HX-Request", "true");
				CountDownLatch start = new CountDownLatch(1);
				Future<Answer> skipped = pool.submit(() -> {
					start.await();
					return answer(skip);
				});
				Future<Long> added = pool.submit(() -> {
					start.await();
					return addOns.add(owned.subscriberId(), owned.subscriptionId(), product, null, BigDecimal.ONE, null)
						.shipmentId();
				});
				start.countDown();
				assertThat(skipped.get(60, TimeUnit.SECONDS).message()).startsWith("Skipped the box of");
				assertThat(added.get(60, TimeUnit.SECONDS)).isNotNull();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count("""
				select count(*) from shipment_line l join shipment s on s.id = l.shipment_id
				where s.subscription_id = ? and s.status = 'OPEN'""", owned)).isEqualTo(products.size());
		assertThat(count("""
				select count(*) from shipment_line l join shipment s on s.id = l.shipment_id
				where s.subscription_id = ? and s.status <> 'OPEN'""", owned)).isZero();
	}

	// -- helpers

	/** Sends every request at the same moment, each from a thread of its own. */
	private List<Answer> atOnce(List<MockHttpServletRequestBuilder> requests) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(requests.size());
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Answer>> pending = new ArrayList<>();
			for (MockHttpServletRequestBuilder request : requests) {
				pending.add(pool.submit(() -> {
					start.await();
					return answer(request);
				}));
			}
			start.countDown();
			List<Answer> answers = new ArrayList<>();
			for (Future<Answer> answer : pending) {
				answers.add(answer.get(60, TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Answer answer(MockHttpServletRequestBuilder request) {
		try {
			return answerOf(mvc.perform(request).andReturn());
		}
		catch (Exception ex) {
			// MockMvc hands back what no handler resolved: the server would have answered it with a 500
			return new Answer(500, ex.toString());
		}
	}

	private static Answer answerOf(MvcResult result) throws Exception {
		MockHttpServletResponse response = result.getResponse();
		if (response.getStatus() == 302) {
			return new Answer(302, String.valueOf(result.getFlashMap().get("message")));
		}
		Matcher alert = ALERT.matcher(response.getContentAsString());
		return new Answer(response.getStatus(), alert.find() ? HtmlUtils.htmlUnescape(alert.group(1)) : "");
	}

	private MockHttpServletRequestBuilder form(Owned owned, String action, String... params) {
		MockHttpServletRequestBuilder request = post(path(owned, action))
			.with(user(users.loadUserByUsername(owned.email())))
			.with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return request;
	}

	private static String path(Owned owned, String action) {
		return "/portal/subscriptions/" + owned.subscriptionId() + (action.isEmpty() ? "" : "/" + action);
	}

	private long version(Owned owned) {
		return jdbc.queryForObject("select version from subscription where id = ?", Long.class,
				owned.subscriptionId());
	}

	private LocalDate nextDate(Owned owned) {
		return jdbc.queryForObject("select next_shipment_date from subscription where id = ?", LocalDate.class,
				owned.subscriptionId());
	}

	private int quantity(Owned owned) {
		return jdbc.queryForObject("select quantity from subscription where id = ?", Integer.class,
				owned.subscriptionId());
	}

	private Interval interval(Owned owned) {
		return jdbc.queryForObject("select interval_count, interval_unit from subscription where id = ?",
				(row, n) -> new Interval(row.getInt(1), IntervalUnit.valueOf(row.getString(2))), owned.subscriptionId());
	}

	private int anchorDay(Owned owned) {
		return jdbc.queryForObject("select anchor_day from subscription where id = ?", Integer.class,
				owned.subscriptionId());
	}

	private int timeline(Owned owned, String kind) {
		return jdbc.queryForObject("select count(*) from subscription_event where subscription_id = ? and kind = ?",
				Integer.class, owned.subscriptionId(), kind);
	}

	private int count(String sql, Owned owned) {
		return jdbc.queryForObject(sql, Integer.class, owned.subscriptionId());
	}

}
