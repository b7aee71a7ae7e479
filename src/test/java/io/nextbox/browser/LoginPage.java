package io.nextbox.browser;

import io.nextbox.support.Browser;
import org.openqa.selenium.By;

/** The login form, as a person fills it in. */
class LoginPage {

	private final Browser browser;

	LoginPage(Browser browser) {
		this.browser = browser;
	}

	LoginPage open() {
		browser.open("/login");
		return this;
	}

	void logInAs(String email, String password) {
		browser.driver().findElement(By.id("username")).sendKeys(email);
		browser.driver().findElement(By.id("password")).sendKeys(password);
		browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
		browser.waitUntil(driver -> !driver.getCurrentUrl().endsWith("/login"));
	}

	String alert() {
		return browser.driver().findElement(By.cssSelector(".alert")).getText();
	}

}
