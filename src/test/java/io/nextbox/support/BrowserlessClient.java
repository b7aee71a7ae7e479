package io.nextbox.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript over real HTTP: a cookie jar, the real form login with its CSRF token, plain form
 * posts, redirects followed by hand (so each answer's status is seen). Unlike MockMvc it goes through the whole
 * server, the Spring Session filter and its JDBC store included, and it may be used from several threads at once
 * (like the tabs of one browser).
 */
public final class BrowserlessClient {

	private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String baseUrl;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	private volatile String csrf;

	public BrowserlessClient(int port) {
		this.baseUrl = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/** Logs in through the login form and keeps the token of the pages that follow. */
	public BrowserlessClient logIn(String email, String password) {
		String loginPage = get("/login").body();
		Matcher token = CSRF_FIELD.matcher(loginPage);
		if (!token.find()) {
			throw new IllegalStateException("The login page has no CSRF field");
		}
		HttpResponse<String> login = post("/login", Map.of("username", email, "password", password), token.group(1));
		if (login.statusCode() != 302 || location(login).contains("error")) {
			throw new IllegalStateException("Login as " + email + " failed: " + login.statusCode());
		}
		refreshToken("/portal");
		return this;
	}

	/** Reads the CSRF token again from a page (it changes at login). */
	public String refreshToken(String path) {
		Matcher token = CSRF.matcher(get(path).body());
		if (!token.find()) {
			throw new IllegalStateException(path + " has no CSRF token");
		}
		this.csrf = token.group(1);
		return csrf;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/** A GET as htmx sends it. */
	public HttpResponse<String> htmxGet(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("HX-Request", "true").GET());
	}

	/** A plain form post with the page's CSRF token, as a browser without JavaScript sends it. */
	public HttpResponse<String> post(String path, Map<String, String> form) {
		return post(path, form, csrf);
	}

	/** The same post as htmx sends it: the token in the header, {@code HX-Request} set. */
	public HttpResponse<String> htmxPost(String path, Map<String, String> form) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("HX-Request", "true")
			.header("X-CSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofString(encode(form))));
	}

	/** A plain form post, then the redirect it answers with, as a browser follows it. */
	public Answer postAndFollow(String path, Map<String, String> form) {
		HttpResponse<String> posted = post(path, form);
		if (posted.statusCode() / 100 != 3) {
			return new Answer(posted.statusCode(), 0, posted.body());
		}
		HttpResponse<String> page = get(location(posted));
		return new Answer(posted.statusCode(), page.statusCode(), page.body());
	}

	/** The session cookie's value, to find or end the session on the server side. */
	public String sessionId() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals("SESSION"))
			.map(cookie -> new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8))
			.findFirst()
			.orElseThrow();
	}

	/** A plain form post with this CSRF token (e.g. one read from the form of a page). */
	public HttpResponse<String> post(String path, Map<String, String> form, String token) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		fields.put("_csrf", token);
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String location(HttpResponse<String> response) {
		String location = response.headers().firstValue("Location").orElse("");
		return location.startsWith(baseUrl) ? location.substring(baseUrl.length()) : location;
	}

	private URI uri(String path) {
		return URI.create(baseUrl + path);
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** A post's status and, after a redirect, the status and body of the page it led to. */
	public record Answer(int status, int pageStatus, String page) {

		public boolean serverError() {
			return status >= 500 || pageStatus >= 500;
		}

	}

}
