package io.nextbox.platform;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.nextbox.engagement.WidgetService;
import io.nextbox.offer.LiveOffer;
import io.nextbox.offer.OfferService;
import io.nextbox.offer.Placement;
import io.nextbox.support.BrowserlessClient;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many SQL statements a signed-in subscriber's page costs (issue 13's targets). A count, not a timing: each
 * statement is a round trip every request pays under load. The targets hold for the default configuration, whose
 * sessions live in memory and cost no statement; the tests keep sessions in the database, as several instances do,
 * so each request here also runs the JDBC session's three (read, last access written, and Spring Session's second
 * read when it commits the session), counted apart.
 */
@NextboxIntegrationTest
class SqlStatementsPerRequestTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SqlStatementCount count;

	@Autowired
	OfferService offers;

	@Autowired
	WidgetService widgets;

	@LocalServerPort
	int port;

	private BrowserlessClient browser;

	private Owned owned;

	@BeforeEach
	void signIn() {
		owned = TestSubscriptions.freshActive(jdbc);
		browser = new BrowserlessClient(port).logIn(owned.email(), DemoLogins.SUBSCRIBER_PASSWORD);
	}

	@Test
	void theDashboardRunsAtMostFiveStatements() throws Exception {
		assertThat(pageStatements("/portal", false)).hasSizeLessThanOrEqualTo(5);
	}

	@Test
	void theSubscriptionPageRunsAtMostThreeStatements() throws Exception {
		// the subscription with its swaps, its open and skipped boxes with their lines, its timeline (issue 13: 6)
		assertThat(pageStatements("/portal/subscriptions/" + owned.subscriptionId(), false))
			.hasSizeLessThanOrEqualTo(3);
	}

	@Test
	void theNextBoxPageRunsAtMostThreeStatements() throws Exception {
		assertThat(pageStatements("/portal/subscriptions/" + owned.subscriptionId() + "/shipment", false))
			.hasSizeLessThanOrEqualTo(3);
	}

	@Test
	void theOrderHistoryRunsAtMostFourStatements() throws Exception {
		assertThat(pageStatements("/portal/orders", false)).hasSizeLessThanOrEqualTo(4);
	}

	@Test
	void theWidgetRunsTwoStatementsAndWritesNothing() throws Exception {
		// signed card keys (no claim row a card) and impressions written in batches off the request thread; the
		// subscriber's subscriptions, open box, its add-ons and swaps in one read, and the offers they dismissed
		// lately (the recommender's, on the request's thread; issue 13 allows four)
		List<String> statements = pageStatements("/portal/widgets/DASHBOARD?back=/portal", true);
		assertThat(statements).hasSizeLessThanOrEqualTo(2);
		assertThat(statements).noneMatch(sql -> sql.trim().toLowerCase(Locale.ROOT).matches("(?s)(insert|update|delete).*"));
	}

	@Test
	void aOneClickAddRunsAtMostNineStatements() throws Exception {
		while (widgets.isInHoldout(owned.subscriberId())) {
			signIn();
		}
		Pattern addForm = Pattern.compile("action=\"/portal/widgets/add\"(?:(?!</form>).)*?name=\"key\" value=\"([^\"]+)\"",
				Pattern.DOTALL);
		List<String> keys = new ArrayList<>();
		for (int attempt = 0; attempt < 3 && keys.isEmpty(); attempt++) {
			// a recommender slower than 200 ms (a busy machine) shows nothing: ask again
			addForm.matcher(browser.htmxGet("/portal/widgets/DASHBOARD?back=/portal").body())
				.results()
				.forEach(card -> keys.add(card.group(1)));
		}
		assertThat(keys).as("an add-on card on the widget").isNotEmpty();
		// the fewest of (up to) two adds: one in a while also re-reads the catalogue view, shared by every request of
		// those five seconds (see statementsOf)
		List<String> statements = null;
		for (String key : keys.subList(0, Math.min(2, keys.size()))) {
			count.forget("/portal/widgets/add");
			HttpResponse<String> added = browser.htmxPost("/portal/widgets/add", Map.of("key", key, "back", "/portal"));
			if (statements != null && added.statusCode() != 200) {
				break; // the second card refused (the box full): the first one's count stands
			}
			assertThat(added.statusCode()).isEqualTo(200);
			List<String> these = count.statementsOf("/portal/widgets/add").stream().filter(sql -> !session(sql)).toList();
			if (statements == null || these.size() < statements.size()) {
				statements = these;
			}
		}
		System.out.printf("SQL statements of the one-click add: %d%n  %s%n", statements.size(),
				String.join("\n  ", statements));
		// the claim, the offer still running, the product's price and stock, the locked subscription, the open box with
		// its lines, the line, the box's version, the accept event, the claim's line (11 through the entities)
		assertThat(statements).hasSizeLessThanOrEqualTo(9);
	}

	@Test
	void theLiveOffersAreReadWithTheirTargetingInThreeStatementsHoweverMany() {
		List<List<LiveOffer>> live = new ArrayList<>();
		List<String> statements = count
			.statementsOf(() -> live.add(offers.liveOffers(Placement.DASHBOARD, LocalDate.now())));
		assertThat(live.get(0)).as("the demo store's live offers").hasSizeGreaterThan(3);
		// the offers with their placements, then every offer's target plans and target families
		assertThat(statements).hasSizeLessThanOrEqualTo(3);
	}

	@Test
	void aSessionInTheDatabaseCostsThreeStatementsARequest() throws Exception {
		List<String> all = statementsOf("/portal", false);
		assertThat(all.stream().filter(SqlStatementsPerRequestTests::session)).hasSize(3);
	}

	/** The page's own statements: the default configuration's whole count, sessions being in memory there. */
	private List<String> pageStatements(String path, boolean htmx) throws Exception {
		return statementsOf(path, htmx).stream().filter(sql -> !session(sql)).toList();
	}

	private static boolean session(String sql) {
		return sql.toUpperCase(Locale.ROOT).contains("SPRING_SESSION");
	}

	/**
	 * The statements of one request in the steady state: the fewest of three after a warm-up. Pages name plans and
	 * products from a catalogue view re-read at most every five seconds, so one request in a while also reads the
	 * catalogue (two statements); that read is shared by every request of those five seconds, not a request's own.
	 */
	private List<String> statementsOf(String path, boolean htmx) throws Exception {
		get(path, htmx);
		List<String> statements = null;
		for (int attempt = 0; attempt < 3; attempt++) {
			count.forget(path);
			get(path, htmx);
			List<String> these = count.statementsOf(path);
			if (statements == null || these.size() < statements.size()) {
				statements = these;
			}
		}
		System.out.printf("SQL statements of %s: %d%n  %s%n", path, statements.size(),
				String.join("\n  ", statements));
		return statements;
	}

	private void get(String path, boolean htmx) {
		HttpResponse<String> page = htmx ? browser.htmxGet(path) : browser.get(path);
		assertThat(page.statusCode()).as(path).isEqualTo(200);
	}

}
