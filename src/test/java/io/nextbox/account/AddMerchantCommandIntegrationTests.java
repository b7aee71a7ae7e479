package io.nextbox.account;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nextbox.account.PasswordLinks.TokenState;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code add-merchant --email E} prints a one-time link; the link's page sets the password once, within 24 hours,
 * without a login. The command's work is run on the shared context's bean (the command itself only starts the
 * application around it).
 */
@NextboxIntegrationTest
class AddMerchantCommandIntegrationTests {

	private static final Pattern LINK = Pattern.compile("http://localhost:8080(/password/set\\?token=([A-Za-z0-9_-]{43}))");

	private static final String PASSWORD = "oat biscuits at dawn";

	@Autowired
	private AddMerchantCommand command;

	@Autowired
	private PasswordLinks links;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Clock clock;

	@Autowired
	private TransactionTemplate transaction;

	private final List<String> created = new ArrayList<>();

	@AfterEach
	void removeTheMerchantsCreated() {
		created.forEach(email -> jdbc.update("delete from account where email = ?", email));
	}

	@Test
	void printsALinkWhoseTokenSetsThePasswordOnce() throws Exception {
		String email = newEmail("first");
		Printed printed = add(email);

		assertThat(printed.exit()).isZero();
		assertThat(printed.out()).contains("Created the merchant " + email);
		Matcher link = LINK.matcher(printed.out());
		assertThat(link.find()).isTrue();
		String token = link.group(2);
		assertThat(jdbc.queryForList("select token_hash from password_token where account_id = "
				+ "(select id from account where email = ?)", String.class, email))
			.containsExactly(Secrets.sha256(token))
			.doesNotContain(token);
		mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(unauthenticated());

		mvc.perform(get(link.group(1)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Set your password")));
		setPassword(token, PASSWORD).andExpect(redirectedUrl("/password/done"));
		mvc.perform(get("/password/done")).andExpect(content().string(containsString("Your password is set")));
		mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(authenticated());

		setPassword(token, "another one entirely").andExpect(status().isGone())
			.andExpect(content().string(containsString("This link was already used")));
		mvc.perform(get(link.group(1))).andExpect(status().isGone())
			.andExpect(content().string(containsString("This link was already used")));
		mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(authenticated());
	}

	@Test
	void aRefusedPasswordIsExplainedAtTheFieldAndLeavesTheLinkUsable() throws Exception {
		String token = tokenOf(add(newEmail("weak")));

		setPassword(token, "short").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Too short: use at least 12 characters.")));
		setPassword(token, "Password2024").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("one of the most common passwords")));
		mvc.perform(post("/password/set").with(csrf())
			.param("token", token)
			.param("password", PASSWORD)
			.param("confirmation", PASSWORD + "x"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The two passwords differ")))
			.andExpect(content().string(not(containsString(PASSWORD))));

		setPassword(token, PASSWORD).andExpect(redirectedUrl("/password/done"));
	}

	@Test
	void theLinkExpiresAfter24Hours() throws Exception {
		String email = newEmail("late");
		String token = tokenOf(add(email));

		PasswordLinks dayLater = links.withClock(Clock.offset(clock, Duration.ofHours(24).plusSeconds(1)));
		assertThat(dayLater.check(token)).isEqualTo(TokenState.EXPIRED);
		TokenState late = transaction.execute(status -> dayLater.setPassword(token, PASSWORD));
		assertThat(late)
			.isEqualTo(TokenState.EXPIRED);

		PasswordLinks almostADayLater = links.withClock(Clock.offset(clock, Duration.ofHours(23).plusMinutes(59)));
		assertThat(almostADayLater.check(token)).isEqualTo(TokenState.VALID);
		TokenState inTime = transaction.execute(status -> almostADayLater.setPassword(token, PASSWORD));
		assertThat(inTime)
			.isEqualTo(TokenState.SET);
		mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(authenticated());
	}

	@Test
	void anExpiredLinkGetsAClearPage() throws Exception {
		String token = tokenOf(add(newEmail("expired")));
		jdbc.update("update password_token set expires_at = ? where token_hash = ?",
				java.sql.Timestamp.from(clock.instant().minusSeconds(1)), Secrets.sha256(token));

		mvc.perform(get("/password/set").param("token", token)).andExpect(status().isGone())
			.andExpect(content().string(containsString("This link has expired")));
		setPassword(token, PASSWORD).andExpect(status().isGone())
			.andExpect(content().string(containsString("This link has expired")));
	}

	@Test
	void anUnknownOrMissingTokenGetsAClearPage() throws Exception {
		for (String token : List.of("nope", "A".repeat(43), "x".repeat(5000), "")) {
			mvc.perform(get("/password/set").param("token", token)).andExpect(status().isNotFound())
				.andExpect(content().string(containsString("This link does not work")));
			setPassword(token, PASSWORD).andExpect(status().isNotFound());
		}
		mvc.perform(get("/password/set")).andExpect(status().isNotFound());
		mvc.perform(post("/password/set").with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void forAnExistingMerchantItIsAResetAndOnlyTheNewestLinkWorks() throws Exception {
		String hashBefore = jdbc.queryForObject("select password_hash from account where email = ?", String.class,
				DemoLogins.MERCHANT);
		try {
			String older = tokenOf(add(DemoLogins.MERCHANT));
			Printed printed = add(DemoLogins.MERCHANT);
			assertThat(printed.out()).contains("Password reset for the merchant " + DemoLogins.MERCHANT);
			String newer = tokenOf(printed);

			// the old password still works until the link is used
			mvc.perform(formLogin("/login").user(DemoLogins.MERCHANT).password(DemoLogins.MERCHANT_PASSWORD))
				.andExpect(authenticated());
			mvc.perform(get("/password/set").param("token", older)).andExpect(status().isNotFound());
			mvc.perform(get("/password/set").param("token", newer)).andExpect(status().isOk());
		}
		finally {
			jdbc.update("update account set password_hash = ? where email = ?", hashBefore, DemoLogins.MERCHANT);
			jdbc.update("delete from password_token where account_id = (select id from account where email = ?)",
					DemoLogins.MERCHANT);
		}
	}

	@Test
	void refusesASubscribersEmailAndABadAddress() {
		long accounts = jdbc.queryForObject("select count(*) from account", Long.class);

		Printed subscriber = add(DemoLogins.subscriber(3));
		assertThat(subscriber.exit()).isEqualTo(1);
		assertThat(subscriber.err()).contains("is a subscriber's login, not a merchant");
		Printed bad = add("not-an-address");
		assertThat(bad.exit()).isEqualTo(1);
		assertThat(bad.err()).contains("is not an email address");

		assertThat(jdbc.queryForObject("select count(*) from account", Long.class)).isEqualTo(accounts);
	}

	@Test
	void parsesItsOptionsAndPassesTheRestToTheApplication() {
		List<String> properties = new ArrayList<>();
		assertThat(AddMerchantCommand.email(new String[] { "add-merchant", "--spring.datasource.url=jdbc:x",
				"--email", "a@b.test" }, properties)).isEqualTo("a@b.test");
		assertThat(properties).containsExactly("--spring.datasource.url=jdbc:x");
		assertThat(AddMerchantCommand.run(Object.class, new String[] { "add-merchant" })).isEqualTo(2);
	}

	/** Two submits of the same link at the same moment (a double click, two tabs): one sets, one is refused. */
	@Test
	void twoSubmitsAtOnceSetThePasswordExactlyOnce() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 15; round++) {
				String token = tokenOf(add(newEmail("race" + round)));
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Integer>> answers = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					String password = PASSWORD + " " + i;
					answers.add(pool.submit(() -> {
						start.await();
						return setPassword(token, password).andReturn().getResponse().getStatus();
					}));
				}
				start.countDown();
				List<Integer> statuses = new ArrayList<>();
				for (Future<Integer> answer : answers) {
					statuses.add(answer.get());
				}
				Collections.sort(statuses);
				assertThat(statuses).as("round %d", round).containsExactly(302, 410);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private String newEmail(String name) {
		String email = name + "-" + System.nanoTime() + "@staff.test";
		created.add(email);
		return email;
	}

	private Printed add(String email) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = command.add(email, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Printed(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static String tokenOf(Printed printed) {
		Matcher link = LINK.matcher(printed.out());
		assertThat(link.find()).as(printed.out()).isTrue();
		return link.group(2);
	}

	private org.springframework.test.web.servlet.ResultActions setPassword(String token, String password)
			throws Exception {
		return mvc.perform(post("/password/set").with(csrf())
			.param("token", token)
			.param("password", password)
			.param("confirmation", password));
	}

	record Printed(int exit, String out, String err) {
	}

}
