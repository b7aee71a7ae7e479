package io.nextbox.browser;

import java.util.List;

import io.nextbox.support.Browser;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: the merchant runs the store from a phone: every section behind Menu, the offers, products and plans
 * tables as cards with their actions on screen, and End and Retire asking first.
 */
@NextboxIntegrationTest
class AdminPhoneBrowserTest {

	private static final int SECTIONS = 11;

	@LocalServerPort
	private int port;

	private Browser browser;

	private WebDriver driver;

	@BeforeEach
	void aMerchantSignedIn() {
		browser = Browser.shared(port);
		driver = browser.driver();
		new LoginPage(browser).open().logInAs(DemoLogins.MERCHANT, DemoLogins.MERCHANT_PASSWORD);
	}

	@Test
	void everySectionIsInTheHeaderOnADeskAndBehindMenuOnAPhone() {
		browser.resize(Browser.DESKTOP_WIDTH);
		browser.open("/admin");
		List<WebElement> wide = driver.findElements(By.cssSelector(".admin-nav a"));
		assertThat(wide).hasSize(SECTIONS).allSatisfy(link -> assertThat(onScreen(link)).as(link.getText()).isTrue());
		assertThat(wide).extracting(WebElement::getText).contains("Plans");
		assertThat(driver.findElement(By.cssSelector(".nav-menu")).isDisplayed()).isFalse();
		browser.screenshot("admin-home-1280");

		browser.resize(Browser.PHONE_WIDTH);
		browser.open("/admin");
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
		List<WebElement> menu = driver.findElements(By.cssSelector(".nav-menu-list a"));
		assertThat(menu).hasSize(SECTIONS).noneSatisfy(link -> assertThat(link.isDisplayed()).isTrue());
		browser.screenshot("admin-home-390");

		driver.findElement(By.cssSelector(".nav-menu summary")).click();
		assertThat(menu).allSatisfy(link -> assertThat(onScreen(link)).as(link.getText()).isTrue());
		assertThat(driver.findElement(By.cssSelector(".nav-menu-logout button")).isDisplayed()).isTrue();
		browser.screenshot("admin-menu-390");
		menu.stream().filter(link -> link.getText().equals("Plans")).findFirst().orElseThrow().click();
		browser.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/plans"));
	}

	@Test
	void theOffersProductsAndPlansTablesKeepTheirActionsOnAPhoneAndEndAsksFirst() {
		for (int width : new int[] { Browser.DESKTOP_WIDTH, Browser.PHONE_WIDTH }) {
			browser.resize(width);
			for (String page : new String[] { "offers", "products", "plans" }) {
				browser.open("/admin/" + page);
				assertThat(browser.contentWidth()).as(page).isLessThanOrEqualTo(browser.viewportWidth());
				WebElement row = driver.findElement(By.cssSelector(".card-table tbody tr:not(.ranked-out)"));
				WebElement action = row.findElement(By.cssSelector(".row-actions .button"));
				assertThat(onScreen(action)).as(page + " at " + width).isTrue();
				for (WebElement cell : row.findElements(By.cssSelector("td[data-label]"))) {
					assertThat(onScreen(cell)).as(page + " " + cell.getDomAttribute("data-label")).isTrue();
				}
				browser.screenshot("admin-" + page + "-list-" + width);
			}

			browser.open("/admin/offers");
			WebElement end = driver.findElement(By.xpath("//tr[.//span[text()='Active']]//a[text()='End']"));
			String offer = end.findElement(By.xpath("ancestor::tr//td[1]/a")).getText();
			end.click();
			browser.waitUntil(d -> d.getCurrentUrl().endsWith("/end"));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("End " + offer + "?");
			assertThat(onScreen(driver.findElement(By.xpath("//button[text()='End the offer']")))).isTrue();
			browser.screenshot("admin-offer-end-" + width);
			driver.findElement(By.linkText("Keep it")).click();
			browser.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/offers"));

			driver.findElement(By.linkText(offer)).click();
			browser.waitUntil(d -> d.getCurrentUrl().matches(".*/admin/offers/\\d+"));
			assertThat(onScreen(driver.findElement(By.xpath("//button[text()='Pause']")))).isTrue();
			browser.screenshot("admin-offer-edit-" + width);

			browser.open("/admin/products");
			driver.findElement(By.cssSelector(".card-table tbody tr:not(.ranked-out) .row-actions a")).click();
			browser.waitUntil(d -> d.getCurrentUrl().endsWith("/retire"));
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("Retiring cannot be undone");
			browser.screenshot("admin-product-retire-" + width);
		}
	}

	/** Shown, and wholly inside the window's width (nothing pushed off to the right). */
	private boolean onScreen(WebElement element) {
		Object inside = ((JavascriptExecutor) driver).executeScript("""
				const box = arguments[0].getBoundingClientRect();
				return box.width > 0 && box.left >= 0 && box.right <= window.innerWidth;""", element);
		return element.isDisplayed() && Boolean.TRUE.equals(inside);
	}

}
