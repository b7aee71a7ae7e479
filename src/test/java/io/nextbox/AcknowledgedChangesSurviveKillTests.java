package io.nextbox;

import java.io.IOException;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.nextbox.support.ForkedApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Nothing acknowledged is lost on the embedded database: the application, as configured by default (an H2 file
 * under {@code ./data}), runs in a process of its own; a subscriber changes the quantity of a subscription 20
 * times over HTTP, each change answered OK; the process is killed with SIGKILL right after the last answer,
 * started again on the same files, and every one of the 20 changes is still there.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class AcknowledgedChangesSurviveKillTests {

	private static final int CHANGES = 20;

	private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);

	private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.DOTALL);

	private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:-]+)=\"([^\"]*)\"");

	private static final List<String> ARGUMENTS = List.of("--nextbox.demo.subscribers=20",
			// the session signed in before the kill is used after the restart: it lives in the database
			"--nextbox.sessions=jdbc",
			"--nextbox.shipments.cron=-", "--nextbox.reminders.cron=-", "--nextbox.recommendation.rebuild-cron=-");

	private ForkedApp app;

	@BeforeEach
	void freshDataDirectory() throws IOException {
		app = new ForkedApp();
	}

	@AfterEach
	void killAndCleanUp() throws Exception {
		app.close();
	}

	@Test
	void everyAnsweredQuantityChangeSurvivesAKillOfTheProcess() throws Exception {
		HttpClient started = app.start(ARGUMENTS);
		Portal portal = Portal.signIn(app.port(), started);
		String subscription = portal.subscriptionWithQuantityForm();

		List<Integer> sent = new ArrayList<>();
		Map<String, String> form = portal.form(subscription, "/quantity");
		int quantity = Integer.parseInt(form.get("quantity"));
		for (int i = 0; i < CHANGES; i++) {
			quantity = i == CHANGES - 1 ? 5 : (quantity == 2 ? 3 : 2);
			form.put("quantity", Integer.toString(quantity));
			HttpResponse<String> answer = portal.click(subscription + "/quantity", form);
			assertThat(answer.statusCode()).as("change %d answered", i + 1).isEqualTo(200);
			assertThat(answer.body()).contains("<dd class=\"quantity\">" + quantity + "</dd>");
			sent.add(quantity);
			form = Portal.formOrNull(answer.body(), "/quantity");
			assertThat(form).as("the quantity form in the answer").isNotNull();
		}
		app.kill();

		HttpClient restarted = app.start(ARGUMENTS);
		Portal afterRestart = portal.again(app.port(), restarted);
		String pageAfterRestart = afterRestart.get(subscription).body();
		app.stop(false);

		long subscriptionId = Long.parseLong(subscription.substring(subscription.lastIndexOf('/') + 1));
		List<String> kept = quantityChangesOf(subscriptionId);
		int lost = CHANGES - kept.size();
		System.out.printf("Acknowledged quantity changes lost to kill -9: %d of %d%n", lost, CHANGES);
		assertThat(pageAfterRestart).as("the subscription after the restart")
			.contains("<dd class=\"quantity\">5</dd>");
		assertThat(kept).as("quantity changes on file after kill -9 and restart")
			.hasSize(CHANGES)
			.last()
			.isEqualTo(sent.get(CHANGES - 2) + "|" + sent.get(CHANGES - 1));
	}

	/** The subscription's quantity changes on file, oldest first, as {@code before|after}. */
	private List<String> quantityChangesOf(long subscriptionId) throws Exception {
		String url = "jdbc:h2:file:" + app.home().resolve("data").resolve("nextbox").toAbsolutePath();
		List<String> changes = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				PreparedStatement query = connection.prepareStatement("select detail from subscription_event "
						+ "where subscription_id = ? and kind = 'QUANTITY_CHANGED' order by id")) {
			query.setLong(1, subscriptionId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					changes.add(rows.getString(1));
				}
			}
		}
		return changes;
	}

	/** A signed-in subscriber's browser without JavaScript: forms read from the pages, posted as they are. */
	private record Portal(int port, HttpClient client, String email) {

		/** The first demo subscriber who has a subscription whose quantity can change, signed in. */
		static Portal signIn(int port, HttpClient client) throws Exception {
			return signIn(port, client, 1, 20);
		}

		/** The same subscriber again, after a restart: their subscription is the one that was changed. */
		Portal again(int port, HttpClient client) throws Exception {
			int n = Integer.parseInt(email.replaceAll("\\D", ""));
			return signIn(port, client, n, n);
		}

		private static Portal signIn(int port, HttpClient client, int first, int last) throws Exception {
			for (int n = first; n <= last; n++) {
				Portal portal = new Portal(port, client, "subscriber" + n + "@nextbox.test");
				Map<String, String> login = portal.form("/login", "/login");
				login.put("username", portal.email());
				login.put("password", "nextbox-subscriber");
				HttpResponse<String> answer = portal.post("/login", login);
				if (answer.statusCode() == 200 && answer.uri().getPath().startsWith("/portal")
						&& portal.subscriptionWithQuantityFormOrNull() != null) {
					return portal;
				}
				Map<String, String> logout = formOrNull(portal.get("/portal").body(), "/logout");
				if (logout != null) {
					portal.post("/logout", logout);
				}
			}
			throw new AssertionError("No demo subscriber with a subscription whose quantity can change");
		}

		String subscriptionWithQuantityForm() throws Exception {
			String path = subscriptionWithQuantityFormOrNull();
			assertThat(path).isNotNull();
			return path;
		}

		private String subscriptionWithQuantityFormOrNull() throws Exception {
			Matcher links = Pattern.compile("href=\"(/portal/subscriptions/\\d+)\"").matcher(get("/portal").body());
			while (links.find()) {
				String path = links.group(1);
				if (formOrNull(get(path).body(), path + "/quantity") != null) {
					return path;
				}
			}
			return null;
		}

		HttpResponse<String> get(String path) throws Exception {
			return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
			return client.send(postRequest(path, fields).build(), HttpResponse.BodyHandlers.ofString());
		}

		/** Posts as htmx does when the button is clicked: the answer is the page's panel, no redirect. */
		HttpResponse<String> click(String path, Map<String, String> fields) throws Exception {
			return client.send(postRequest(path, fields).header("HX-Request", "true").build(),
					HttpResponse.BodyHandlers.ofString());
		}

		private HttpRequest.Builder postRequest(String path, Map<String, String> fields) {
			String body = fields.entrySet()
				.stream()
				.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
				.collect(Collectors.joining("&"));
			return HttpRequest.newBuilder(uri(path))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body));
		}

		/** The named fields of the form on page {@code page} that posts to a path ending in {@code action}. */
		Map<String, String> form(String page, String action) throws Exception {
			Map<String, String> form = formOrNull(get(page).body(), action);
			assertThat(form).as("a form posting to %s on %s", action, page).isNotNull();
			return form;
		}

		private static Map<String, String> formOrNull(String html, String action) {
			Matcher forms = FORM.matcher(html);
			while (forms.find()) {
				String formAction = attributes(forms.group(1)).getOrDefault("action", "");
				if (formAction.endsWith(action)) {
					Map<String, String> fields = new LinkedHashMap<>();
					Matcher inputs = INPUT.matcher(forms.group(2));
					while (inputs.find()) {
						Map<String, String> input = attributes(inputs.group(1));
						if (input.containsKey("name")) {
							fields.put(input.get("name"), input.getOrDefault("value", ""));
						}
					}
					return fields;
				}
			}
			return null;
		}

		private static Map<String, String> attributes(String tag) {
			Map<String, String> attributes = new LinkedHashMap<>();
			Matcher matcher = ATTRIBUTE.matcher(tag);
			while (matcher.find()) {
				attributes.put(matcher.group(1), unescape(matcher.group(2)));
			}
			return attributes;
		}

		private static String unescape(String text) {
			return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
				.replace("&amp;", "&");
		}

		private URI uri(String path) {
			return URI.create("http://127.0.0.1:" + port + path);
		}

		private static String encode(String text) {
			return URLEncoder.encode(text, StandardCharsets.UTF_8);
		}

	}

}
