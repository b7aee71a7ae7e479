package io.nextbox.browser;

import io.nextbox.support.Browser;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account page in a browser, on a desktop and on a phone: reached from the navigation, a new name in the
 * header at once, the pending address stated plainly, and nothing wider than a phone's screen.
 */
@NextboxIntegrationTest
class AccountBrowserTest {

	@LocalServerPort
	private int port;

	private Browser browser;

	@BeforeEach
	void aSubscriberSignedIn() {
		TestMail.server();
		browser = Browser.shared(port);
	}

	@Test
	void theAccountPageWorksOnADesktopAndFitsAPhone() {
		String email = DemoLogins.subscriber(464);
		new LoginPage(browser).open().logInAs(email, DemoLogins.SUBSCRIBER_PASSWORD);
		WebDriver driver = browser.driver();
		driver.findElement(By.linkText("Account")).click();
		browser.waitUntil(d -> browser.path().equals("/portal/account"));

		WebElement first = driver.findElement(By.id("firstName"));
		first.clear();
		first.sendKeys("Grace");
		WebElement last = driver.findElement(By.id("lastName"));
		last.clear();
		last.sendKeys("Hopper");
		driver.findElement(By.cssSelector("#account-name button[type=submit]")).click();
		browser.waitUntil(d -> d.findElement(By.cssSelector(".who")).getText().equals("Grace Hopper"));

		driver.findElement(By.id("email")).sendKeys("subscriber464-new@nextbox.test");
		driver.findElement(By.cssSelector("#account-email button[type=submit]")).click();
		browser.waitUntil(d -> d.findElement(By.cssSelector("#account-email .alert-info"))
			.getText()
			.contains("your address stays " + email));
		browser.resize(Browser.DESKTOP_WIDTH, 1300);
		browser.open("/portal/account");
		browser.screenshot("account-1280");

		browser.resize(Browser.PHONE_WIDTH, 2900);
		browser.open("/portal/account");
		assertThat(browser.contentWidth()).as("nothing scrolls sideways").isLessThanOrEqualTo(browser.viewportWidth());
		WebElement nav = driver.findElement(By.cssSelector(".main-nav"));
		assertThat(nav.getSize().getWidth()).as("every link of the navigation in sight")
			.isGreaterThanOrEqualTo(((Number) ((JavascriptExecutor) driver).executeScript("return arguments[0].scrollWidth", nav)).intValue());
		browser.screenshot("account-390");

		String link = TestMail.await("subscriber464-new@nextbox.test", 1).text().replaceAll("(?s).*?(/account/email/[A-Za-z0-9_-]+).*", "$1");
		browser.resize(Browser.PHONE_WIDTH);
		browser.open(link);
		browser.screenshot("confirm-email-390");
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		browser.waitUntil(d -> d.findElement(By.cssSelector("#account-email .alert-success"))
			.getText()
			.contains("Your email address is now subscriber464-new@nextbox.test"));
	}

}
