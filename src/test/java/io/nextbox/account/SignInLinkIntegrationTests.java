package io.nextbox.account;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.nextbox.mail.Mailer;
import io.nextbox.mail.PublicUrl;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.support.BrowserlessClient;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestMail;
import io.nextbox.support.TestMail.Received;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in by an emailed link or code, over real HTTP against GreenMail as the SMTP server: the mail as received,
 * its link (a GET that only shows a button, a POST that signs in), its code, single use, expiry, wrong codes, and
 * an unknown address answered like a known one.
 */
@NextboxIntegrationTest
class SignInLinkIntegrationTests {

	private static final String PUBLIC_URL = "http://localhost:8080";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private AccountService accounts;

	@Autowired
	private StoreSettingsService settings;

	@Autowired
	private PlatformTransactionManager transactions;

	@Autowired
	private AccountUserDetailsService users;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private Mailer mailer;

	@Autowired
	private PublicUrl publicUrl;

	@BeforeAll
	static void mailServer() {
		TestMail.server();
	}

	@Test
	void theEmailedLinkShowsAButtonAndItsPostSignsInToThePortal() {
		String email = DemoLogins.subscriber(481);
		BrowserlessClient client = new BrowserlessClient(port);
		HttpResponse<String> requested = requestLink(client, email);
		assertThat(requested.statusCode()).isEqualTo(302);
		assertThat(requested.headers().firstValue("Location").orElseThrow()).endsWith("/login/code");
		assertThat(client.get("/login/code").body()).contains("Check your email", email);

		Received mail = TestMail.await(email, 1);
		String storeName = settings.current().storeName();
		assertThat(mail.subject()).isEqualTo("Your sign-in link for " + storeName);
		assertThat(mail.fromName()).isEqualTo(storeName);
		assertThat(mail.fromAddress()).isEqualTo("no-reply@localhost");
		assertThat(mail.link()).startsWith(PUBLIC_URL + "/login/link/");
		assertThat(mail.text()).contains("works once, for 15 minutes", mail.code());
		assertThat(mail.html()).contains("href=\"" + mail.link() + "\"", mail.code(), "Sign in to " + HtmlUtils.htmlEscape(storeName));

		String path = mail.link().substring(PUBLIC_URL.length());
		HttpResponse<String> page = client.get(path);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Press the button to finish signing in", "name=\"_csrf\"");
		assertThat(unusedLinks(email)).as("a GET does not use the link").isEqualTo(1);
		String sessionBefore = client.sessionId();

		HttpResponse<String> signedIn = client.post(path, Map.of(), csrfField(page.body()));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/portal");
		assertThat(client.sessionId()).as("a new session id at sign-in").isNotEqualTo(sessionBefore);
		HttpResponse<String> portal = client.get("/portal");
		assertThat(portal.statusCode()).isEqualTo(200);
		assertThat(portal.body()).contains(planOf(email));

		client.refreshToken("/portal");
		HttpResponse<String> again = client.post(path, Map.of());
		assertThat(again.statusCode()).as("a second click of the same user goes to the portal").isEqualTo(302);
		assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/portal");

