package io.nextbox.account;

import java.net.http.HttpResponse;
import java.util.Map;

import io.nextbox.support.BrowserlessClient;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestMail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.nextbox.account.InvitationIntegrationTests.csrfField;
import static io.nextbox.account.InvitationIntegrationTests.nonce;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in link requests are limited per email address (5 an hour, the default, over real HTTP against GreenMail)
 * and per client address (with a limit of this test's own, since every test's requests come from 127.0.0.1): over
 * the limit the answer is 429 with the wait, the same for an address with an account and one without, and no email.
 */
@NextboxIntegrationTest
class LinkRequestLimitIntegrationTests {

	private static final String MESSAGE = "Too many sign-in links requested; try again in 60 minutes.";

	@LocalServerPort
	private int port;

	@Autowired
	private LinkRequestLimits limits;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeAll
	static void mailServer() {
		TestMail.server();
	}

	@Test
	void theSixthRequestForOneAddressWithinTheHourIsRefusedAlikeForKnownAndUnknownAddresses() throws Exception {
		String known = DemoLogins.subscriber(442);
		String unknown = "nobody-" + nonce() + "@invites.test";
		BrowserlessClient client = new BrowserlessClient(port);
		for (int i = 1; i <= 5; i++) {
			assertThat(request(client, known).statusCode()).as("request " + i).isEqualTo(302);
			assertThat(request(client, unknown).statusCode()).as("request " + i).isEqualTo(302);
		}
		TestMail.await(known, 5);

		HttpResponse<String> forKnown = request(client, known);
		HttpResponse<String> forUnknown = request(client, unknown);
		for (HttpResponse<String> refused : java.util.List.of(forKnown, forUnknown)) {
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue("Retry-After").orElseThrow()).matches("3[56]\\d\\d");
			assertThat(refused.body()).contains(MESSAGE);
		}
		assertThat(comparable(forKnown.body(), known)).isEqualTo(comparable(forUnknown.body(), unknown));
		Thread.sleep(500);
		assertThat(TestMail.to(known)).as("no email over the limit").hasSize(5);
	}

	@Test
	void aClientAddressMayRequestItsLimitOfLinksAnHourWhateverTheEmails() {
		String address = "10.88." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
		LinkRequestLimits three = limits.with(new LinkRequestLimitProperties(3, 5));
		LinkRequestLimits otherInstance = limits.with(new LinkRequestLimitProperties(3, 5));
		assertThat(three.request("a-" + nonce() + "@invites.test", address)).isInstanceOf(LoginThrottle.Allowed.class);
		assertThat(otherInstance.request("b-" + nonce() + "@invites.test", address))
			.isInstanceOf(LoginThrottle.Allowed.class);
		assertThat(three.request("c-" + nonce() + "@invites.test", address)).isInstanceOf(LoginThrottle.Allowed.class);
		LoginThrottle.Attempt fourth = otherInstance.request("d-" + nonce() + "@invites.test", address);
		assertThat(fourth).isInstanceOf(LoginThrottle.Refused.class);
		assertThat(((LoginThrottle.Refused) fourth).minutes()).isEqualTo(60);
		assertThat(three.request("e-" + nonce() + "@invites.test", "10.88.0.1" .equals(address) ? "10.89.0.1" : "10.88.0.1"))
			.as("another address is not limited by this one").isInstanceOf(LoginThrottle.Allowed.class);
		jdbc.update("delete from login_failure where key_kind = 'LINK_ADDRESS' and key_hash in (?, ?, ?)",
				LoginThrottle.addressKey(address), LoginThrottle.addressKey("10.88.0.1"),
				LoginThrottle.addressKey("10.89.0.1"));
	}

	private HttpResponse<String> request(BrowserlessClient client, String email) {
		String token = csrfField(client.get("/login").body());
		return client.post("/login/link", Map.of("email", email), token);
	}

	/** The page without what differs by request: the address typed and the CSRF token. */
	private static String comparable(String page, String email) {
		return page.replace(email, "EMAIL")
			.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "")
			.replaceAll("<meta name=\"_csrf\" content=\"[^\"]+\"", "");
	}

}
