package io.nextbox.browser;

import io.nextbox.support.Browser;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Logging in and landing on each side's home, in headless Chromium at desktop and phone width. */
@NextboxIntegrationTest
class FoundationBrowserTest {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	private Browser browser;

	@BeforeEach
	void loggedOutAtDesktopWidth() {
		browser = Browser.shared(port);
	}

	@Test
	void aSubscriberLogsInOnAPhoneAndSeesTheirSubscriptions() {
		browser.resize(Browser.PHONE_WIDTH);
		LoginPage login = new LoginPage(browser).open();
		browser.screenshot("login-390");
		login.logInAs(DemoLogins.subscriber(1), DemoLogins.SUBSCRIBER_PASSWORD);

		PortalPage portal = new PortalPage(browser);
		assertThat(browser.path()).isEqualTo("/portal");
		String plan = jdbc.queryForObject("""
				select p.name from plan p join subscription s on s.plan_id = p.id
				join subscriber u on u.id = s.subscriber_id where u.email = ?""", String.class,
				DemoLogins.subscriber(1));
		assertThat(portal.planNames()).containsExactly(plan);
		assertThat(portal.firstNextShipment()).matches("\\w{3} \\d{1,2} \\w{3} \\d{4}");
		assertThat(browser.contentWidth()).as("no sideways scrolling on a phone")
			.isLessThanOrEqualTo(browser.viewportWidth());
		browser.screenshot("portal-390");

		browser.resize(Browser.DESKTOP_WIDTH);
		browser.open("/portal");
		browser.screenshot("portal-1280");
	}

	@Test
	void aMerchantLogsInAndSeesTheAdminHome() {
		new LoginPage(browser).open().logInAs(DemoLogins.MERCHANT, DemoLogins.MERCHANT_PASSWORD);

		assertThat(browser.path()).isEqualTo("/admin");
		AdminHomePage admin = new AdminHomePage(browser);
		assertThat(admin.stat("products"))
			.isEqualTo(String.valueOf(jdbc.queryForObject("select count(*) from product where retired = false", Long.class)));
		assertThat(admin.stat("plans"))
			.isEqualTo(String.valueOf(jdbc.queryForObject("select count(*) from plan where retired = false", Long.class)));
		browser.screenshot("admin-1280");

		browser.resize(Browser.PHONE_WIDTH);
		browser.open("/admin");
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
		browser.screenshot("admin-390");
	}

	@Test
	void aSubscriberWhoOpensAnAdminPageIsToldPolitely() {
		new LoginPage(browser).open().logInAs(DemoLogins.subscriber(2), DemoLogins.SUBSCRIBER_PASSWORD);
		browser.open("/admin");
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("You cannot open this page");
		browser.screenshot("error-403-1280");
	}

	@Test
	void aWrongPasswordIsExplainedOnThePage() {
		LoginPage login = new LoginPage(browser).open();
		login.logInAs(DemoLogins.subscriber(1), "wrong-password");
		assertThat(login.alert()).contains("do not match an account");
	}

}
