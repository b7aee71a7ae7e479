package io.nextbox.browser;

import io.nextbox.account.MerchantService;
import io.nextbox.support.Browser;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new merchant opens the link the add-merchant command printed, is told why a common password is refused, sets
 * a good one, signs in and finds the staff page; at desktop and phone width.
 */
@NextboxIntegrationTest
class StaffBrowserTest {

	private static final String PASSWORD = "crema on the harbour wall";

	@LocalServerPort
	private int port;

	@Autowired
	private MerchantService merchants;

	@Autowired
	private JdbcTemplate jdbc;

	private Browser browser;

	private final String email = "new-barista-" + System.nanoTime() + "@staff.test";

	@BeforeEach
	void aLinkFromTheCommand() {
		browser = Browser.shared(port);
	}

	@AfterEach
	void removeTheMerchant() {
		browser.logOut();
		jdbc.update("delete from account where email = ?", email);
	}

	@Test
	void aNewMerchantSetsAPasswordFromTheLinkAndFindsTheStaffPage() {
		String link = merchants.addMerchant(email).link();
		assertThat(link).startsWith("http://localhost:8080/password/set?token=");
		WebDriver driver = browser.driver();

		browser.resize(Browser.PHONE_WIDTH);
		browser.open(link.substring("http://localhost:8080".length()));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Set your password");
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
		browser.screenshot("set-password-390");
		submit("Password2024");
		browser.waitUntil(d -> !d.findElements(By.cssSelector(".field-error")).isEmpty());
		assertThat(driver.findElement(By.cssSelector(".field-error")).getText())
			.contains("one of the most common passwords");
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
		browser.screenshot("set-password-refused-390");

		browser.resize(Browser.DESKTOP_WIDTH);
		browser.screenshot("set-password-refused-1280");
		submit(PASSWORD);
		browser.waitUntil(d -> d.getCurrentUrl().endsWith("/password/done"));
		browser.screenshot("password-done-1280");

		new LoginPage(browser).open().logInAs(email, PASSWORD);
		assertThat(browser.path()).startsWith("/admin");
		driver.findElement(By.linkText("Staff")).click();
		browser.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/staff"));
		String page = driver.findElement(By.tagName("main")).getText();
		assertThat(page).contains(email).contains(DemoLogins.MERCHANT).contains("You");
		browser.screenshot("staff-1280");
		browser.resize(Browser.PHONE_WIDTH);
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
		browser.screenshot("staff-390");
		browser.resize(Browser.DESKTOP_WIDTH);

		browser.open(link.substring("http://localhost:8080".length()));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("This link was already used");
		browser.screenshot("password-link-used-1280");
	}

	private void submit(String password) {
		WebDriver driver = browser.driver();
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("confirmation")).sendKeys(password);
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
	}

}
