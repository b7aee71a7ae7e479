package io.nextbox.platform;

import java.net.http.HttpResponse;
import java.util.Map;

import io.nextbox.support.BrowserlessClient;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An htmx request without a valid session gets a bare 401, never the login page (htmx would swap it into a
 * widget): the page then says the session ended and links to the login. Plain requests still go to the login.
 */
@NextboxIntegrationTest
class SignedOutHtmxIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	@Test
	void anHtmxRequestWithoutASessionIsAnswered401() throws Exception {
		mvc.perform(get("/portal/widgets/DASHBOARD").header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("Location"))
			.andExpect(content().string(not(containsString("name=\"password\""))));
		mvc.perform(get("/portal/widgets/DASHBOARD")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void anHtmxPostWhoseSessionAndItsTokenAreGoneIsAnswered401() throws Exception {
		mvc.perform(post("/portal/widgets/add").param("key", "k")
			.header("HX-Request", "true")
			.header("X-CSRF-TOKEN", "a token of a session that ended"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("Location"));
	}

	@Test
	void aPlainFormWhoseSessionEndedGoesToTheLoginWhichSaysNothingWasDone() throws Exception {
		mvc.perform(post("/portal/widgets/add").param("key", "k").param("_csrf", "a token of a session that ended"))
			.andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/login").param("expired", ""))
			.andExpect(content().string(containsString("Your session had ended, so nothing was done.")));
	}

	@Test
	void aSignedInSubscribersBadTokenStaysA403() throws Exception {
		mvc.perform(post("/portal/widgets/add").param("key", "k")
			.header("HX-Request", "true")
			.with(user(DemoLogins.subscriber(1)).roles("SUBSCRIBER"))
			.with(csrf().useInvalidToken())).andExpect(status().isForbidden());
	}

	@Test
	void signingInAfterA401GoesToAPageNeverToTheFragment() throws Exception {
		MvcResult refused = mvc.perform(get("/portal/widgets/DASHBOARD").header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andReturn();
		MockHttpSession session = (MockHttpSession) refused.getRequest().getSession(false);
		mvc.perform(post("/login").param("username", DemoLogins.subscriber(1))
			.param("password", DemoLogins.SUBSCRIBER_PASSWORD)
			.session(session == null ? new MockHttpSession() : session)
			.with(csrf())).andExpect(redirectedUrl("/"));
	}

	@Test
	void aClickAfterTheSessionExpiredIsAnswered401OverRealHttp() {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		BrowserlessClient browser = new BrowserlessClient(port).logIn(owned.email(), DemoLogins.SUBSCRIBER_PASSWORD);
		jdbc.update("delete from spring_session where session_id = ?", browser.sessionId());

		HttpResponse<String> click = browser.htmxPost("/portal/widgets/add", Map.of("key", "k", "back", "/portal"));
		HttpResponse<String> widget = browser.htmxGet("/portal/widgets/DASHBOARD?back=/portal");

		assertThat(click.statusCode()).isEqualTo(401);
		assertThat(widget.statusCode()).isEqualTo(401);
		assertThat(widget.body()).doesNotContain("name=\"password\"");
		assertThat(browser.get("/portal").statusCode()).as("a page still goes to the login").isEqualTo(302);
	}

}
