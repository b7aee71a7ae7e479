package io.nextbox;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.nextbox.support.ForkedApp;
import io.nextbox.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application, each a process of its own, on one fresh PostgreSQL schema, as they run behind a
 * load balancer: a session started on A goes on on B; the same one-click add sent to both at once adds one line; the
 * shipment processor and the reminder sender running on both at once process each box once and send each reminder
 * once; an order placed on A changes what B recommends within a minute; and A killed with SIGKILL under load costs B
 * no request.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PostgresTwoInstancesTests {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

	private static final String SCHEMA = System.getenv().getOrDefault("NEXTBOX_TEST_PG_SCHEMA", "nextbox_ci")
			+ "_two";

	private static final String OFFER = "Two-instance test offer";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

	private static final Pattern CARD_KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

	private static final Duration WITHIN = Duration.ofMinutes(1);

	private final ForkedApp a;

	private final ForkedApp b;

	private Client merchantOnA;

	private Client merchantOnB;

	PostgresTwoInstancesTests() throws Exception {
		this.a = new ForkedApp();
		this.b = new ForkedApp();
	}

	@BeforeAll
	void startTwoInstances() throws Exception {
		recreateSchema();
		TestMail.server();
		List<String> arguments = List.of("--spring.profiles.active=postgres",
				"--spring.datasource.url=" + SERVER + "?currentSchema=" + SCHEMA, "--spring.flyway.schemas=" + SCHEMA,
				"--spring.flyway.default-schema=" + SCHEMA, "--nextbox.demo.enabled=true",
				"--nextbox.demo.subscribers=30", "--nextbox.shipments.cron=-", "--nextbox.reminders.cron=* * * * * *",
				"--nextbox.recommendation.rebuild-cron=-", "--nextbox.sessions=jdbc",
				"--nextbox.widgets.card-secret=two-instances-share-this-card-secret", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + TestMail.PORT);
		merchantOnA = new Client(a.start(arguments), a.port());
		try (Connection db = connect()) {
			awaitDemoStore(db);
			// reminders wait until both instances run: the test below switches them on
			db.createStatement().executeUpdate("update store_settings set reminders_enabled = false");
			db.createStatement().executeUpdate("delete from box_reminder");
		}
		// B starts on A's store (seeded once: it has accounts now) and builds its model from the table
		merchantOnB = new Client(b.start(arguments), b.port());
		merchantOnA.signIn("merchant@nextbox.test", "nextbox-merchant");
		merchantOnB.signIn("merchant@nextbox.test", "nextbox-merchant");
	}

	@AfterAll
	void stopThem() throws Exception {
		try {
			a.close();
			b.close();
		}
		finally {
			dropSchema();
		}
	}

	@Test
	@Order(1)
	void aSessionStartedOnAGoesOnOnB() throws Exception {
		Client onA = new Client(newClient(), a.port());
		onA.signIn("subscriber1@nextbox.test", "nextbox-subscriber");
		Client onB = onA.sameCookiesOn(b.port());

		HttpResponse<String> onAsPortal = onA.get("/portal");
		HttpResponse<String> portal = onB.get("/portal");

		assertThat(portal.statusCode()).isEqualTo(200);
		assertThat(portal.uri().getPath()).as("not sent to the login page").isEqualTo("/portal");
		assertThat(greeting(portal.body())).isNotBlank().isEqualTo(greeting(onAsPortal.body()));
	}

	@Test
	@Order(2)
	void theSameAddSentToBothAtOnceAddsOneLine() throws Exception {
		Client seeing = null;
		String found = null;
		for (int number = 2; number <= 30 && found == null; number++) {
			seeing = new Client(newClient(), a.port());
			seeing.signIn("subscriber" + number + "@nextbox.test", "nextbox-subscriber");
			Matcher card = CARD_KEY.matcher(awaitWidget(seeing));
			found = card.find() ? card.group(1) : null; // a subscriber in the holdout sees none
		}
		assertThat(found).as("a subscriber who sees a card").isNotNull();
		String key = found;
		Client onA = seeing;
		Client onB = onA.sameCookiesOn(b.port());
		String csrf = onA.csrfFrom("/portal");
		long linesBefore = count("select count(*) from shipment_line where offer_id is not null");
		long acceptedBefore = count("select count(*) from offer_claim where status = 'ACCEPTED'");

		List<HttpResponse<String>> answers = atOnce(List.of(() -> onA.postWith(csrf, "/portal/widgets/add",
				Map.of("key", key)), () -> onB.postWith(csrf, "/portal/widgets/add", Map.of("key", key))));

		assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
		assertThat(count("select count(*) from shipment_line where offer_id is not null")).isEqualTo(linesBefore + 1);
		// a card shown on A and clicked on both makes one claim, whichever instance verified its signature
		assertThat(count("select count(*) from offer_claim where status = 'ACCEPTED'")).isEqualTo(acceptedBefore + 1);
	}

	@Test
	@Order(3)
	void anOrderPlacedOnAIsRecommendedFromOnBWithinAMinute() throws Exception {
		long subscriber;
		try (Connection db = connect()) {
			subscriber = aBoxShippingToday(db, 1).get(0);
			offerForOneMoreOrderThan(db, subscriber);
		}
		String email = emailOf(subscriber);
		Instant deadline = Instant.now().plus(WITHIN);
		while (!merchantOnB.preview(email).contains("filtered-list") && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}
		assertThat(merchantOnB.showsOffer(email)).as("before the order, B filters the offer out").isFalse();

		long ordersBefore = ordersOf(subscriber);
		merchantOnA.post("/admin/shipments/process", Map.of());
		Instant placed = Instant.now();
		assertThat(ordersOf(subscriber)).as("the order was placed on A").isEqualTo(ordersBefore + 1);
		while (!merchantOnB.showsOffer(email) && Instant.now().isBefore(placed.plus(WITHIN))) {
			Thread.sleep(100);
		}
		Duration took = Duration.between(placed, Instant.now());

		assertThat(merchantOnB.showsOffer(email)).as("B recommends the offer after learning the order").isTrue();
		assertThat(took).isLessThan(WITHIN);
		System.out.printf("An order placed on A was recommended from on B after %d ms%n", took.toMillis());
	}

	@Test
	@Order(4)
	void theShipmentProcessorOnBothAtOnceShipsEachBoxOnce() throws Exception {
		List<Long> due;
		try (Connection db = connect()) {
			due = aBoxShippingToday(db, 8);
		}
		long ordersBefore = count("select count(*) from orders");

		List<HttpResponse<String>> answers = atOnce(List.of(
				() -> merchantOnA.post("/admin/shipments/process", Map.of()),
				() -> merchantOnB.post("/admin/shipments/process", Map.of())));

		assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
		assertThat(count("select count(*) from orders")).isEqualTo(ordersBefore + due.size());
		assertThat(count("select count(*) from shipment where ship_date <= current_date and status = 'OPEN'"))
			.isZero();
	}

	@Test
	@Order(5)
	void theReminderSenderOnBothAtOnceSendsEachReminderOnce() throws Exception {
		int mailsBefore = TestMail.server().getReceivedMessages().length;
		try (Connection db = connect()) {
			db.createStatement().executeUpdate("update store_settings set reminders_enabled = true, reminder_days = 14");
		}
		// both instances run the sender every second; settings are cached for five
		long sent = 0;
		Instant quiet = Instant.now().plusSeconds(12);
		while (Instant.now().isBefore(quiet)) {
			long now = count("select count(*) from box_reminder where status = 'SENT'");
			if (now != sent) {
				sent = now;
				quiet = Instant.now().plusSeconds(8);
			}
			Thread.sleep(250);
		}
		MimeMessage[] mails = TestMail.server().getReceivedMessages();
		List<String> recipients = new ArrayList<>();
		for (int i = mailsBefore; i < mails.length; i++) {
			recipients.add(mails[i].getAllRecipients()[0].toString());
		}

		assertThat(sent).as("some boxes are due a reminder").isPositive();
		assertThat(recipients).hasSize((int) sent);
		assertThat(count("select count(*) from (select subscription_id, ship_date from box_reminder "
				+ "group by subscription_id, ship_date having count(*) > 1) twice")).isZero();
		assertThat(recipients).as("one reminder per box, so per subscriber here").doesNotHaveDuplicates();
	}

	@Test
	@Order(6)
	void killingAUnderLoadCostsBNoRequest() throws Exception {
		Client subscriberOnB = new Client(newClient(), b.port());
		subscriberOnB.signIn("subscriber3@nextbox.test", "nextbox-subscriber");
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger served = new AtomicInteger();
		AtomicInteger servedAfterKill = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicBoolean killed = new AtomicBoolean();
		ExecutorService load = Executors.newFixedThreadPool(4);
		for (int thread = 0; thread < 4; thread++) {
			load.submit(() -> {
				while (running.get()) {
					try {
						HttpResponse<String> page = subscriberOnB.get(served.get() % 2 == 0 ? "/portal" : "/portal/orders");
						if (page.statusCode() == 200) {
							served.incrementAndGet();
							if (killed.get()) {
								servedAfterKill.incrementAndGet();
							}
						}
						else {
							failed.incrementAndGet();
						}
					}
					catch (Exception ex) {
						failed.incrementAndGet();
					}
				}
				return null;
			});
		}
		Thread.sleep(2_000);
		a.kill();
		killed.set(true);
		Thread.sleep(5_000);
		running.set(false);
		load.shutdown();
		assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

		System.out.printf("B served %d pages, %d after A was killed, %d failed%n", served.get(),
				servedAfterKill.get(), failed.get());
		assertThat(failed.get()).isZero();
		assertThat(servedAfterKill.get()).isPositive();
		assertThat(merchantOnB.get("/admin").statusCode()).isEqualTo(200);
	}

	private static String greeting(String page) {
		Matcher h1 = Pattern.compile("<h1[^>]*>([^<]+)</h1>").matcher(page);
		return h1.find() ? h1.group(1) : "";
	}

	private String awaitWidget(Client client) throws Exception {
		Instant deadline = Instant.now().plus(WITHIN);
		String widget = "";
		while (Instant.now().isBefore(deadline)) {
			HttpResponse<String> answer = client.send(HttpRequest.newBuilder(client.uri("/portal/widgets/DASHBOARD"))
				.header("HX-Request", "true")
				.build());
			widget = answer.body();
			if (answer.statusCode() == 200 && !widget.isBlank()) {
				return widget;
			}
			Thread.sleep(500); // the model is still being built: no widget yet
		}
		return widget;
	}

	private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The demo store is seeded after the server answers, in one transaction. */
	private static void awaitDemoStore(Connection db) throws Exception {
		Instant deadline = Instant.now().plus(WITHIN);
		while (Instant.now().isBefore(deadline)) {
			try (Statement statement = db.createStatement();
					ResultSet row = statement.executeQuery("select count(*) from subscription")) {
				row.next();
				if (row.getLong(1) > 0) {
					return;
				}
			}
			Thread.sleep(200);
		}
	}

	/** Makes the open boxes of this many active subscriptions (not yet used here) ship today; their subscribers. */
	private static List<Long> aBoxShippingToday(Connection db, int howMany) throws SQLException {
		List<Long> subscribers = new ArrayList<>();
		List<Long> subscriptions = new ArrayList<>();
		try (PreparedStatement query = db.prepareStatement("""
				select s.id, s.subscriber_id from subscription s join shipment b on b.subscription_id = s.id
				where s.status = 'ACTIVE' and b.status = 'OPEN' and b.ship_date > current_date
				  and not exists (select 1 from shipment_line l where l.shipment_id = b.id and l.offer_id is not null)
				  and not exists (select 1 from shipment t where t.subscription_id = s.id and t.ship_date = current_date)
				order by s.id desc fetch first ? rows only""")) {
			query.setInt(1, howMany);
			try (ResultSet row = query.executeQuery()) {
				while (row.next()) {
					subscriptions.add(row.getLong(1));
					subscribers.add(row.getLong(2));
				}
			}
		}
		assertThat(subscriptions).hasSize(howMany);
		try (PreparedStatement update = db
			.prepareStatement("update shipment set ship_date = ? where subscription_id = ? and status = 'OPEN'")) {
			for (long subscription : subscriptions) {
				update.setObject(1, LocalDate.now());
				update.setLong(2, subscription);
				assertThat(update.executeUpdate()).isEqualTo(1);
			}
		}
		return subscribers;
	}

	/** An add-on offer for subscribers with one order more than this one has: B shows it once it knows the order. */
	private static void offerForOneMoreOrderThan(Connection db, long subscriber) throws SQLException {
		long orders = ordersOf(db, subscriber);
		long offer;
		try (PreparedStatement insert = db.prepareStatement("""
				insert into offer (name, kind, product_id, discount_type, discount_value, status, priority,
				  min_orders, min_tenure_days, exclude_existing, created_at, version)
				select ?, 'ADD_ON', p.id, 'NONE', 0, 'ACTIVE', 0, ?, 0, false, current_timestamp, 0
				from product p where p.add_on_eligible and p.in_stock and not p.retired
				order by p.id fetch first 1 rows only""", Statement.RETURN_GENERATED_KEYS)) {
			insert.setString(1, OFFER);
			insert.setLong(2, orders + 1);
			assertThat(insert.executeUpdate()).isEqualTo(1);
			try (ResultSet keys = insert.getGeneratedKeys()) {
				keys.next();
				offer = keys.getLong("id");
			}
		}
		try (PreparedStatement placement = db
			.prepareStatement("insert into offer_placement (offer_id, placement) values (?, 'DASHBOARD')")) {
			placement.setLong(1, offer);
			placement.executeUpdate();
		}
	}

	private static long count(String sql) throws SQLException {
		try (Connection db = connect(); Statement statement = db.createStatement();
				ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
	}

	private static long ordersOf(long subscriber) throws SQLException {
		return count("select count(*) from orders where subscriber_id = " + subscriber);
	}

	private static long ordersOf(Connection db, long subscriber) throws SQLException {
		try (PreparedStatement query = db.prepareStatement("select count(*) from orders where subscriber_id = ?")) {
			query.setLong(1, subscriber);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	private static String emailOf(long subscriber) throws SQLException {
		try (Connection db = connect(); PreparedStatement query = db.prepareStatement(
				"select email from subscriber where id = ?")) {
			query.setLong(1, subscriber);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getString(1);
			}
		}
	}

	private static Connection connect() throws SQLException {
		Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
		try (Statement statement = connection.createStatement()) {
			statement.execute("set search_path to " + SCHEMA);
		}
		return connection;
	}

	private static HttpClient newClient() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/** Someone signed in on one instance, with their own cookies. */
	private record Client(HttpClient client, int port) {

		void signIn(String email, String password) throws Exception {
			HttpResponse<String> signedIn = post("/login", Map.of("username", email, "password", password));
			assertThat(signedIn.statusCode()).isEqualTo(200);
			assertThat(signedIn.uri().getPath()).isNotEqualTo("/login");
		}

		/** A client on another instance that sends this one's cookies: a load balancer moving the session. */
		Client sameCookiesOn(int otherPort) {
			CookieManager cookies = new CookieManager();
			CookieManager mine = (CookieManager) client.cookieHandler().orElseThrow();
			for (HttpCookie cookie : mine.getCookieStore().getCookies()) {
				cookies.getCookieStore().add(URI.create("http://127.0.0.1:" + otherPort), cookie);
			}
			return new Client(HttpClient.newBuilder()
				.cookieHandler(cookies)
				.followRedirects(HttpClient.Redirect.NORMAL)
				.connectTimeout(Duration.ofSeconds(5))
				.build(), otherPort);
		}

		String preview(String email) throws Exception {
			return get("/admin/preview?placement=DASHBOARD&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8))
				.body();
		}

		/** Whether the offer is among those shown, rather than among those filtered out. */
		boolean showsOffer(String email) throws Exception {
			String page = preview(email);
			int offer = page.indexOf(OFFER);
			int filtered = page.indexOf("filtered-list");
			return offer >= 0 && (filtered < 0 || offer < filtered);
		}

		String csrfFrom(String path) throws Exception {
			Matcher csrf = CSRF.matcher(get(path).body());
			assertThat(csrf.find()).as("a CSRF token on " + path).isTrue();
			return csrf.group(1);
		}

		HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
			return postWith(csrfFrom(path.equals("/login") ? "/login" : "/admin"), path, fields);
		}

		HttpResponse<String> postWith(String csrf, String path, Map<String, String> fields) throws Exception {
			String form = fields.entrySet()
				.stream()
				.map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&", "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)
						+ (fields.isEmpty() ? "" : "&"), ""));
			return send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build());
		}

		HttpResponse<String> get(String path) throws Exception {
			return send(HttpRequest.newBuilder(uri(path)).build());
		}

		HttpResponse<String> send(HttpRequest request) throws Exception {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}

		URI uri(String path) {
			return URI.create("http://127.0.0.1:" + port + path);
		}

	}

	private static void recreateSchema() throws SQLException {
		dropSchema();
		try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("create schema " + SCHEMA);
		}
	}

	private static void dropSchema() throws SQLException {
		try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + SCHEMA + " cascade");
		}
	}

}
