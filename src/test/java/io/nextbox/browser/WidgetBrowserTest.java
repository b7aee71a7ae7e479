package io.nextbox.browser;

import java.util.List;

import io.nextbox.recommendation.RecommendationService;
import io.nextbox.engagement.WidgetService;
import io.nextbox.support.Browser;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's offer widget on a phone: it loads by itself, one click adds, undo takes it back. */
@NextboxIntegrationTest
class WidgetBrowserTest {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private RecommendationService recommendations;

	@Autowired
	private WidgetService widgets;

	private Browser browser;

	private Owned owned;

	@BeforeEach
	void aSubscriberOnAPhoneOutsideTheHoldout() {
		if (!recommendations.isReady()) {
			recommendations.rebuild();
		}
		browser = Browser.shared(port);
		browser.resize(Browser.PHONE_WIDTH);
		do {
			owned = TestSubscriptions.freshActive(jdbc);
		}
		while (jdbc.queryForObject("select count(*) from subscription where subscriber_id = ?", Integer.class,
				owned.subscriberId()) != 1 || widgets.isInHoldout(owned.subscriberId()));
		new LoginPage(browser).open().logInAs(owned.email(), DemoLogins.SUBSCRIBER_PASSWORD);
	}

	@Test
	void oneClickAddsTheItemAndTheTotalChangesWithoutAReload() {
		browser.waitUntil(driver -> !cards().isEmpty());
		browser.screenshot("widget-dashboard-390");
		String totalBefore = total();
		browser.markPage();

		WebElement card = cards().get(0);
		String title = card.findElement(By.cssSelector(".offer-title")).getText();
		card.findElement(By.cssSelector(".add-button")).click();

		browser.waitUntil(driver -> !total().equals(totalBefore));
		// the card is replaced in place by its added state (with a fresh signed key, so a new id)
		List<WebElement> added = browser.driver().findElements(By.cssSelector(".offer-card.is-added"));
		assertThat(added).singleElement()
			.satisfies(done -> assertThat(done.getText()).contains(title, "Added to your next box", "Undo"));
		assertThat(browser.isSamePage()).isTrue();
		assertThat(lines()).isEqualTo(1);
		browser.screenshot("widget-added-390");

		added.get(0).findElement(By.cssSelector(".undo-button")).click();
		browser.waitUntil(driver -> total().equals(totalBefore));
		assertThat(lines()).isZero();
	}

	@Test
	void aFastDoubleClickAddsOneLine() {
		browser.waitUntil(driver -> !cards().isEmpty());
		WebElement button = cards().get(0).findElement(By.cssSelector(".add-button"));
		String totalBefore = total();
		((JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].click(); arguments[0].click(); arguments[0].form.requestSubmit();", button);

		browser.waitUntil(driver -> !total().equals(totalBefore));
		browser.waitUntil(driver -> driver.findElements(By.cssSelector(".htmx-request")).isEmpty());
		assertThat(lines()).isEqualTo(1);
	}

	@Test
	void everyPlacementLoadsItsWidgetByItself() {
		browser.resize(Browser.DESKTOP_WIDTH, 1300);
		browser.waitUntil(driver -> !cards().isEmpty());
		browser.screenshot("widget-dashboard-1280");

		browser.open("/portal/subscriptions/" + owned.subscriptionId() + "/shipment");
		browser.waitUntil(driver -> !cards().isEmpty());
		browser.screenshot("widget-next-shipment-1280");

		String newest = jdbc.queryForObject("select order_number from orders where subscriber_id = ? "
				+ "order by ordered_at desc, id desc limit 1", String.class, owned.subscriberId());
		browser.open("/portal/orders/" + newest);
		browser.waitUntil(driver -> !cards().isEmpty());
		browser.screenshot("widget-post-purchase-1280");

		browser.open("/portal/subscriptions/" + owned.subscriptionId() + "/cancel?reason=TOO_EXPENSIVE");
		browser.waitUntil(driver -> !cards().isEmpty());
		assertThat(browser.driver().findElement(By.id("save-offers")).getText()).contains("Oat Biscuits");
		browser.screenshot("widget-cancel-flow-1280");
	}

	private List<WebElement> cards() {
		return browser.driver().findElements(By.cssSelector(".offer-card:not(.is-added) .add-button"))
			.stream()
			.map(button -> button.findElement(By.xpath("./ancestor::article")))
			.toList();
	}

	private String total() {
		return browser.driver().findElement(By.id("next-total-" + owned.subscriptionId())).getText();
	}

	private long lines() {
		return jdbc.queryForObject("select count(*) from shipment_line l join shipment s on s.id = l.shipment_id "
				+ "where s.subscription_id = ? and s.status = 'OPEN'", Long.class, owned.subscriptionId());
	}

}
