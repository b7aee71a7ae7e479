package io.nextbox.browser;

import io.nextbox.support.Browser;
import org.openqa.selenium.By;

/** The merchant's store overview. */
class AdminHomePage {

	private final Browser browser;

	AdminHomePage(Browser browser) {
		this.browser = browser;
	}

	String stat(String id) {
		return browser.driver().findElement(By.cssSelector("#stat-" + id + " dd")).getText();
	}

}
