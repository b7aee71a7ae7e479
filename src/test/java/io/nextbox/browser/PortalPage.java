package io.nextbox.browser;

import java.util.List;

import io.nextbox.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The subscriber's dashboard. */
class PortalPage {

	private final Browser browser;

	PortalPage(Browser browser) {
		this.browser = browser;
	}

	String heading() {
		return browser.driver().findElement(By.tagName("h1")).getText();
	}

	List<String> planNames() {
		return browser.driver().findElements(By.cssSelector(".subscription h2")).stream().map(WebElement::getText).toList();
	}

	String firstNextShipment() {
		return browser.driver().findElement(By.cssSelector(".subscription .next-date")).getText();
	}

}
