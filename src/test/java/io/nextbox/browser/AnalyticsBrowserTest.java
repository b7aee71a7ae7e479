package io.nextbox.browser;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** At phone width the analytics table scrolls inside its own frame, with a cue, and the page itself does not. */
@NextboxIntegrationTest
class AnalyticsBrowserTest {

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
	void theTableScrollsInItsFrameAtPhoneWidth() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		long product = catalog.createProduct(new NewProduct("ANB-" + unique, "Espresso cups " + unique, "", "",
				ProductCategory.GEAR, new BigDecimal("14.00"), true, true));
		NewOffer active = NewOffer.activeAddOn("Espresso cups with every box " + unique, product, 1,
				Set.of(Placement.DASHBOARD));
		long offer = offers.create(new NewOffer(active.name(), active.kind(), active.productId(), null,
				active.discountType(), active.discountValue(), OfferStatus.ENDED, 1, null, null, 0, 0, true,
				active.placements(), Set.of(), Set.of()));
		long subscriber = TestSubscriptions.freshActive(jdbc).subscriberId();
		Instant now = Instant.now();
		List<OfferEvent> seeded = new ArrayList<>();
		for (int day = 1; day <= 20; day++) {
			Instant at = now.minus(Duration.ofDays(day));
			seeded.add(new OfferEvent(offer, subscriber, null, null, Placement.DASHBOARD, OfferEventType.IMPRESSION,
					new BigDecimal("14.00"), false, at));
			if (day % 4 == 0) {
				seeded.add(new OfferEvent(offer, subscriber, null, null, Placement.DASHBOARD, OfferEventType.ACCEPT,
						new BigDecimal("14.00"), false, at));
			}
		}
		events.record(seeded);

		browser = Browser.shared(port);
		WebDriver driver = browser.driver();
		new LoginPage(browser).open().logInAs(DemoLogins.MERCHANT, DemoLogins.MERCHANT_PASSWORD);
		browser.resize(Browser.DESKTOP_WIDTH);
		driver.findElement(By.linkText("Analytics")).click();
		browser.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/analytics"));
		browser.screenshot("analytics-1280");

		browser.resize(Browser.PHONE_WIDTH, 1400);
		browser.open("/admin/analytics");
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
		WebElement frame = driver.findElement(By.cssSelector(".analytics-table-card"));
		assertThat(frame.getDomProperty("scrollWidth")).isNotNull();
		assertThat(Long.parseLong(frame.getDomProperty("scrollWidth")))
			.isGreaterThan(Long.parseLong(frame.getDomProperty("clientWidth")));
		assertThat(driver.findElement(By.cssSelector(".table-scroll-hint")).isDisplayed()).isTrue();
		browser.screenshot("analytics-390");

		driver.findElement(By.linkText(active.name())).click();
		browser.waitUntil(d -> d.getCurrentUrl().contains("/admin/analytics/offers/" + offer));
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
		assertThat(driver.findElements(By.cssSelector(".period-row"))).hasSize(30);
		browser.screenshot("analytics-offer-390");
		browser.resize(Browser.DESKTOP_WIDTH);
		browser.open("/admin/analytics/offers/" + offer);
		browser.screenshot("analytics-offer-1280");
	}

}
