package io.nextbox.account;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nextbox.store.StoreSettingsService;
import io.nextbox.support.BrowserlessClient;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestMail;
import io.nextbox.support.TestMail.Received;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Invitations as the merchant sends them and the customer receives them, against GreenMail: one subscriber from
 * their admin page, everyone not yet invited in a background batch, and the link in the email signing an imported
 * customer (who has no login yet) in to the portal. Customers are imported with addresses of their own
 * ({@code @invites.test}); the demo subscriber is 443.
 */
@NextboxIntegrationTest
class InvitationIntegrationTests {

	private static final String PUBLIC_URL = "http://localhost:8080";

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private AccountUserDetailsService users;

	@Autowired
	private StoreSettingsService settings;

	@Autowired
	private Invitations invitations;

	@Autowired
	private InvitationBatches batches;

	private RequestPostProcessor merchant;

	@BeforeAll
	static void mailServer() {
		TestMail.server();
	}

	@BeforeEach
	void merchant() {
		merchant = user(users.loadUserByUsername(DemoLogins.MERCHANT));
	}

	@Test
	void anInvitedImportedCustomerSignsInFromTheEmailAndADoubleClickSendsOneEmail() throws Exception {
		String email = "ivy-" + nonce() + "@invites.test";
		importCustomers(List.of(email));
		long subscriber = subscriberId(email);
		assertThat(jdbc.queryForObject("select account_id from subscriber where id = ?", Long.class, subscriber))
			.as("imported without a login").isNull();
		assertThat(adminPage(subscriber)).contains("Not invited yet.", ">Invite<", "name=\"answering\" value=\"0\"");

		// a double click: two posts of the same form at once
		List<Integer> answers = concurrently(2,
				() -> mvc.perform(post("/admin/subscribers/{id}/invite", subscriber).param("answering", "0")
					.with(csrf())
					.with(merchant)).andReturn().getResponse().getStatus());
		assertThat(answers).containsOnly(302);

		Received mail = TestMail.await(email, 1);
		String storeName = settings.current().storeName();
		assertThat(mail.subject()).isEqualTo(storeName + " invites you to manage your subscription");
		assertThat(mail.fromName()).isEqualTo(storeName);
		assertThat(mail.text()).contains("works once, for 7 days");
		assertThat(mail.html()).contains("href=\"" + mail.link() + "\"");
		Thread.sleep(300);
		assertThat(TestMail.to(email)).as("one email for a double click").hasSize(1);
		String invited = adminPage(subscriber);
		assertThat(invited).contains("Invited on", "Invite again").doesNotContain("Not invited yet.");
		assertThat(jdbc.queryForList("select actor from audit_entry where area = 'SUBSCRIBERS' and subject_id = ?",
				String.class, subscriber)).as("one audit entry, by the merchant").containsExactly("merchant@nextbox.test");

		// the page shown before the invitation, posted again from a second tab: answered, not sent
		MvcResult stale = mvc.perform(post("/admin/subscribers/{id}/invite", subscriber).param("answering", "0")
			.with(csrf())
			.with(merchant)).andReturn();
		assertThat(stale.getFlashMap().get("invitationNotice")).isEqualTo("invitations.already_answered");
		Thread.sleep(300);
		assertThat(TestMail.to(email)).hasSize(1);

		String path = mail.link().substring(PUBLIC_URL.length());
		BrowserlessClient customer = new BrowserlessClient(port);
		HttpResponse<String> page = customer.get(path);
		assertThat(page.statusCode()).isEqualTo(200);
		HttpResponse<String> signedIn = customer.post(path, Map.of(), csrfField(page.body()));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/portal");
		assertThat(customer.get("/portal").statusCode()).isEqualTo(200);
		assertThat(adminPage(subscriber)).contains("has signed in");

		BrowserlessClient someoneElse = new BrowserlessClient(port);
		HttpResponse<String> reused = someoneElse.post(path, Map.of(), csrfField(someoneElse.get(path).body()));
		assertThat(reused.statusCode()).isEqualTo(410);
		assertThat(reused.body()).contains("This link has already been used", "Email me a new sign-in link");
	}

	@Test
	void anExpiredInvitationGetsTheSignInLinkPageOfferingAFreshLink() throws Exception {
		String email = DemoLogins.subscriber(443);
		long subscriber = subscriberId(email);
		long answering = invitations.stateOf(subscriber).lastInvitationId();
		assertThat(invitations.invite(subscriber, answering).orElseThrow().outcome())
			.isEqualTo(Invitations.Outcome.SENT);
		Received mail = TestMail.await(email, TestMail.to(email).size());
		jdbc.update("update sign_in_link set expires_at = ? where kind = 'INVITE' and used_at is null and account_id = "
				+ "(select account_id from subscriber where id = ?)", java.sql.Timestamp.from(Instant.now().minusSeconds(1)),
				subscriber);

		String path = mail.link().substring(PUBLIC_URL.length());
		BrowserlessClient customer = new BrowserlessClient(port);
		HttpResponse<String> expired = customer.post(path, Map.of(), csrfField(customer.get(path).body()));
		assertThat(expired.statusCode()).isEqualTo(410);
		assertThat(expired.body()).contains("This invitation link has expired", "Email me a new sign-in link");
	}

