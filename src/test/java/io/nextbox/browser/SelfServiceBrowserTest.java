package io.nextbox.browser;

import io.nextbox.support.Browser;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Self-service on a phone: each change shows at once, without a page load. */
@NextboxIntegrationTest
class SelfServiceBrowserTest {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	private Browser browser;

	private Owned owned;

	@BeforeEach
	void aSubscriberOnAPhone() {
		browser = Browser.shared(port);
		browser.resize(Browser.PHONE_WIDTH);
		owned = TestSubscriptions.freshActive(jdbc);
		new LoginPage(browser).open().logInAs(owned.email(), DemoLogins.SUBSCRIBER_PASSWORD);
	}

	@Test
	void skippingTheNextBoxChangesTheDateWithoutAPageLoad() {
		SubscriptionPage page = new SubscriptionPage(browser).open(owned.subscriptionId());
		browser.screenshot("subscription-390");
		String before = page.nextDate();
		browser.markPage();

		page.skip();

		browser.waitUntil(driver -> !page.nextDate().equals(before));
		assertThat(browser.isSamePage()).as("updated in place by htmx").isTrue();
		assertThat(page.message()).startsWith("Skipped the box of");
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
		browser.screenshot("subscription-skipped-390");
	}

	@Test
	void changingTheQuantityChangesTheTotal() {
		SubscriptionPage page = new SubscriptionPage(browser).open(owned.subscriptionId());
		String before = page.price();
		int quantity = Integer.parseInt(jdbc.queryForObject("select quantity from subscription where id = ?",
				String.class, owned.subscriptionId())) == 2 ? 3 : 2;
		browser.markPage();

		page.changeQuantity(quantity);

		browser.waitUntil(driver -> !page.price().equals(before));
		assertThat(browser.isSamePage()).isTrue();
		assertThat(page.message()).contains("You now get " + quantity);
	}

	@Test
	void pauseOpensInItsCardAndARefusalShowsThereThenItPauses() {
		SubscriptionPage page = new SubscriptionPage(browser).open(owned.subscriptionId());
		assertThat(page.showsField("pause-until")).as("the pause form is not on the page until asked for").isFalse();
		browser.markPage();

		page.open("pause");

		browser.waitUntil(driver -> page.showsField("pause-until"));
		assertThat(browser.isSamePage()).as("loaded into its card by htmx").isTrue();
		browser.screenshot("subscription-pause-open-390");
		page.pauseUntil("2000-01-01");
		browser.waitUntil(driver -> !driver.findElements(org.openqa.selenium.By.cssSelector("#action-pause .field-error"))
			.isEmpty());
		assertThat(page.fieldError()).startsWith("Choose a date on or after");
		assertThat(browser.isSamePage()).isTrue();

		page.pauseUntil("");
		browser.waitUntil(driver -> page.status().equals("Paused"));
		assertThat(browser.isSamePage()).isTrue();
		assertThat(page.message()).isNotBlank();
	}

	@Test
	void cancellingAsksWhyOffersAnAlternativeThenCancels() {
		SubscriptionPage page = new SubscriptionPage(browser).open(owned.subscriptionId());
		page.startCancelling();
		browser.screenshot("cancel-390");

		page.chooseReason("TOO_MUCH_PRODUCT");
		browser.waitUntil(driver -> page.saveOffers().contains("Skip the next box"));
		browser.screenshot("cancel-save-offer-390");
		page.confirmCancel();

		browser.waitUntil(driver -> browser.path().equals("/portal/subscriptions/" + owned.subscriptionId()));
		assertThat(page.status()).isEqualTo("Cancelled");
		assertThat(page.message()).contains("Your subscription is cancelled");
		browser.screenshot("subscription-cancelled-390");
	}

	@Test
	void theNextBoxAndOrderHistoryReadWellOnAPhone() {
		browser.open("/portal/subscriptions/" + owned.subscriptionId() + "/shipment");
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
		browser.screenshot("shipment-390");
		browser.open("/portal/orders");
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
		browser.screenshot("orders-390");
		browser.open("/portal/subscriptions/" + owned.subscriptionId() + "/pause");
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
		browser.screenshot("pause-390");
		browser.open("/portal/subscriptions/" + owned.subscriptionId() + "/plan");
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
		browser.screenshot("plan-390");
		browser.resize(Browser.DESKTOP_WIDTH);
		browser.screenshot("plan-1280");
		browser.open("/portal/subscriptions/" + owned.subscriptionId() + "/interval");
		browser.screenshot("interval-1280");
		browser.open("/portal/subscriptions/" + owned.subscriptionId());
		browser.screenshot("subscription-1280");
		browser.resize(Browser.DESKTOP_WIDTH, 2000);
		browser.screenshot("subscription-full-1280");
		browser.resize(Browser.DESKTOP_WIDTH);
		browser.open("/portal/orders");
		browser.screenshot("orders-1280");
	}

}