		BrowserlessClient someoneElse = new BrowserlessClient(port);
		HttpResponse<String> reused = someoneElse.post(path, Map.of(), csrfField(someoneElse.get(path).body()));
		assertThat(reused.statusCode()).isEqualTo(410);
		assertThat(reused.body()).contains("This link has already been used", "Email me a new sign-in link");
		assertThat(someoneElse.get("/portal").statusCode()).isEqualTo(302);
	}

	@Test
	void aSecondClickThatCarriesTheSessionTheFirstReplacedEndsOnThePortal() throws Exception {
		String email = DemoLogins.subscriber(488);
		BrowserlessClient client = new BrowserlessClient(port);
		requestLink(client, email);
		String path = TestMail.await(email, 1).link().substring(PUBLIC_URL.length());
		String token = csrfField(client.get(path).body());
		String oldSession = client.sessionId();

		assertThat(client.post(path, Map.of(), token).headers().firstValue("Location").orElseThrow())
			.endsWith("/portal");
		HttpClient raw = HttpClient.newHttpClient();
		HttpResponse<String> second = raw.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Cookie", "SESSION=" + Base64.getEncoder().encodeToString(oldSession.getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(second.statusCode()).isEqualTo(302);
		assertThat(second.headers().firstValue("Location").orElseThrow()).endsWith(path);
		HttpResponse<String> page = client.get(path);
		assertThat(page.statusCode()).as("the browser that signed in goes on to the portal").isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/portal");
		assertThat(new BrowserlessClient(port).get(path).body()).as("anyone else just sees the button")
			.contains("Press the button to finish signing in");
	}

	@Test
	void theCodeFromTheEmailSignsInOnAnotherDeviceOnce() {
		String email = DemoLogins.subscriber(482);
		requestLink(new BrowserlessClient(port), email);
		Received mail = TestMail.await(email, 1);

		BrowserlessClient otherDevice = new BrowserlessClient(port);
		String token = csrfField(otherDevice.get("/login/code").body());
		HttpResponse<String> signedIn = otherDevice.post("/login/code",
				Map.of("email", email.toUpperCase(), "code", mail.code()), token);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/portal");
		assertThat(otherDevice.get("/portal").body()).contains(planOf(email));

		BrowserlessClient third = new BrowserlessClient(port);
		HttpResponse<String> reused = third.post("/login/code", Map.of("email", email, "code", mail.code()),
				csrfField(third.get("/login/code").body()));
		assertThat(reused.statusCode()).isEqualTo(422);
		assertThat(reused.body()).contains("That code is not right", "Email me a new sign-in link");
		assertThat(third.get("/portal").statusCode()).isEqualTo(302);
	}

	@Test
	void fiveWrongCodesKillTheRequestEvenForTheRightCodeAfterwards() {
		String email = DemoLogins.subscriber(483);
		requestLink(new BrowserlessClient(port), email);
		Received mail = TestMail.await(email, 1);
		String wrong = mail.code().equals("000000") ? "111111" : "000000";

		BrowserlessClient guesser = new BrowserlessClient(port);
		String token = csrfField(guesser.get("/login/code").body());
		for (int i = 0; i < SignInLinks.MAX_WRONG_CODES; i++) {
			assertThat(guesser.post("/login/code", Map.of("email", email, "code", wrong), token).statusCode())
				.isEqualTo(422);
		}
		HttpResponse<String> right = guesser.post("/login/code", Map.of("email", email, "code", mail.code()), token);
		assertThat(right.statusCode()).isEqualTo(422);
		assertThat(guesser.get("/portal").statusCode()).isEqualTo(302);

		BrowserlessClient owner = new BrowserlessClient(port);
		String path = mail.link().substring(PUBLIC_URL.length());
		HttpResponse<String> link = owner.post(path, Map.of(), csrfField(owner.get(path).body()));
		assertThat(link.statusCode()).as("the request is dead, its link too").isEqualTo(410);
	}

	@Test
	void aLinkOlderThanFifteenMinutesIsRefused() {
		String email = DemoLogins.subscriber(484);
		Clock sixteenMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(16)), ZoneOffset.UTC);
		linksAt(sixteenMinutesAgo).send(email);
		Received mail = TestMail.await(email, 1);

		BrowserlessClient client = new BrowserlessClient(port);
		String path = mail.link().substring(PUBLIC_URL.length());
		HttpResponse<String> expired = client.post(path, Map.of(), csrfField(client.get(path).body()));
		assertThat(expired.statusCode()).isEqualTo(410);
		assertThat(expired.body()).contains("This link has expired", "Email me a new sign-in link");
		HttpResponse<String> code = client.post("/login/code", Map.of("email", email, "code", mail.code()),
				csrfField(client.get("/login/code").body()));
		assertThat(code.statusCode()).isEqualTo(422);
		assertThat(client.get("/portal").statusCode()).isEqualTo(302);

		Clock fourteenMinutesLater = Clock.fixed(Instant.now().plus(Duration.ofMinutes(14)), ZoneOffset.UTC);
		SignInLinks later = linksAt(fourteenMinutesLater);
		String other = DemoLogins.subscriber(485);
		linksAt(Clock.systemUTC()).send(other);
		assertThat(later.useToken(tokenOf(TestMail.await(other, 1))).outcome())
			.as("still valid at 14 minutes")
			.isEqualTo(SignInLinks.Outcome.SIGNED_IN);
	}

	@Test
	void anUnknownAddressIsAnsweredLikeAKnownOneAndGetsNoMail() {
		String known = DemoLogins.subscriber(486);
		String unknown = "nobody-486@nextbox.test";
		BrowserlessClient client = new BrowserlessClient(port);
		HttpResponse<String> forUnknown = requestLink(client, unknown);
		String unknownPage = client.get("/login/code").body();
		HttpResponse<String> forKnown = requestLink(client, known);
		String knownPage = client.get("/login/code").body();

		assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode());
		assertThat(forUnknown.headers().firstValue("Location")).isEqualTo(forKnown.headers().firstValue("Location"));
		assertThat(withoutTokens(unknownPage.replace(unknown, "ADDRESS")))
			.isEqualTo(withoutTokens(knownPage.replace(known, "ADDRESS")));
		TestMail.await(known, 1);
		assertThat(TestMail.to(unknown)).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from account where email = ?", Long.class, unknown))
			.isZero();
	}

	@Test
	void aMerchantAddressGetsNoLink() {
		BrowserlessClient client = new BrowserlessClient(port);
		int before = TestMail.to(DemoLogins.MERCHANT).size();
		assertThat(requestLink(client, DemoLogins.MERCHANT).statusCode()).isEqualTo(302);
		String marker = DemoLogins.subscriber(487);
		requestLink(client, marker);
		TestMail.await(marker, 1);
		assertThat(TestMail.to(DemoLogins.MERCHANT)).hasSize(before);
	}

	@Test
	void anImportedCustomerWithoutALoginSignsInByLink() {
		String email = "imported-signin@example.com";
		accounts.customers(List.of(email));
		assertThat(jdbc.queryForObject("select count(*) from account where email = ?", Long.class, email)).isZero();

		BrowserlessClient client = new BrowserlessClient(port);
		requestLink(client, email);
		Received mail = TestMail.await(email, 1);
		String path = mail.link().substring(PUBLIC_URL.length());
		HttpResponse<String> signedIn = client.post(path, Map.of(), csrfField(client.get(path).body()));
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/portal");
		HttpResponse<String> portal = client.get("/portal");
		assertThat(portal.statusCode()).isEqualTo(200);
		assertThat(portal.body()).contains("imported-signin");
		assertThat(jdbc.queryForObject(
				"select count(*) from subscriber s join account a on a.id = s.account_id where s.email = ?",
				Long.class, email))
			.isOne();
	}

	@Test
	void aBadAddressIsAnsweredOnTheLoginPage() {
		BrowserlessClient client = new BrowserlessClient(port);
		String token = csrfField(client.get("/login").body());
		HttpResponse<String> empty = client.post("/login/link", Map.of("email", " "), token);
		assertThat(empty.statusCode()).isEqualTo(422);
		assertThat(empty.body()).contains("Enter the email address you subscribed with.");
		HttpResponse<String> bad = client.post("/login/link", Map.of("email", "not an address"), token);
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("That does not look like an email address.");
		List<String> odd = List.of("", " ", "x".repeat(10_000), "a@b", "\u00e9@\u00e9.test", "1 2 3 4 5 6", "-1", "9999999",
				"<script>", "' or 1=1 --", "%00", "12345\u0000");
		int answered = 0;
		for (String value : odd) {
			assertThat(client.post("/login/link", Map.of("email", value), token).statusCode()).isLessThan(500);
			assertThat(client.post("/login/code", Map.of("email", value, "code", value), token).statusCode())
				.isLessThan(500);
			assertThat(client.post("/login/code", Map.of("code", value), token).statusCode()).isLessThan(500);
			String path = "/login/link/" + URLEncoder.encode(value, StandardCharsets.UTF_8);
			assertThat(client.get(path).statusCode()).isLessThan(500);
			assertThat(client.post(path, Map.of(), token).statusCode()).isLessThan(500);
			answered += 5;
		}
		assertThat(answered).isEqualTo(5 * odd.size());
		HttpResponse<String> garbage = client.post("/login/link/%20nope", Map.of(), token);
		assertThat(garbage.statusCode()).isEqualTo(404);
		assertThat(garbage.body()).contains("This link is not valid");
	}

	private HttpResponse<String> requestLink(BrowserlessClient client, String email) {
		String token = csrfField(client.get("/login").body());
		return client.post("/login/link", Map.of("email", email), token);
	}

	private SignInLinks linksAt(Clock clock) {
		return new SignInLinks(jdbc, transactions, users, passwordEncoder, mailer, publicUrl, Runnable::run, clock);
	}

	private static String tokenOf(Received mail) {
		return mail.link().substring(mail.link().lastIndexOf('/') + 1);
	}

	private long unusedLinks(String email) {
		return jdbc.queryForObject("""
				select count(*) from sign_in_link l join account a on a.id = l.account_id
				where a.email = ? and l.used_at is null""", Long.class, email);
	}

	private String planOf(String email) {
		return jdbc.queryForObject("""
				select p.name from plan p join subscription s on s.plan_id = p.id
				join subscriber u on u.id = s.subscriber_id where u.email = ? order by s.id fetch first 1 rows only""",
				String.class, email);
	}

	private static String csrfField(String page) {
		java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(page);
		if (!field.find()) {
			throw new AssertionError("No CSRF field in the page");
		}
		return field.group(1);
	}

	private static String withoutTokens(String page) {
		return page.replaceAll("(name=\"_csrf\" value=|content=)\"[^\"]+\"", "$1\"\"");
	}

}
