package io.nextbox.browser;

import java.math.BigDecimal;
import java.util.UUID;

import io.nextbox.audit.AuditLog;
import io.nextbox.audit.FieldChange;
import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.NewProduct;
import io.nextbox.catalog.ProductCategory;
import io.nextbox.support.Browser;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log reads at desktop and phone width: on a phone each entry is a card and nothing runs off the side. */
@NextboxIntegrationTest
class AuditBrowserTest {

	@LocalServerPort
	private int port;

	@Autowired
	private CatalogService catalog;

	@Autowired
	private AuditLog audit;

	private Browser browser;

	@AfterEach
	void logOut() {
		browser.logOut();
	}

	@Test
	void theAuditLogShowsEachChangeBeforeAndAfterAtPhoneWidth() {
		String sku = "AUD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		audit.actingAs(DemoLogins.MERCHANT, () -> {
			long id = catalog.createProduct(cake(sku, "7.50"));
			catalog.updateProduct(id, cake(sku, "8.25"));
			catalog.retireProduct(id);
			audit.onSubscribersBehalf(42, DemoLogins.subscriber(42), "skipped the box",
					FieldChange.set("box", "Fri 18 Dec"));
		});
		browser = Browser.shared(port);
		WebDriver driver = browser.driver();
		new LoginPage(browser).open().logInAs(DemoLogins.MERCHANT, DemoLogins.MERCHANT_PASSWORD);

		browser.resize(Browser.DESKTOP_WIDTH);
		driver.findElement(By.linkText("Audit log")).click();
		browser.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/audit"));
		browser.screenshot("audit-1280");
		String row = driver.findElement(By.cssSelector(".audit-table tbody tr:nth-child(3)")).getText();
		assertThat(row).contains("Lemon Cake (" + sku + ")").contains("updated").contains("7.5").contains("8.25");

		browser.resize(Browser.PHONE_WIDTH, 1800);
		browser.open("/admin/audit");
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
		assertThat(driver.findElement(By.cssSelector(".audit-table tbody tr")).getText())
			.contains("skipped the box").contains("Fri 18 Dec");
		browser.screenshot("audit-390");
	}

	private static NewProduct cake(String sku, String price) {
		return new NewProduct(sku, "Lemon Cake", "", null, ProductCategory.TREATS, new BigDecimal(price), true, true);
	}

}