	@Test
	void inviteEveryoneSendsEachNewCustomerOneEmailAndASecondClickAddsNothing() throws Exception {
		awaitNoRunningBatch();
		List<String> emails = new ArrayList<>();
		String nonce = nonce();
		for (int i = 0; i < 5; i++) {
			emails.add("bulk" + i + "-" + nonce + "@invites.test");
		}
		importCustomers(emails);
		String list = mvc.perform(get("/admin/subscribers").with(merchant))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains("Invite everyone not yet invited");
		Matcher answering = Pattern.compile("action=\"/admin/invitations\".*?name=\"answering\" value=\"(\\d+)\"", Pattern.DOTALL)
			.matcher(list);
		assertThat(answering.find()).isTrue();

		// a double click or a second tab: both answers lead to the same batch
		List<String> locations = concurrently(2,
				() -> mvc.perform(post("/admin/invitations").param("answering", answering.group(1))
					.with(csrf())
					.with(merchant)).andReturn().getResponse().getRedirectedUrl());
		assertThat(locations).hasSize(2).allMatch(location -> location.matches("/admin/invitations/\\d+"));
		assertThat(locations.get(0)).isEqualTo(locations.get(1));
		long batch = Long.parseLong(locations.get(0).substring("/admin/invitations/".length()));

		InvitationBatches.Progress done = awaitFinished(batch);
		for (String email : emails) {
			TestMail.await(email, 1);
		}
		Thread.sleep(300);
		for (String email : emails) {
			assertThat(TestMail.to(email)).as(email).hasSize(1);
		}
		assertThat(done.total()).isGreaterThanOrEqualTo(5);
		assertThat(done.sent()).isEqualTo(done.total());
		String progress = mvc.perform(get(locations.get(0)).with(merchant))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(progress).contains("Finished on", "class=\"batch-sent\">" + done.total() + "<",
				"class=\"batch-failed\">0<");

		// the old page posted again: the batch that started since is the answer
		String again = mvc.perform(post("/admin/invitations").param("answering", answering.group(1))
			.with(csrf())
			.with(merchant)).andReturn().getResponse().getRedirectedUrl();
		assertThat(again).isEqualTo(locations.get(0));
		Thread.sleep(300);
		for (String email : emails) {
			assertThat(TestMail.to(email)).as(email).hasSize(1);
		}
	}

	@Test
	void twoWorkersOnOneBatchSendEachSubscriberOnce() throws Exception {
		awaitNoRunningBatch();
		List<String> emails = new ArrayList<>();
		String nonce = nonce();
		for (int i = 0; i < 8; i++) {
			emails.add("pair" + i + "-" + nonce + "@invites.test");
		}
		importCustomers(emails);
		InvitationBatches.Start start = batches.create(batches.latestBatchId());
		assertThat(start.started()).isTrue();

		// two instances' workers at once, and the scheduled poller may join them
		concurrently(2, () -> {
			batches.work(start.batchId());
			return true;
		});
		InvitationBatches.Progress done = awaitFinished(start.batchId());
		Thread.sleep(300);
		for (String email : emails) {
			assertThat(TestMail.to(email)).as(email).hasSize(1);
		}
		assertThat(done.sent()).isEqualTo(done.total());
		assertThat(jdbc.queryForObject("select count(*) from invitation where batch_id = ?", Long.class,
				start.batchId())).isEqualTo(done.total());
	}

	private void awaitNoRunningBatch() throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (batches.runningBatch().isPresent() && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		assertThat(batches.runningBatch()).isEmpty();
	}

	private InvitationBatches.Progress awaitFinished(long batch) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		InvitationBatches.Progress progress = batches.progress(batch).orElseThrow();
		while (progress.running() && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			progress = batches.progress(batch).orElseThrow();
		}
		assertThat(progress.running()).as("batch finished").isFalse();
		return progress;
	}

	private String adminPage(long subscriber) throws Exception {
		return mvc.perform(get("/admin/subscribers/{id}", subscriber).with(merchant))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private void importCustomers(List<String> emails) throws Exception {
		StringBuilder csv = new StringBuilder("order_id,customer,ordered_at,sku,quantity,unit_price\n");
		for (String email : emails) {
			csv.append("INV-").append(email).append(",").append(email).append(",2025-03-01,PLAN-FILTER-250,1,15.00\n");
		}
		String location = mvc
			.perform(multipart("/admin/import")
				.file(new MockMultipartFile("file", "invites.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
				.with(csrf())
				.with(merchant))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/admin/import/");
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (jdbc.queryForObject("select count(*) from subscriber where email in (" + "?,".repeat(emails.size() - 1)
				+ "?)", Long.class, emails.toArray()) < emails.size() && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
	}

	private long subscriberId(String email) {
		return jdbc.queryForObject("select id from subscriber where email = ?", Long.class, email);
	}

	static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	static String csrfField(String page) {
		Matcher field = CSRF_FIELD.matcher(page);
		if (!field.find()) {
			throw new AssertionError("No CSRF field in the page");
		}
		return field.group(1);
	}

	static String nonce() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
