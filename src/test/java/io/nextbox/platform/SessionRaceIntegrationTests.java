package io.nextbox.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nextbox.engagement.WidgetService;
import io.nextbox.recommendation.RecommendationService;
import io.nextbox.support.BrowserlessClient;
import io.nextbox.support.BrowserlessClient.Answer;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain form posts that race inside one session, over real HTTP through the session filter and its JDBC store:
 * each sets a flash message, so each writes the session's flash attribute at the same moment. A change that was
 * saved is never answered with a 500.
 */
@NextboxIntegrationTest
class SessionRaceIntegrationTests {

	private static final Pattern ADD_ON_KEY = Pattern
		.compile("(?s)action=\"/portal/widgets/add\".*?name=\"key\" value=\"([^\"]+)\"");

	private static final String OFFERS = "/portal/widgets/DASHBOARD";

	/** Where the forms go back to: the dashboard, which shows the flash message (and asks the recommender nothing). */
	private static final String BACK = "/portal";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private WidgetService widgets;

	@Autowired
	private RecommendationService recommendations;

	private final SessionRepository<Session> sessions;

	private Owned owned;

	@SuppressWarnings({ "unchecked", "rawtypes" })
	SessionRaceIntegrationTests(@Autowired JdbcIndexedSessionRepository sessions) {
		this.sessions = (SessionRepository) sessions;
	}

	@BeforeEach
	void theRecommenderIsReady() {
		if (!recommendations.isReady()) {
			recommendations.rebuild();
		}
	}

	@Test
	void anAddOnThenThreeConcurrentUndosNeverAnswer500() throws Exception {
		BrowserlessClient browser = subscriberWithOffers();
		ExecutorService tabs = Executors.newFixedThreadPool(3);
		List<String> serverErrors = new ArrayList<>();
		try {
			for (int attempt = 0; attempt < 30; attempt++) {
				String key = addOnKey(browser);
				Answer added = browser.postAndFollow("/portal/widgets/add", Map.of("key", key, "back", BACK));
				if (added.serverError()) {
					serverErrors.add("add " + attempt + ": " + added.status() + "/" + added.pageStatus());
					continue;
				}
				// the three undos of the try before left flash messages racing in the session: none of them shows here
				assertThat(added.page()).contains("is in your next box").doesNotContain("out of your next box");
				assertThat(addOnLines()).as("the add put its line in the box").isEqualTo(1);
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Answer>> undos = new ArrayList<>();
				for (int tab = 0; tab < 3; tab++) {
					undos.add(tabs.submit(() -> {
						start.await();
						return browser.postAndFollow("/portal/widgets/undo", Map.of("key", key, "back", BACK));
					}));
				}
				start.countDown();
				for (Future<Answer> undo : undos) {
					Answer answer = undo.get();
					if (answer.serverError()) {
						serverErrors.add("undo " + attempt + ": " + answer.status() + "/" + answer.pageStatus());
					}
				}
			}
		}
		finally {
			tabs.shutdownNow();
		}
		System.out.printf("add + 3 concurrent undo, 30 tries: %d answers with a 5xx %s%n", serverErrors.size(),
				serverErrors);
		assertThat(serverErrors).isEmpty();
		assertThat(addOnLines()).isZero();
	}

	@Test
	void aHundredAndFiftyConcurrentAddsOfOneCardNeverAnswer500() throws Exception {
		BrowserlessClient browser = subscriberWithOffers();
		String key = addOnKey(browser);
		ExecutorService tabs = Executors.newFixedThreadPool(150);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Answer>> adds = new ArrayList<>();
		try {
			for (int click = 0; click < 150; click++) {
				adds.add(tabs.submit(() -> {
					start.await();
					return browser.postAndFollow("/portal/widgets/add", Map.of("key", key, "back", BACK));
				}));
			}
			start.countDown();
			List<String> serverErrors = new ArrayList<>();
			for (Future<Answer> add : adds) {
				Answer answer = add.get();
				if (answer.serverError()) {
					serverErrors.add(answer.status() + "/" + answer.pageStatus());
				}
			}
			System.out.printf("150 concurrent adds of one card: %d answers with a 5xx %s%n", serverErrors.size(),
					serverErrors);
			assertThat(serverErrors).isEmpty();
		}
		finally {
			tabs.shutdownNow();
		}
		assertThat(addOnLines()).isEqualTo(1);
	}

