package io.nextbox.browser;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.NewProduct;
import io.nextbox.catalog.ProductCategory;
import io.nextbox.offer.NewOffer;
import io.nextbox.offer.OfferEvent;
import io.nextbox.offer.OfferEventType;
import io.nextbox.offer.OfferEvents;
import io.nextbox.offer.OfferService;
import io.nextbox.offer.OfferStatus;
import io.nextbox.offer.Placement;
import io.nextbox.support.Browser;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The charts in a real browser under the real Content-Security-Policy: drawn from their JSON beside their tables,
 * three side by side on a laptop and one under another on a phone, never wider than the screen.
 */
@NextboxIntegrationTest
class AnalyticsChartsBrowserTest {

	@LocalServerPort
	private int port;

	@Autowired
	private CatalogService catalog;

	@Autowired
	private OfferService offers;

	@Autowired
	private OfferEvents events;

	@Autowired
	private JdbcTemplate jdbc;

	private Browser browser;

	@AfterEach
	void logOut() {
		browser.logOut();
	}

	@Test
	void theChartsAreDrawnAndFitAPhone() {
		long offer = seedAMonthOfOffers();
		browser = Browser.shared(port);
		WebDriver driver = browser.driver();
		new LoginPage(browser).open().logInAs(DemoLogins.MERCHANT, DemoLogins.MERCHANT_PASSWORD);

		browser.resize(Browser.DESKTOP_WIDTH, 1100);
		browser.open("/admin/analytics");
		List<WebElement> canvases = drawn(driver);
		assertThat(canvases).hasSize(3);
		assertThat(canvases.get(1).getRect().getY()).as("side by side").isEqualTo(canvases.get(0).getRect().getY());
		browser.screenshot("charts-analytics-1280");
		scrollTo(driver, "#trend-title");
		browser.screenshot("charts-trend-1280");

		browser.resize(Browser.PHONE_WIDTH, 844);
		browser.open("/admin/analytics");
		canvases = drawn(driver);
		assertThat(canvases.get(1).getRect().getY()).as("one under another").isGreaterThan(canvases.get(0).getRect().getY());
		for (WebElement canvas : canvases) {
			assertThat(canvas.getRect().getWidth()).isGreaterThan(250).isLessThanOrEqualTo(Browser.PHONE_WIDTH);
		}
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
		scrollTo(driver, "#trend-title");
		browser.screenshot("charts-trend-390");
		scrollTo(driver, "#cancel-flow-title");
		assertThat(browser.contentWidth()).as("the page itself never scrolls sideways")
			.isLessThanOrEqualTo(browser.viewportWidth());
		browser.screenshot("charts-cancel-flow-390");

		browser.open("/admin/analytics/offers/" + offer);
		assertThat(drawn(driver)).hasSize(3);
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
		scrollTo(driver, "figure.chart-card");
		browser.screenshot("charts-offer-390");
		browser.resize(Browser.DESKTOP_WIDTH, 1000);
		browser.open("/admin/analytics/offers/" + offer);
		assertThat(drawn(driver)).hasSize(3);
		browser.screenshot("charts-offer-1280");
	}

	/** The charts once js/charts.js has shown their figure: its canvases, each drawn to a size. */
	private List<WebElement> drawn(WebDriver driver) {
		browser.waitUntil(d -> d.findElement(By.cssSelector("figure.chart-card")).isDisplayed());
		List<WebElement> canvases = driver.findElements(By.cssSelector("figure.chart-card canvas"));
		for (WebElement canvas : canvases) {
			assertThat(canvas.getRect().getHeight()).isGreaterThan(100);
		}
		return canvases;
	}

	private static void scrollTo(WebDriver driver, String selector) {
		((JavascriptExecutor) driver).executeScript("document.querySelector(arguments[0]).scrollIntoView()", selector);
	}

	/** Three offers over the last 30 days at a few percent take rate, some add-ons shipped; a few cancel attempts. */
	private long seedAMonthOfOffers() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		Random random = new Random(12);
		List<Long> subscribers = new ArrayList<>();
		List<Long> subscriptions = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			TestSubscriptions.Owned owned = TestSubscriptions.freshActive(jdbc);
			subscribers.add(owned.subscriberId());
			subscriptions.add(owned.subscriptionId());
		}
		Instant now = Instant.now();
		long first = 0;
		List<OfferEvent> seeded = new ArrayList<>();
		for (int o = 0; o < 3; o++) {
			BigDecimal price = new BigDecimal(List.of("6.50", "12.00", "4.25").get(o));
			long product = catalog.createProduct(new NewProduct("ACB-" + o + "-" + unique, "Chart item " + o + " " + unique,
					"", "", ProductCategory.GEAR, price, true, true));
			NewOffer active = NewOffer.activeAddOn(List.of("Honey jar", "Travel mug", "Oat biscuits").get(o) + " "
					+ unique, product, 1, Set.of(Placement.DASHBOARD));
			long offer = offers.create(new NewOffer(active.name(), active.kind(), active.productId(), null,
					active.discountType(), active.discountValue(), OfferStatus.ENDED, 1, null, null, 0, 0, true,
					active.placements(), Set.of(), Set.of()));
			first = o == 0 ? offer : first;
			for (int day = 0; day < 30; day++) {
				Instant at = now.minus(Duration.ofDays(day)).minus(Duration.ofHours(2));
				int impressions = 20 + random.nextInt(25) + (o == 0 ? 15 : 0);
				for (int i = 0; i < impressions; i++) {
					long subscriber = subscribers.get(random.nextInt(subscribers.size()));
					seeded.add(new OfferEvent(offer, subscriber, null, null, Placement.DASHBOARD,
							OfferEventType.IMPRESSION, price, false, at));
					if (random.nextInt(100) < 4 + o) {
						seeded.add(new OfferEvent(offer, subscriber, null, null, Placement.DASHBOARD,
								OfferEventType.ACCEPT, price, false, at));
						if (day > 4 && random.nextInt(4) > 0) {
							seeded.add(new OfferEvent(offer, subscriber, null, null, Placement.NEXT_SHIPMENT,
									OfferEventType.SHIPPED, price, false, at.plus(Duration.ofDays(4))));
						}
					}
				}
			}
		}
		events.record(seeded);
		String[] reasons = { "TOO_MUCH_PRODUCT", "TOO_EXPENSIVE", "TASTE", "MOVING", "TOO_MUCH_PRODUCT", "OTHER" };
		String[] outcomes = { "SAVED", null, "CANCELLED", "CANCELLED", "SAVED", "CANCELLED" };
		for (int i = 0; i < reasons.length; i++) {
			Timestamp at = Timestamp.from(now.minus(Duration.ofDays(i + 1)));
			jdbc.update("insert into cancel_attempt (subscription_id, reason, offers_shown, shown, started_at, "
					+ "updated_at, outcome, saved_by, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
					subscriptions.get(i), reasons[i], i % 3 + 1, "skip,pause", at, at, outcomes[i],
					"SAVED".equals(outcomes[i]) ? "skip" : null, outcomes[i] == null ? null : at);
		}
		return first;
	}

}
