package io.nextbox.platform;

import io.nextbox.support.DemoLogins;
import jakarta.servlet.http.Cookie;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@NextboxIntegrationTest
class SecurityIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
		mvc.perform(get("/portal")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/admin")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("name=\"username\""), containsString("name=\"_csrf\""))));
	}

	@Test
	void aSubscriberLandsOnThePortal() throws Exception {
		Cookie session = logIn(DemoLogins.subscriber(1), DemoLogins.SUBSCRIBER_PASSWORD);
		mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/portal"));
		mvc.perform(get("/portal").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Filter Coffee")));
	}

	@Test
	void aMerchantLandsOnTheAdminHome() throws Exception {
		Cookie session = logIn(DemoLogins.MERCHANT, DemoLogins.MERCHANT_PASSWORD);
		mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/admin"));
		mvc.perform(get("/admin").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Store overview")));
	}

	@Test
	void aSubscriberGetsAFriendly403OnAdminPages() throws Exception {
		Cookie session = logIn(DemoLogins.subscriber(2), DemoLogins.SUBSCRIBER_PASSWORD);
		mvc.perform(get("/admin").cookie(session)).andExpect(status().isForbidden());
		mvc.perform(get("/error").cookie(session).accept(MediaType.TEXT_HTML).requestAttr("jakarta.servlet.error.status_code", 403))
			.andExpect(content().string(allOf(containsString("You cannot open this page"), not(containsString("Exception")))));
	}

	@Test
	void aMerchantIsNotASubscriber() throws Exception {
		Cookie session = logIn(DemoLogins.MERCHANT, DemoLogins.MERCHANT_PASSWORD);
		mvc.perform(get("/portal").cookie(session)).andExpect(status().isForbidden());
	}

	@Test
	void aWrongPasswordIsRefusedWithAMessage() throws Exception {
		mvc.perform(formLogin("/login").user(DemoLogins.subscriber(1)).password("not-the-password"))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(get("/login").param("error", ""))
			.andExpect(content().string(containsString("do not match an account")));
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRejected() throws Exception {
		Cookie refused = mvc.perform(post("/login").param("username", DemoLogins.subscriber(1))
			.param("password", DemoLogins.SUBSCRIBER_PASSWORD))
			.andExpect(redirectedUrl("/login?expired"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		if (refused != null) {
			mvc.perform(get("/portal").cookie(refused)).andExpect(redirectedUrl("/login"));
		}
		Cookie session = logIn(DemoLogins.subscriber(1), DemoLogins.SUBSCRIBER_PASSWORD);
		mvc.perform(post("/logout").cookie(session)).andExpect(status().isForbidden());
		mvc.perform(get("/portal").cookie(session)).andExpect(status().isOk());
	}

	@Test
	void logoutEndsTheSession() throws Exception {
		Cookie session = logIn(DemoLogins.subscriber(1), DemoLogins.SUBSCRIBER_PASSWORD);
		mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
		mvc.perform(get("/portal").cookie(session)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void anUnknownPageIsAFriendly404() throws Exception {
		Cookie session = logIn(DemoLogins.subscriber(1), DemoLogins.SUBSCRIBER_PASSWORD);
		mvc.perform(get("/portal/no-such-page").cookie(session)).andExpect(status().isNotFound());
		mvc.perform(get("/error").cookie(session).accept(MediaType.TEXT_HTML).requestAttr("jakarta.servlet.error.status_code", 404))
			.andExpect(content().string(containsString("We could not find that page")));
	}

	@Test
	void pagesCarrySecurityHeadersWithAContentSecurityPolicy() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	@Test
	void passwordsAreStoredHashed() {
		String hash = jdbc.queryForObject("select password_hash from account where email = ?", String.class,
				DemoLogins.MERCHANT);
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(DemoLogins.MERCHANT_PASSWORD);
	}

	/** Logs in through the form and returns the session cookie, as a browser would keep it. */
	private Cookie logIn(String email, String password) throws Exception {
		Cookie session = mvc.perform(formLogin("/login").user(email).password(password))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).as("session cookie").isNotNull();
		return session;
	}

	@Test
	void sessionsLiveInTheDatabaseSoAnyInstanceCanServeThem() throws Exception {
		logIn(DemoLogins.subscriber(3), DemoLogins.SUBSCRIBER_PASSWORD);
		assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
				DemoLogins.subscriber(3)))
			.isPositive();
	}

}
