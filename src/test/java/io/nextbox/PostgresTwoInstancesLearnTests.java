package io.nextbox;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.nextbox.support.ForkedApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application, each a process of its own, on one PostgreSQL schema: an order placed on A
 * (its shipment processed there) changes what B recommends within the poll interval, though B never hears of it
 * but through the orders table. The offer that shows it is one for subscribers with one more order than this
 * subscriber had: B filters it out by targeting until it has learnt the order.
 */
@Tag("postgres")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PostgresTwoInstancesLearnTests {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

	private static final String SCHEMA = System.getenv().getOrDefault("NEXTBOX_TEST_PG_SCHEMA", "nextbox_ci")
			+ "_two";

	private static final String OFFER = "Two-instance test offer";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Duration WITHIN = Duration.ofMinutes(1);

	@Test
	void anOrderPlacedOnAIsRecommendedFromOnBWithinAMinute() throws Exception {
		recreateSchema();
		List<String> arguments = List.of("--spring.profiles.active=postgres",
				"--spring.datasource.url=" + SERVER + "?currentSchema=" + SCHEMA, "--spring.flyway.schemas=" + SCHEMA,
				"--spring.flyway.default-schema=" + SCHEMA, "--nextbox.demo.enabled=true",
				"--nextbox.demo.subscribers=20", "--nextbox.shipments.cron=-", "--nextbox.reminders.cron=-",
				"--nextbox.recommendation.rebuild-cron=-", "--nextbox.sessions=jdbc");
		try (ForkedApp a = new ForkedApp(); ForkedApp b = new ForkedApp()) {
			Merchant onA = new Merchant(a.start(arguments), a.port());
			long subscriber;
			try (Connection db = connect()) {
				awaitDemoStore(db);
				subscriber = aBoxShippingToday(db);
				offerForOneMoreOrderThan(db, subscriber);
			}
			// B starts on A's store (seeded once: it has accounts now) and builds its model from the table
			Merchant onB = new Merchant(b.start(arguments), b.port());
			onA.signIn();
			onB.signIn();
			String email = emailOf(subscriber);
			Instant deadline = Instant.now().plus(WITHIN);
			while (!onB.preview(email).contains("filtered-list") && Instant.now().isBefore(deadline)) {
				Thread.sleep(200);
			}
			assertThat(onB.showsOffer(email)).as("before the order, B filters the offer out").isFalse();

			long ordersBefore = ordersOf(subscriber);
			onA.post("/admin/shipments/process", Map.of());
			Instant placed = Instant.now();
			assertThat(ordersOf(subscriber)).as("the order was placed on A").isEqualTo(ordersBefore + 1);
			while (!onB.showsOffer(email) && Instant.now().isBefore(placed.plus(WITHIN))) {
				Thread.sleep(100);
			}
			Duration took = Duration.between(placed, Instant.now());

			assertThat(onB.showsOffer(email)).as("B recommends the offer after learning the order").isTrue();
			assertThat(took).isLessThan(WITHIN);
			System.out.printf("An order placed on A was recommended from on B after %d ms%n", took.toMillis());
		}
		finally {
			dropSchema();
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

	private static long aBoxShippingToday(Connection db) throws SQLException {
		long subscriber;
		long subscription;
		try (Statement statement = db.createStatement();
				ResultSet row = statement.executeQuery("select s.id, s.subscriber_id from subscription s "
						+ "where s.status = 'ACTIVE' order by s.id fetch first 1 rows only")) {
			assertThat(row.next()).isTrue();
			subscription = row.getLong(1);
			subscriber = row.getLong(2);
		}
		try (PreparedStatement update = db
			.prepareStatement("update shipment set ship_date = ? where subscription_id = ? and status = 'OPEN'")) {
			update.setObject(1, LocalDate.now());
			update.setLong(2, subscription);
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
		return subscriber;
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

	private static long ordersOf(long subscriber) throws SQLException {
		try (Connection db = connect()) {
			return ordersOf(db, subscriber);
		}
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

	/** The demo merchant signed in on one instance, with its own cookies. */
	private record Merchant(HttpClient client, int port) {

		void signIn() throws Exception {
			post("/login", Map.of("username", "merchant@nextbox.test", "password", "nextbox-merchant"));
			assertThat(get("/admin").statusCode()).isEqualTo(200);
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

		HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
			String page = get(path.equals("/login") ? "/login" : "/admin").body();
			Matcher csrf = CSRF.matcher(page);
			assertThat(csrf.find()).as("a CSRF token on the page").isTrue();
			String form = fields.entrySet()
				.stream()
				.map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&", "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
						+ (fields.isEmpty() ? "" : "&"), ""));
			return client.send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> get(String path) throws Exception {
			return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
		}

		private URI uri(String path) {
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
