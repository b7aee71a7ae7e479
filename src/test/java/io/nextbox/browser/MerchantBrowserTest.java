package io.nextbox.browser;

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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A merchant creates an offer, activates it, previews a subscriber and sees it; the subscriber then sees it. */
@NextboxIntegrationTest
class MerchantBrowserTest {

	private static final String OFFER = "Stay for a stroopwafel";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private RecommendationService recommendations;

	@Autowired
	private WidgetService widgets;

	private Browser browser;

	@BeforeEach
	void aMerchantAtTheirDesk() {
		if (!recommendations.isReady()) {
			recommendations.rebuild();
		}
		browser = Browser.shared(port);
	}

	@Test
	void anOfferGoesFromTheAdminPagesToTheSubscribersWidget() {
		Owned subscriber;
		do {
			subscriber = TestSubscriptions.freshActive(jdbc);
		}
		while (widgets.isInHoldout(subscriber.subscriberId()));
		new LoginPage(browser).open().logInAs(DemoLogins.MERCHANT, DemoLogins.MERCHANT_PASSWORD);

		browser.open("/admin/offers/new");
		WebDriver driver = browser.driver();
		driver.findElement(By.id("name")).sendKeys(OFFER);
		new Select(driver.findElement(By.id("productId"))).selectByVisibleText("Stroopwafels · $4.50");
		new Select(driver.findElement(By.id("discountType"))).selectByValue("FIXED");
		driver.findElement(By.id("discountValue")).sendKeys("9.00");
		toggle("DASHBOARD");
		toggle("NEXT_SHIPMENT");
		toggle("CANCEL_FLOW");
		submit();
		browser.waitUntil(d -> d.findElements(By.cssSelector(".field-error"))
			.stream()
			.anyMatch(error -> error.getText().contains("cannot be more than the price")));
		browser.screenshot("admin-offer-invalid-1280");

		WebElement discount = driver.findElement(By.id("discountValue"));
		discount.clear();
		discount.sendKeys("1.50");
		WebElement priority = driver.findElement(By.id("priority"));
		priority.clear();
		priority.sendKeys("50");
		submit();
		browser.waitUntil(d -> d.findElements(By.cssSelector(".alert-success"))
			.stream()
			.anyMatch(alert -> alert.getText().contains(OFFER)));

		browser.open("/admin/offers");
		WebElement row = driver.findElement(By.xpath("//tr[.//a[text()='" + OFFER + "']]"));
		row.findElement(By.xpath(".//button[text()='Activate']")).click();
		browser.waitUntil(d -> d.findElement(By.cssSelector(".alert-success")).getText().contains("Active"));
		browser.screenshot("admin-offers-1280");

		String email = subscriber.email();
		browser.waitUntil(d -> {
			browser.open("/admin/preview?placement=CANCEL_FLOW&email=" + email);
			return d.findElements(By.cssSelector(".preview-table")).stream().anyMatch(t -> t.getText().contains(OFFER));
		});
		browser.screenshot("admin-preview-1280");

		browser.logOut();
		new LoginPage(browser).open().logInAs(email, DemoLogins.SUBSCRIBER_PASSWORD);
		browser.open("/portal/subscriptions/" + subscriber.subscriptionId() + "/cancel?reason=TOO_EXPENSIVE");
		browser.waitUntil(d -> d.findElement(By.id("save-offers")).getText().contains("Stroopwafels"));
		assertThat(driver.findElement(By.id("save-offers")).getText()).contains("$3.00", "$4.50");
	}

	@Test
	void theSettingsAndOfferPagesReadWellOnAPhone() {
		new LoginPage(browser).open().logInAs(DemoLogins.MERCHANT, DemoLogins.MERCHANT_PASSWORD);
		browser.resize(Browser.DESKTOP_WIDTH, 1500);
		browser.open("/admin/settings");
		browser.screenshot("admin-settings-1280");
		browser.resize(Browser.PHONE_WIDTH);
		for (String page : new String[] { "/admin/settings", "/admin/offers/new", "/admin/preview", "/admin/offers",
				"/admin/products", "/admin/products/new", "/admin/plans", "/admin/plans/new", "/admin/subscribers",
				"/admin/import" }) {
			browser.open(page);
			assertThat(browser.contentWidth()).as(page).isLessThanOrEqualTo(browser.viewportWidth());
		}
		browser.screenshot("admin-import-390");
		browser.open("/admin/plans");
		browser.screenshot("admin-plans-390");
		browser.open("/admin/plans/new");
		browser.screenshot("admin-plan-form-390");
		browser.resize(Browser.DESKTOP_WIDTH);
		browser.open("/admin/subscribers/" + jdbc.queryForObject(
				"select id from subscriber where email = 'subscriber1@nextbox.test'", Long.class));
		browser.screenshot("admin-subscriber-1280");
		browser.open("/admin/products?q=honey");
		browser.screenshot("admin-products-1280");
		browser.open("/admin/plans");
		browser.screenshot("admin-plans-1280");
		browser.open("/admin/products/new");
		browser.screenshot("admin-product-form-1280");
	}

	private void toggle(String placement) {
		browser.driver().findElement(By.cssSelector("input[name=placements][value=" + placement + "]")).click();
	}

	private void submit() {
		browser.driver().findElement(By.cssSelector("form.settings-form button[type=submit]")).click();
	}

}
