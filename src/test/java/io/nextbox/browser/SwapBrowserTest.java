package io.nextbox.browser;

import io.nextbox.support.Browser;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swapping a coffee of the plan on a desk and on a phone: the subscription page, the alternatives, the confirm step
 * loaded in place by htmx, the swap. Screenshots of each page at both widths.
 */
@NextboxIntegrationTest
class SwapBrowserTest {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@ParameterizedTest
	@ValueSource(ints = { Browser.DESKTOP_WIDTH, Browser.PHONE_WIDTH })
	void aSubscriberSwapsACoffeeSeeingTheDifferenceFirst(int width) {
		Browser browser = Browser.shared(port);
		browser.resize(width, 1500);
		Owned owned = TestSubscriptions.freshActive(jdbc);
		jdbc.update("update subscription set plan_id = (select id from plan where sku = 'PLAN-FILTER-500-GEAR'), "
				+ "quantity = 1 where id = ?", owned.subscriptionId());
		long guji = jdbc.queryForObject("select id from product where sku = 'COF-ETH-GUJI'", Long.class);
		long rwanda = jdbc.queryForObject("select id from product where sku = 'COF-RWA-HUYE'", Long.class);
		new LoginPage(browser).open().logInAs(owned.email(), DemoLogins.SUBSCRIBER_PASSWORD);
		String base = "/portal/subscriptions/" + owned.subscriptionId();
		try {
			browser.open(base);
			browser.screenshot("swap-subscription-" + width);
			browser.driver().findElement(By.cssSelector("#box-item-" + guji + " .swap-link")).click();
			browser.waitUntil(driver -> browser.path().equals(base + "/swap/" + guji));
			assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Swap Ethiopia Guji 250 g");
			assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
			browser.screenshot("swap-choose-" + width);

			browser.markPage();
			browser.driver()
				.findElement(By.cssSelector("button[aria-label='Choose Rwanda Huye 250 g']"))
				.click();
			browser.waitUntil(driver -> !driver.findElements(By.cssSelector("#swap-review .swap-review")).isEmpty());
			assertThat(browser.isSamePage()).as("the confirm step is loaded in place").isTrue();
			String review = browser.driver().findElement(By.cssSelector("#swap-review")).getText();
			assertThat(review).contains("+$0.50 per box").contains("applies from your box of");
			browser.screenshot("swap-confirm-" + width);

			browser.driver().findElement(By.cssSelector("#swap-review button[type=submit]")).click();
			browser.waitUntil(driver -> browser.path().equals(base));
			assertThat(browser.driver().findElement(By.cssSelector(".alert-success")).getText())
				.startsWith("Rwanda Huye 250 g comes instead of Ethiopia Guji 250 g");
			assertThat(browser.driver().findElement(By.cssSelector("#box-item-" + guji)).getText())
				.contains("Rwanda Huye 250 g").contains("instead of Ethiopia Guji 250 g");
			assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
			browser.screenshot("swap-done-" + width);

			browser.open(base + "/swap/" + guji + "/confirm?to=" + guji);
			browser.screenshot("swap-back-confirm-page-" + width);
		}
		finally {
			browser.logOut();
		}
	}

}