	@Test
	void aMessageWhoseRedirectWasNeverFollowedIsNotShownOnTheNextActionsPage() throws Exception {
		BrowserlessClient browser = subscriberWithOffers();
		String key = addOnKey(browser);
		// a double click: the browser drops the first answer, so the message it carries is never read
		assertThat(browser.post("/portal/widgets/add", Map.of("key", key, "back", BACK)).statusCode()).isEqualTo(302);

		Answer undone = browser.postAndFollow("/portal/widgets/undo", Map.of("key", key, "back", BACK));

		assertThat(undone.page()).contains("is out of your next box again").doesNotContain("is in your next box");
		assertThat(browser.get(BACK).body()).as("a reload shows no message")
			.doesNotContain("is out of your next box again")
			.doesNotContain("is in your next box");
	}

	@Test
	void twoRequestsAddingTheSameAttributeBothSaveAndTheLaterWins() {
		Session session = sessions.createSession();
		sessions.save(session);
		Session first = sessions.findById(session.getId());
		Session second = sessions.findById(session.getId());
		first.setAttribute("message", "first");
		second.setAttribute("message", "second");

		sessions.save(first);
		sessions.save(second);

		assertThat(sessions.findById(session.getId()).<String>getAttribute("message")).isEqualTo("second");
	}

	@Test
	void changingAnAttributeAnotherRequestRemovedFailsNothing() {
		Session session = sessions.createSession();
		session.setAttribute("message", "shown once");
		sessions.save(session);
		Session reader = sessions.findById(session.getId());
		Session writer = sessions.findById(session.getId());
		reader.removeAttribute("message");
		sessions.save(reader);

		writer.setAttribute("message", "another");
		sessions.save(writer);
		writer.removeAttribute("message");
		sessions.save(writer);

		assertThat(sessions.findById(session.getId())).isNotNull();
	}

	@Test
	void aRequestWhoseSessionWasEndedMeanwhileWritesNothingAndFailsNothing() {
		Session session = sessions.createSession();
		sessions.save(session);
		Session late = sessions.findById(session.getId());
		sessions.deleteById(session.getId());

		late.setAttribute("written after sign-out", "a flash message");
		sessions.save(late);

		assertThat(sessions.findById(session.getId())).isNull();
		assertThat(jdbc.queryForObject("select count(*) from spring_session_attributes where attribute_name = ?",
				Long.class, "written after sign-out")).isZero();
	}

	/** A fresh subscriber outside the holdout (who is shown offers), logged in through the form. */
	private BrowserlessClient subscriberWithOffers() {
		do {
			owned = TestSubscriptions.freshActive(jdbc);
		}
		while (widgets.isInHoldout(owned.subscriberId()));
		return new BrowserlessClient(port).logIn(owned.email(), DemoLogins.SUBSCRIBER_PASSWORD);
	}

	/** An add-on card's key; a busy recommender shows no cards (after 200 ms), so ask again then. */
	private static String addOnKey(BrowserlessClient browser) throws InterruptedException {
		for (int tries = 0; tries < 20; tries++) {
			Matcher key = ADD_ON_KEY.matcher(browser.get(OFFERS).body());
			if (key.find()) {
				return key.group(1);
			}
			Thread.sleep(250);
		}
		throw new AssertionError("No add-on card on the offers page");
	}

	private long addOnLines() {
		return jdbc.queryForObject("select count(*) from shipment_line l join shipment s on s.id = l.shipment_id "
				+ "where s.subscription_id = ? and s.status = 'OPEN'", Long.class, owned.subscriptionId());
	}

}
