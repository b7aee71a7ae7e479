package io.nextbox.account;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nextbox.support.BrowserlessClient;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestMail;
import io.nextbox.support.TestMail.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.nextbox.account.InvitationIntegrationTests.concurrently;
import static io.nextbox.account.InvitationIntegrationTests.csrfField;
import static io.nextbox.account.InvitationIntegrationTests.nonce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * "Invite a merchant" on the staff page, against GreenMail: one account and one email for a double click, the
 * emailed link sets the password and the new merchant signs in; a pending merchant invited again gets a fresh link;
 * a subscriber's or an active merchant's address is refused. The merchants invited here are removed after each test.
 */
@NextboxIntegrationTest
class MerchantInvitationIntegrationTests {

	private static final String PUBLIC_URL = "http://localhost:8080";

	private static final Pattern SET_LINK = Pattern.compile("https?://\\S+/password/set\\?token=[A-Za-z0-9_-]+");

	private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private AccountUserDetailsService users;

	private RequestPostProcessor merchant;

	@BeforeAll
	static void mailServer() {
		TestMail.server();
	}

	@BeforeEach
	void merchant() {
		merchant = user(users.loadUserByUsername(DemoLogins.MERCHANT));
	}

	/** Other tests count the merchants: the ones made here go again. */
	@AfterEach
	void removeTheMerchantsInvitedHere() {
		jdbc.update("delete from spring_session where principal_name like '%@invites.test'");
		jdbc.update("delete from account where role = 'MERCHANT' and email like '%@invites.test'");
	}

	@Test
	void anInvitedMerchantSetsAPasswordFromTheEmailAndSignsIn() throws Exception {
		String email = "barista-" + nonce() + "@invites.test";
		String key = formKey(staffPage());

		List<Integer> answers = concurrently(2, () -> mvc
			.perform(post("/admin/staff/invite").param("email", email).param("key", key).with(csrf()).with(merchant))
			.andReturn()
			.getResponse()
			.getStatus());
		assertThat(answers).containsOnly(302);
		Received mail = TestMail.await(email, 1);
		Thread.sleep(300);
		assertThat(TestMail.to(email)).as("one email for a double click").hasSize(1);
		assertThat(jdbc.queryForObject("select count(*) from account where email = ? and role = 'MERCHANT'",
				Long.class, email)).isEqualTo(1);
		assertThat(mail.subject()).startsWith("You are invited to the staff of");
		assertThat(mail.text()).contains("works once, for 24 hours");
		assertThat(staffPage()).contains(email, "Invited", "Send a new link");

		String path = setPasswordLink(mail).substring(PUBLIC_URL.length());
		BrowserlessClient newcomer = new BrowserlessClient(port);
		HttpResponse<String> form = newcomer.get(path);
		assertThat(form.statusCode()).isEqualTo(200);
		String token = path.substring(path.indexOf("token=") + "token=".length());
		String password = "a long barista phrase " + nonce();
		HttpResponse<String> set = newcomer.post("/password/set",
				Map.of("token", token, "password", password, "confirmation", password), csrfField(form.body()));
		assertThat(set.statusCode()).isEqualTo(302);

		BrowserlessClient signIn = new BrowserlessClient(port);
		HttpResponse<String> login = signIn.post("/login", Map.of("username", email, "password", password),
				csrfField(signIn.get("/login").body()));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		assertThat(signIn.get("/admin").statusCode()).isEqualTo(200);
		assertThat(staffPage()).doesNotContain("aria-label=\"Send " + email + " a new link\"");

		// once active, inviting the address again is refused
		MvcResult active = invite(email, formKey(staffPage()));
		assertThat(active.getResponse().getStatus()).isEqualTo(422);
		assertThat(active.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains(email + " is already a merchant here.");
		assertThat(TestMail.to(email)).hasSize(1);
	}

	@Test
	void aPendingMerchantInvitedAgainGetsAFreshLinkAndTheFirstStopsWorking() throws Exception {
		String email = "pending-" + nonce() + "@invites.test";
		assertThat(invite(email, formKey(staffPage())).getResponse().getStatus()).isEqualTo(302);
		Received first = TestMail.await(email, 1);
		MvcResult again = invite(email, formKey(staffPage()));
		assertThat(again.getFlashMap().get("staffInvited")).isEqualTo("staff.invite.resent");
		Received second = TestMail.await(email, 2);
		assertThat(setPasswordLink(second)).isNotEqualTo(setPasswordLink(first));
		assertThat(jdbc.queryForObject("select count(*) from account where email = ?", Long.class, email))
			.isEqualTo(1);

		BrowserlessClient newcomer = new BrowserlessClient(port);
		assertThat(newcomer.get(setPasswordLink(first).substring(PUBLIC_URL.length())).body())
			.doesNotContain("name=\"confirmation\"");
		assertThat(newcomer.get(setPasswordLink(second).substring(PUBLIC_URL.length())).body())
			.contains("name=\"confirmation\"");
	}

	@Test
	void aSubscribersOrAnActiveMerchantsAddressIsRefusedAndNothingIsSent() throws Exception {
		String subscriber = DemoLogins.subscriber(444);
		int before = TestMail.to(subscriber).size();
		MvcResult refused = invite(subscriber, formKey(staffPage()));
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains(subscriber + " belongs to a subscriber");
		assertThat(jdbc.queryForObject("select role from account where email = ?", String.class, subscriber))
			.isEqualTo("SUBSCRIBER");

		MvcResult merchantAgain = invite(DemoLogins.MERCHANT, formKey(staffPage()));
		assertThat(merchantAgain.getResponse().getStatus()).isEqualTo(422);
		assertThat(merchantAgain.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains(DemoLogins.MERCHANT + " is already a merchant here.");

		MvcResult invalid = invite("not an address", formKey(staffPage()));
		assertThat(invalid.getResponse().getStatus()).isEqualTo(422);
		Thread.sleep(200);
		assertThat(TestMail.to(subscriber)).hasSize(before);
		assertThat(TestMail.to(DemoLogins.MERCHANT)).isEmpty();
	}

	private MvcResult invite(String email, String key) throws Exception {
		return mvc
			.perform(post("/admin/staff/invite").param("email", email).param("key", key).with(csrf()).with(merchant))
			.andReturn();
	}

	private String staffPage() throws Exception {
		return mvc.perform(get("/admin/staff").with(merchant))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String formKey(String page) {
		Matcher key = KEY.matcher(page);
		assertThat(key.find()).isTrue();
		return key.group(1);
	}

	private static String setPasswordLink(Received mail) {
		Matcher link = SET_LINK.matcher(mail.text());
		assertThat(link.find()).as("a set-password link in " + mail.text()).isTrue();
		return link.group();
	}

}
