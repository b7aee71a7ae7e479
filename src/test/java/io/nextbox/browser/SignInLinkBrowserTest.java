package io.nextbox.browser;

import io.nextbox.support.Browser;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestMail;
import io.nextbox.support.TestMail.Received;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A subscriber asks for a sign-in link on the login page, reads it in the mail (GreenMail) and signs in. */
@NextboxIntegrationTest
class SignInLinkBrowserTest {

	private static final String PUBLIC_URL = "http://localhost:8080";

	@LocalServerPort
	private int port;

	private Browser browser;

	@BeforeEach
	void loggedOut() {
		TestMail.server();
		browser = Browser.shared(port);
	}

	@Test
	void aSubscriberSignsInFromTheEmailedLink() {
		String email = DemoLogins.subscriber(491);
		new LoginPage(browser).open();
		browser.screenshot("login-link-1280");
		browser.resize(Browser.PHONE_WIDTH);
		browser.screenshot("login-link-390");
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
		browser.resize(Browser.DESKTOP_WIDTH);

		browser.driver().findElement(By.id("link-email")).sendKeys(email);
		browser.driver().findElement(By.cssSelector("#sign-in-link button[type=submit]")).click();
		browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/login/code"));
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Check your email");
		assertThat(browser.driver().findElement(By.id("code-email")).getAttribute("value")).isEqualTo(email);
		browser.screenshot("check-email-1280");
		browser.resize(Browser.PHONE_WIDTH);
		browser.screenshot("check-email-390");
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
		browser.resize(Browser.DESKTOP_WIDTH);

		Received mail = TestMail.await(email, 1);
		browser.open(mail.link().substring(PUBLIC_URL.length()));
		browser.screenshot("sign-in-link-1280");
		// impatient: a double click on "Sign in" posts once and signs in
		new Actions(browser.driver()).doubleClick(browser.driver().findElement(By.cssSelector("main form button[type=submit]")))
			.perform();
		browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/portal"));

		assertThat(new PortalPage(browser).planNames()).isNotEmpty();
		assertThat(browser.driver().findElement(By.cssSelector(".who")).getText()).isNotBlank();
	}

	@Test
	void aSubscriberSignsInWithTheCodeOnTheCheckEmailPage() {
		String email = DemoLogins.subscriber(492);
		new LoginPage(browser).open();
		browser.driver().findElement(By.id("link-email")).sendKeys(email);
		browser.driver().findElement(By.cssSelector("#sign-in-link button[type=submit]")).click();
		browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/login/code"));

		Received mail = TestMail.await(email, 1);
		browser.driver().findElement(By.id("code")).sendKeys(mail.code());
		browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
		browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/portal"));
		assertThat(new PortalPage(browser).planNames()).isNotEmpty();
	}

}
