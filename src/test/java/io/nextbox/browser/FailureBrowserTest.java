package io.nextbox.browser;

import io.nextbox.engagement.WidgetService;
import io.nextbox.recommendation.RecommendationService;
import io.nextbox.store.StoreSettings;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.support.Browser;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A click whose request fails says what happened and what to do, next to the button, instead of nothing. */
@NextboxIntegrationTest
class FailureBrowserTest {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private RecommendationService recommendations;

	@Autowired
	private WidgetService widgets;

	@Autowired
	private StoreSettingsService settings;

	private Browser browser;

	private Owned owned;

	@BeforeEach
	void aSubscriberOnAPhone() {
		if (!recommendations.isReady()) {
			recommendations.rebuild();
		}
		browser = Browser.shared(port);
		browser.resize(Browser.PHONE_WIDTH);
		do {
			owned = TestSubscriptions.freshActive(jdbc);
		}
		while (widgets.isInHoldout(owned.subscriberId()));
		new LoginPage(browser).open().logInAs(owned.email(), DemoLogins.SUBSCRIBER_PASSWORD);
	}

	@Test
	void aClickAfterTheSessionEndedAsksToSignInAgainAndComesBack() {
		dashboardWithOffers();
		jdbc.update("delete from spring_session where principal_name = ?", owned.email());

		WebElement card = browser.driver().findElement(By.cssSelector(".offer-card"));
		card.findElement(By.cssSelector(".add-button")).click();

		WebElement failure = failureIn(card);
		assertThat(failure.getText()).startsWith("You were signed out, so this was not done.");
		assertThat(failure.getAttribute("role")).isEqualTo("alert");
		assertThat(card.getText()).doesNotContain("Sign in to your account");
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
		browser.screenshot("failure-signed-out-390");
		browser.resize(Browser.DESKTOP_WIDTH);
		browser.screenshot("failure-signed-out-1280");

		failure.findElement(By.linkText("Sign in and try again")).click();
		browser.waitUntil(driver -> browser.path().startsWith("/login"));
		new LoginPage(browser).logInAs(owned.email(), DemoLogins.SUBSCRIBER_PASSWORD);
		assertThat(browser.path()).startsWith("/portal");
	}

	@Test
	void skippingAfterTheMerchantSwitchedSkipOffSaysItIsNotOfferedAnyMore() {
		SubscriptionPage page = new SubscriptionPage(browser).open(owned.subscriptionId());
		String nextDate = page.nextDate();
		StoreSettings before = settings.current();
		settings.update(before.withPortalActions(before.portalActions().withoutSkip()));
		try {
			page.skip();

			WebElement failure = failureIn(browser.driver().findElement(By.id("action-skip")));
			assertThat(failure.getText()).startsWith("This is not offered any more, so nothing was changed.")
				.contains("Reload the page");
			assertThat(page.nextDate()).isEqualTo(nextDate);
			assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
			browser.screenshot("failure-switched-off-390");
			browser.resize(Browser.DESKTOP_WIDTH);
			browser.screenshot("failure-switched-off-1280");

			failure.findElement(By.linkText("Reload the page to see it as it is now")).click();
			browser.waitUntil(driver -> driver.findElements(By.id("action-skip")).isEmpty());
		}
		finally {
			settings.update(before);
		}
	}

	/** The dashboard once its widget shows offers; a recommender busy for over 200 ms shows none, so look again. */
	private void dashboardWithOffers() {
		for (int tries = 0; tries < 5; tries++) {
			browser.open("/portal");
			try {
				browser.waitUntil(driver -> !driver.findElements(By.cssSelector(".offer-card .add-button")).isEmpty());
				return;
			}
			catch (TimeoutException busy) {
				// the widget showed nothing this time
			}
		}
		throw new AssertionError("The dashboard's widget showed no offers");
	}

	private WebElement failureIn(WebElement control) {
		browser.waitUntil(driver -> !control.findElements(By.cssSelector(".request-failure")).isEmpty());
		WebElement failure = control.findElement(By.cssSelector(".request-failure"));
		assertThat(failure.isDisplayed()).isTrue();
		return failure;
	}

}
