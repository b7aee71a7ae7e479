package io.nextbox.account.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nextbox.account.EmailPreferences;
import io.nextbox.account.EmailPreferences.Choices;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestMail;
import io.nextbox.support.TestMail.Received;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
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
 * The subscriber's account page, each section through real sessions (a form login each, kept by Spring Session in
 * the database) and GreenMail as the mail server: name, email change only after the link, password, email
 * preferences, and signing out on every device.
 */
@NextboxIntegrationTest
class AccountPageIntegrationTests {

	private static final Pattern CONFIRM_LINK = Pattern.compile("https?://[^/\\s]+(/account/email/[A-Za-z0-9_-]+)");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private EmailPreferences preferences;

	@Autowired
	private PasswordEncoder encoder;

	@BeforeAll
	static void mailServer() {
		TestMail.server();
	}

	@Test
	void theNameIsSavedToTheSubscriberAndTheLoginAndShownAtOnce() throws Exception {
		String email = DemoLogins.subscriber(461);
		Cookie session = logIn(email);
		mvc.perform(get("/portal/account").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Your account"), containsString(">Account</a>"),
					containsString("aria-current=\"page\""), containsString(email))));

		mvc.perform(post("/portal/account/name").cookie(session).with(csrf())
			.param("firstName", "  Ada ")
			.param("lastName", "Lovelace-Byron"))
			.andExpect(redirectedUrl("/portal/account#account-name"));

		assertThat(jdbc.queryForMap("select first_name, last_name from subscriber where email = ?", email))
			.containsEntry("FIRST_NAME", "Ada")
			.containsEntry("LAST_NAME", "Lovelace-Byron");
		assertThat(displayName(email)).isEqualTo("Ada Lovelace-Byron");
		mvc.perform(get("/portal").cookie(session))
			.andExpect(content().string(containsString("<span class=\"who\">Ada Lovelace-Byron</span>")));
		mvc.perform(get("/portal/account").cookie(session))
			.andExpect(content().string(allOf(containsString("value=\"Ada\""), containsString("Your name is saved."))));
	}

	@Test
	void aNameMustHaveAFirstPartAndFitTheColumns() throws Exception {
		String email = DemoLogins.subscriber(461);
		Cookie session = logIn(email);
		String before = displayName(email);

		mvc.perform(post("/portal/account/name").cookie(session).with(csrf()).param("firstName", "   ").param("lastName", "X"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter your first name.")));
		mvc.perform(post("/portal/account/name").cookie(session).with(csrf())
			.param("firstName", "A")
			.param("lastName", "b".repeat(61)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Keep it to 60 characters.")));
		mvc.perform(post("/portal/account/name").cookie(session).with(csrf()))
			.andExpect(status().isUnprocessableContent());

		assertThat(displayName(email)).isEqualTo(before);
	}

	@Test
	void theAddressChangesOnlyAfterTheLinkAndTheOldOneIsTold() throws Exception {
		String old = DemoLogins.subscriber(462);
		String next = "subscriber462-new@nextbox.test";
		Cookie session = logIn(old);

		mvc.perform(post("/portal/account/email").cookie(session).with(csrf()).param("email", " Subscriber462-New@Nextbox.test "))
			.andExpect(redirectedUrl("/portal/account#account-email"));
		mvc.perform(get("/portal/account").cookie(session))
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape("We sent a confirmation link to " + next
					+ "; your address stays " + old + " until you follow it"))));
		assertThat(accountEmail(old)).as("nothing changes before the link").isEqualTo(old);

		Received mail = TestMail.await(next, 1);
		assertThat(mail.subject()).startsWith("Confirm your new email address for ");
		assertThat(mail.text()).contains(old, next);
		String link = confirmLink(mail);
		assertThat(mail.html()).contains(link);

		mvc.perform(get(link))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Use this address"), containsString(next))));
		assertThat(accountEmail(old)).as("opening the link changes nothing").isEqualTo(old);

		mvc.perform(post(link).cookie(session).with(csrf())).andExpect(redirectedUrl("/portal/account#account-email"));

		assertThat(accountEmail(next)).isEqualTo(next);
		assertThat(jdbc.queryForObject("select count(*) from subscriber where email = ?", Long.class, next)).isOne();
		assertThat(jdbc.queryForObject("select count(*) from subscriber where email = ?", Long.class, old)).isZero();
		Received notice = TestMail.await(old, 1);
		assertThat(notice.subject()).endsWith("was changed");
		assertThat(notice.text()).contains("is now " + next + " instead of " + old);

		mvc.perform(get("/portal/account").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Your email address is now " + next),
					containsString("<strong>" + next + "</strong>"))));
		assertThat(principalNames(next)).as("the session is indexed by the new address").isPositive();
		mvc.perform(post(link).cookie(session).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This address was already confirmed")));
		mvc.perform(formLogin("/login").user(next).password(DemoLogins.SUBSCRIBER_PASSWORD)).andExpect(authenticated());
		mvc.perform(formLogin("/login").user(old).password(DemoLogins.SUBSCRIBER_PASSWORD)).andExpect(unauthenticated());
	}

	@Test
	void aTakenAddressIsNeverRevealedAndChangesNothing() throws Exception {
		String asking = DemoLogins.subscriber(463);
		String taken = DemoLogins.subscriber(469);
		Cookie session = logIn(asking);

		mvc.perform(post("/portal/account/email").cookie(session).with(csrf()).param("email", taken))
			.andExpect(redirectedUrl("/portal/account#account-email"));
		mvc.perform(get("/portal/account").cookie(session))
			.andExpect(content().string(containsString("We sent a confirmation link to " + taken)));

		Received mail = TestMail.await(taken, 1);
		assertThat(mail.text()).contains("already belongs to an account there, so it cannot be used")
			.doesNotContain("/account/email/");
		assertThat(accountEmail(asking)).isEqualTo(asking);
		assertThat(accountEmail(taken)).isEqualTo(taken);
	}

	@Test
	void aLinkToAnAddressTakenMeanwhileChangesNothingAndSaysSo() throws Exception {
		String first = DemoLogins.subscriber(465);
		String second = DemoLogins.subscriber(466);
		String wanted = "subscriber466-new@nextbox.test";
		mvc.perform(post("/portal/account/email").cookie(logIn(first)).with(csrf()).param("email", wanted));
		mvc.perform(post("/portal/account/email").cookie(logIn(second)).with(csrf()).param("email", wanted));
		Received forFirst = TestMail.await(wanted, 1);
		Received forSecond = TestMail.await(wanted, 2);
		String secondLink = confirmLink(forSecond.text().contains(second) ? forSecond : forFirst);
		String firstLink = confirmLink(forSecond.text().contains(second) ? forFirst : forSecond);

		mvc.perform(post(secondLink).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your email address is now " + wanted)));
		mvc.perform(get(firstLink))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("already belongs to another account")));
		mvc.perform(post(firstLink).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("already belongs to another account"),
					containsString("Nothing changed."))));
		assertThat(accountEmail(first)).isEqualTo(first);
		assertThat(accountEmail(wanted)).isEqualTo(wanted);
	}

	@Test
	void badAddressesAndDeadLinksAreAnsweredKindly() throws Exception {
		String email = DemoLogins.subscriber(467);
		Cookie session = logIn(email);
		mvc.perform(post("/portal/account/email").cookie(session).with(csrf()).param("email", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter the new email address.")));
		mvc.perform(post("/portal/account/email").cookie(session).with(csrf()).param("email", "not an address"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("That does not look like an email address.")));
		mvc.perform(post("/portal/account/email").cookie(session).with(csrf()).param("email", email.toUpperCase()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This is already your email address.")));
		mvc.perform(post("/portal/account/email").cookie(session).with(csrf())
			.param("email", "x".repeat(250) + "@a.test"))
			.andExpect(status().isUnprocessableContent());
		assertThat(jdbc.queryForObject("select count(*) from email_change c join account a on a.id = c.account_id "
				+ "where a.email = ?", Long.class, email)).isZero();

		mvc.perform(get("/account/email/no-such-token")).andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This link is not valid")));

		String next = "late467@elsewhere.test";
		mvc.perform(post("/portal/account/email").cookie(session).with(csrf()).param("email", next));
		mvc.perform(post("/portal/account/email").cookie(session).with(csrf()).param("email", next))
			.andExpect(redirectedUrl("/portal/account#account-email"));
		String link = confirmLink(TestMail.await(next, 1));
		jdbc.update("update email_change set expires_at = created_at where new_email = ?", next);
		mvc.perform(post(link).cookie(session).with(csrf()))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("This link has expired")));
		assertThat(accountEmail(email)).isEqualTo(email);
		Thread.sleep(300);
		assertThat(TestMail.to(next)).as("a double click sends one email").hasSize(1);

		mvc.perform(post("/portal/account/email").cookie(session).with(csrf()).param("email", "first467@elsewhere.test"));
		String replaced = confirmLink(TestMail.await("first467@elsewhere.test", 1));
		mvc.perform(post("/portal/account/email").cookie(session).with(csrf()).param("email", "second467@elsewhere.test"));
		mvc.perform(post(replaced).cookie(session).with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("replaced by a newer one")));
		mvc.perform(get("/portal/account").cookie(session))
			.andExpect(content().string(containsString("We sent a confirmation link to second467@elsewhere.test")));

		for (String address : new String[] { "third467@elsewhere.test", "fourth467@elsewhere.test" }) {
			mvc.perform(post("/portal/account/email").cookie(session).with(csrf()).param("email", address))
				.andExpect(redirectedUrl("/portal/account#account-email"));
		}
		mvc.perform(post("/portal/account/email").cookie(session).with(csrf()).param("email", "fifth467@elsewhere.test"))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("You asked for 5 confirmation links in the last hour")));
		Thread.sleep(300);
		assertThat(TestMail.to("fifth467@elsewhere.test")).isEmpty();
		assertThat(accountEmail(email)).isEqualTo(email);
	}

	@Test
	void aPasswordIsChangedWithTheCurrentOneAndSetWithoutOneAfterLinksOnly() throws Exception {
		String email = DemoLogins.subscriber(468);
		Cookie session = logIn(email);
		String next = "a kettle sings at dawn";

		mvc.perform(post("/portal/account/password").cookie(session).with(csrf())
			.param("currentPassword", "not my password at all")
			.param("newPassword", next)
			.param("confirmation", next))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("That is not your current password.")));
		mvc.perform(post("/portal/account/password").cookie(session).with(csrf())
			.param("currentPassword", DemoLogins.SUBSCRIBER_PASSWORD)
			.param("newPassword", "qwertyuiop123")
			.param("confirmation", "qwertyuiop123"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("one of the most common passwords")));
		mvc.perform(post("/portal/account/password").cookie(session).with(csrf())
			.param("currentPassword", DemoLogins.SUBSCRIBER_PASSWORD)
			.param("newPassword", next)
			.param("confirmation", next + "!"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The two passwords differ.")));
		assertThat(encoder.matches(DemoLogins.SUBSCRIBER_PASSWORD, passwordHash(email))).isTrue();

		for (int click = 0; click < 2; click++) {
			mvc.perform(post("/portal/account/password").cookie(session).with(csrf())
				.param("currentPassword", DemoLogins.SUBSCRIBER_PASSWORD)
				.param("newPassword", next)
				.param("confirmation", next))
				.andExpect(redirectedUrl("/portal/account#account-password"));
		}
		mvc.perform(formLogin("/login").user(email).password(next)).andExpect(authenticated());

		// a login made for a sign-in link has a password nobody knows: its owner sets one without a current one
		jdbc.update("update account set password_set = false where email = ?", email);
		mvc.perform(get("/portal/account").cookie(session))
			.andExpect(content().string(allOf(containsString("Set a password"), not(containsString("Current password")))));
		String mine = "oat biscuits every friday";
		mvc.perform(post("/portal/account/password").cookie(session).with(csrf())
			.param("newPassword", mine)
			.param("confirmation", mine))
			.andExpect(redirectedUrl("/portal/account#account-password"));
		mvc.perform(formLogin("/login").user(email).password(mine)).andExpect(authenticated());
		mvc.perform(get("/portal/account").cookie(session))
			.andExpect(content().string(allOf(containsString("Change your password"), containsString("Current password"))));
	}

	@Test
	void emailPreferencesAreSavedAndShown() throws Exception {
		String email = DemoLogins.subscriber(469);
		long subscriberId = jdbc.queryForObject("select id from subscriber where email = ?", Long.class, email);
		Cookie session = logIn(email);
		mvc.perform(get("/portal/account").cookie(session))
			.andExpect(content().string(allOf(containsString("Box reminders before each box&#39;s cutoff"),
					containsString("Suggested add-ons in reminders"))));
		assertThat(checked(session)).isEqualTo(2);

		// an unticked box is not sent: only its marker is
		for (int click = 0; click < 2; click++) {
			mvc.perform(post("/portal/account/preferences").cookie(session).with(csrf())
				.param("boxReminders", "true")
				.param("_boxReminders", "on")
				.param("_reminderSuggestions", "on"))
				.andExpect(redirectedUrl("/portal/account#account-preferences"));
		}
		assertThat(preferences.of(subscriberId)).isEqualTo(new Choices(true, false));
		assertThat(checked(session)).isEqualTo(1);

		mvc.perform(post("/portal/account/preferences").cookie(session).with(csrf()).param("boxReminders", "maybe"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Those choices could not be read, so nothing changed.")));
		assertThat(preferences.of(subscriberId)).isEqualTo(new Choices(true, false));

		mvc.perform(post("/portal/account/preferences").cookie(session).with(csrf())
			.param("_boxReminders", "on")
			.param("_reminderSuggestions", "on"))
			.andExpect(redirectedUrl("/portal/account#account-preferences"));
		assertThat(preferences.of(subscriberId)).isEqualTo(new Choices(false, false));
	}

	/**
	 * Two devices; the address changes on one of them; the other stays signed in, shows the new address, and is
	 * still ended by "Sign out everywhere", with the one that asked and an unused sign-in link.
	 */
	@Test
	void signingOutEverywhereEndsEverySessionAfterAnAddressChangeToo() throws Exception {
		String old = DemoLogins.subscriber(470);
		String next = "subscriber470-new@nextbox.test";
		Cookie phone = logIn(old);
		Cookie laptop = logIn(old);
		assertThat(phone.getValue()).isNotEqualTo(laptop.getValue());

		mvc.perform(post("/portal/account/email").cookie(laptop).with(csrf()).param("email", next));
		mvc.perform(post(confirmLink(TestMail.await(next, 1))).cookie(laptop).with(csrf()))
			.andExpect(redirectedUrl("/portal/account#account-email"));
		mvc.perform(get("/portal/account").cookie(phone))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<strong>" + next + "</strong>")));
		assertThat(principalNames(next)).isEqualTo(2);

		mvc.perform(post("/login/link").with(csrf()).param("email", next));
		String signInLink = TestMail.await(next, 2).link().replaceFirst("https?://[^/]+", "");

		mvc.perform(post("/portal/account/sign-out-everywhere").cookie(phone).with(csrf()))
			.andExpect(redirectedUrl("/login?everywhere"));

		mvc.perform(get("/portal").cookie(phone)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/portal").cookie(laptop)).andExpect(redirectedUrl("/login"));
		assertThat(principalNames(next) + principalNames(old)).isZero();
		mvc.perform(get("/login").param("everywhere", ""))
			.andExpect(content().string(containsString("You are signed out on every device")));
		mvc.perform(post(signInLink).with(csrf()))
			.andExpect(status().isGone());
	}

	@Test
	void theAccountPageIsForSubscribersOnly() throws Exception {
		mvc.perform(get("/portal/account")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/portal/account").cookie(logIn(DemoLogins.MERCHANT, DemoLogins.MERCHANT_PASSWORD)))
			.andExpect(status().isForbidden());
	}

	private Cookie logIn(String email) throws Exception {
		return logIn(email, DemoLogins.SUBSCRIBER_PASSWORD);
	}

	private Cookie logIn(String email, String password) throws Exception {
		Cookie session = mvc.perform(formLogin("/login").user(email).password(password))
			.andExpect(authenticated())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).isNotNull();
		return session;
	}

	private int checked(Cookie session) throws Exception {
		String page = perform(get("/portal/account").cookie(session)).andReturn().getResponse().getContentAsString();
		Matcher checkbox = Pattern.compile("<input type=\"checkbox\"[^>]*>").matcher(page);
		int checked = 0;
		while (checkbox.find()) {
			checked += checkbox.group().contains("checked") ? 1 : 0;
		}
		return checked;
	}

	private ResultActions perform(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return mvc.perform(request);
	}

	private static String confirmLink(Received mail) {
		Matcher link = CONFIRM_LINK.matcher(mail.text());
		assertThat(link.find()).as("a confirmation link in: " + mail.text()).isTrue();
		return link.group(1);
	}

	private String accountEmail(String email) {
		return jdbc.queryForList("select email from account where email = ?", String.class, email)
			.stream()
			.findFirst()
			.orElse(null);
	}

	private String displayName(String email) {
		return jdbc.queryForObject("select display_name from account where email = ?", String.class, email);
	}

	private String passwordHash(String email) {
		return jdbc.queryForObject("select password_hash from account where email = ?", String.class, email);
	}

	private long principalNames(String email) {
		return jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class, email);
	}

}
