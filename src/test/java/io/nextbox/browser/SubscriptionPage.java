package io.nextbox.browser;

import io.nextbox.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A subscription's page, with the actions a subscriber takes on it. */
class SubscriptionPage {

	private final Browser browser;

	SubscriptionPage(Browser browser) {
		this.browser = browser;
	}

	SubscriptionPage open(long subscriptionId) {
		browser.open("/portal/subscriptions/" + subscriptionId);
		return this;
	}

	String nextDate() {
		return text(".next-date");
	}

	String price() {
		return text(".subscription-summary .price");
	}

	String message() {
		return text(".alert");
	}

	void skip() {
		browser.driver().findElement(By.cssSelector("#action-skip button")).click();
	}

	void changeQuantity(int quantity) {
		WebElement field = browser.driver().findElement(By.id("quantity"));
		field.clear();
		field.sendKeys(String.valueOf(quantity));
		browser.driver().findElement(By.cssSelector("#action-quantity button")).click();
	}

	/** Opens a change made now and then (reschedule, interval, pause, plan) from its link on the page. */
	void open(String change) {
		browser.driver().findElement(By.cssSelector("#action-" + change + " a.button")).click();
	}

	boolean showsField(String id) {
		return !browser.driver().findElements(By.id(id)).isEmpty();
	}

	void pauseUntil(String isoDate) {
		WebElement field = browser.driver().findElement(By.id("pause-until"));
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].value = arguments[1]", field, isoDate);
		browser.driver().findElement(By.cssSelector("#action-pause button")).click();
	}

	String fieldError() {
		return text(".field-error");
	}

	void startCancelling() {
		browser.driver().findElement(By.cssSelector(".cancel-link a")).click();
	}

	void chooseReason(String reason) {
		browser.driver().findElement(By.cssSelector("input[name=reason][value=" + reason + "]")).click();
	}

	String saveOffers() {
		return text("#save-offers");
	}

	void confirmCancel() {
		browser.driver().findElement(By.cssSelector("button[type=submit].button-danger")).click();
	}

	String status() {
		return text(".status-badge");
	}

	private String text(String css) {
		return browser.driver().findElement(By.cssSelector(css)).getText();
	}

}
