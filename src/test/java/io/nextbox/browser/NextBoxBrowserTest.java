package io.nextbox.browser;

import java.time.LocalDate;
import java.util.List;

import io.nextbox.engagement.WidgetService;
import io.nextbox.recommendation.RecommendationService;
import io.nextbox.support.Browser;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The next-box page in a browser: an add-on put in by the page's widget shows up among the box's lines at once,
 * and its Remove takes it out again without a reload; a locked box's dashboard says so and offers nothing.
 */
@NextboxIntegrationTest
class NextBoxBrowserTest {

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
	void aSubscriberOutsideTheHoldout() {
		if (!recommendations.isReady()) {
			recommendations.rebuild();
		}
		browser = Browser.shared(port);
		do {
			owned = TestSubscriptions.freshActive(jdbc);
		}
		while (widgets.isInHoldout(owned.subscriberId()));
		jdbc.update("update subscription set quantity = 2 where id = ?", owned.subscriptionId());
		new LoginPage(browser).open().logInAs(owned.email(), DemoLogins.SUBSCRIBER_PASSWORD);
	}

	@Test
	void anAddOnAddedOnTheNextBoxPageIsListedAndRemovedWithoutAReload() {
		browser.resize(Browser.PHONE_WIDTH);
		browser.open("/portal/subscriptions/" + owned.subscriptionId() + "/shipment");
		browser.waitUntil(driver -> !cards().isEmpty());
		assertThat(browser.driver().findElement(By.cssSelector(".line-plan")).getText())
			.contains("2 × ", "per delivery");
		browser.markPage();

		WebElement card = cards().get(0);
		String title = card.findElement(By.cssSelector(".offer-title")).getText();
		card.findElement(By.cssSelector(".add-button")).click();
		browser.waitUntil(driver -> !addOnRows().isEmpty());
		assertThat(addOnRows().get(0).getText()).contains(title);
		assertThat(browser.isSamePage()).isTrue();
		browser.screenshot("next-box-390");
		browser.resize(Browser.DESKTOP_WIDTH, 1300);
		browser.screenshot("next-box-1280");
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());

		addOnRows().get(0).findElement(By.cssSelector(".remove-button")).click();
		browser.waitUntil(driver -> addOnRows().isEmpty());
		assertThat(browser.driver().findElement(By.cssSelector("#next-box .alert-success")).getText())
			.contains(title + " is out of your box of");
		assertThat(browser.isSamePage()).isTrue();
		assertThat(lines()).isZero();
	}

	@Test
	void aLockedBoxIsShownAsLockedWithNoOffers() {
		jdbc.update("update shipment set ship_date = ? where subscription_id = ? and status = 'OPEN'",
				LocalDate.now().plusDays(1), owned.subscriptionId());
		jdbc.update("update subscription set next_shipment_date = ? where id = ?", LocalDate.now().plusDays(1),
				owned.subscriptionId());
		for (int width : new int[] { Browser.PHONE_WIDTH, Browser.DESKTOP_WIDTH }) {
			browser.resize(width);
			browser.open("/portal");
			// the slot loads its widget by itself: wait until that answer (here: nothing) has replaced it
			browser.waitUntil(driver -> driver.findElements(By.cssSelector(".widget-slot > noscript")).isEmpty());
			assertThat(browser.driver().findElement(By.id("subscription-" + owned.subscriptionId())).getText())
				.contains("Changes closed on", "this box is being packed");
			assertThat(browser.driver().findElements(By.cssSelector(".offer-card"))).isEmpty();
			assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
			browser.screenshot("dashboard-locked-" + width);
		}
	}

	private List<WebElement> cards() {
		return browser.driver().findElements(By.cssSelector(".offer-card:not(.is-added) .add-button"))
			.stream()
			.map(button -> button.findElement(By.xpath("./ancestor::article")))
			.toList();
	}

	private List<WebElement> addOnRows() {
		return browser.driver().findElements(By.cssSelector("#next-box .line-addon"));
	}

	private long lines() {
		return jdbc.queryForObject("select count(*) from shipment_line l join shipment s on s.id = l.shipment_id "
				+ "where s.subscription_id = ? and s.status = 'OPEN'", Long.class, owned.subscriptionId());
	}

}
