package io.nextbox.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nextbox.support.Browser;
import io.nextbox.support.ForkedApp;
import io.nextbox.support.TestMail;
import io.nextbox.support.TestMail.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real store's first day, from nothing: the application started as an operator would, without the demo and with
 * the first merchant's address and password in its properties, sending real email (to GreenMail). The merchant
 * signs in, sets up a plan, an add-on and an offer, imports the store's order history and its subscriptions, and
 * invites everyone; an imported customer signs in from the invitation and adds the add-on from the reminder email
 * in one click.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FirstStoreBrowserTest {

	private static final String OWNER = "owner@first-store.test";

	private static final String OWNER_PASSWORD = "a quiet harbour at dawn";

	private static final String CUSTOMER = "maya@first-store.test";

	private static final Pattern ADD_LINK = Pattern.compile("https?://\\S+/email/add\\?t=[A-Za-z0-9._~%-]+");

	private ForkedApp app;

	private Browser browser;

	@BeforeEach
	void aStoreStartedFromNothing() throws Exception {
		TestMail.server();
		app = new ForkedApp();
		int port = ForkedApp.freePort();
		app.start(port, List.of("--nextbox.demo.enabled=false", "--nextbox.admin.email=" + OWNER,
				"--nextbox.admin.password=" + OWNER_PASSWORD, "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + TestMail.PORT, "--nextbox.public-url=http://localhost:" + port,
				"--nextbox.shipments.cron=-", "--nextbox.reminders.cron=*/2 * * * * *",
				"--nextbox.invitations.per-minute=600"));
		browser = new Browser(port);
	}

	@AfterEach
	void closeEverything() throws Exception {
		if (browser != null) {
			browser.close();
		}
		app.close();
	}

	@Test
	void aMerchantSetsUpTheStoreAndAnInvitedCustomerAddsAnAddOnFromTheReminder() throws Exception {
		new LoginPage(browser).open().logInAs(OWNER, OWNER_PASSWORD);
		assertThat(browser.path()).startsWith("/admin");

		product("TEA-ASSAM", "Assam Breakfast", "9.00", false);
		product("SNACK-OAT", "Oat Biscuits", "5.50", true);
		plan("PLAN-TEA", "Tea Box", "Tea", "18.00", "Assam Breakfast");
		offer("Biscuits with tea", "Oat Biscuits");

		importHistory();
		importSubscriptions();
		inviteEveryone();

		browser.logOut();
		Received invitation = mailTo(CUSTOMER, "invites you to manage your subscription");
		browser.open(pathOf(invitation.link()));
		browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
		browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/portal"));
		assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("Tea Box");

		Received reminder = mailTo(CUSTOMER, "changes open until");
		assertThat(reminder.text()).contains("Oat Biscuits").contains("$5.50");
		Matcher add = ADD_LINK.matcher(reminder.text());
		assertThat(add.find()).as("an add link in the reminder:%n%s", reminder.text()).isTrue();
		browser.open(pathOf(add.group()));
		assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("Add Oat Biscuits, $5.50, to your box of");
		fits("reminder-add");
		browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
		browser.waitUntil(driver -> driver.findElement(By.tagName("h1")).getText().equals("Added to your box"));

		browser.open("/portal");
		browser.driver().findElement(By.xpath("//a[contains(@href, '/shipment')]")).click();
		assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("Oat Biscuits");
	}

	private void inviteEveryone() {
		browser.driver().findElement(By.xpath("//form[contains(@action, '/admin/invitations')]//button")).click();
		browser.waitUntil(driver -> driver.getCurrentUrl().contains("/admin/invitations/"));
		browser.waitUntil(driver -> {
			driver.navigate().refresh();
			return driver.findElement(By.cssSelector(".batch-sent")).getText().equals("2");
		});
		fits("invitations-sent");
	}

	/** The first message to this address whose subject contains the words, waiting up to 30 s for it. */
	private static Received mailTo(String address, String subjectWords) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 30_000;
		while (System.currentTimeMillis() < deadline) {
			for (Received mail : TestMail.to(address)) {
				if (mail.subject().contains(subjectWords)) {
					return mail;
				}
			}
			Thread.sleep(250);
		}
		throw new AssertionError("No message to " + address + " about \"" + subjectWords + "\" in 30 s; received: "
				+ TestMail.to(address).stream().map(Received::subject).toList());
	}

	private static String pathOf(String link) {
		return link.substring(link.indexOf('/', "http://".length()));
	}

	private void product(String sku, String name, String price, boolean addOn) {
		browser.open("/admin/products/new");
		type("sku", sku);
		type("name", name);
		type("price", price);
		new Select(find("category")).selectByIndex(1);
		WebElement addOnEligible = browser.driver().findElement(By.name("addOnEligible"));
		if (addOnEligible.isSelected() != addOn) {
			addOnEligible.click();
		}
		submit();
		assertThat(browser.driver().findElements(By.cssSelector(".has-error"))).as("product %s saved", sku).isEmpty();
	}

	private void plan(String sku, String name, String family, String price, String product) {
		browser.open("/admin/plans/new");
		type("newFamily", family);
		type("sku", sku);
		type("name", name);
		type("tier", "1");
		type("price", price);
		type("intervalCount", "4");
		new Select(find("intervalUnit")).selectByValue("WEEK");
		browser.driver()
			.findElement(By.xpath("//label[span[normalize-space()='" + product + "']]/input"))
			.click();
		submit();
		assertThat(browser.driver().findElements(By.cssSelector(".has-error"))).as("plan %s saved", sku).isEmpty();
	}

	private void offer(String name, String product) {
		browser.open("/admin/offers/new");
		type("name", name);
		Select products = new Select(find("productId"));
		products.getOptions()
			.stream()
			.filter(option -> option.getText().startsWith(product + " "))
			.findFirst()
			.orElseThrow()
			.click();
		for (WebElement placement : browser.driver().findElements(By.name("placements"))) {
			if (!placement.isSelected()) {
				placement.click();
			}
		}
		submit();
		assertThat(browser.driver().findElements(By.cssSelector(".has-error"))).as("offer saved").isEmpty();
		browser.open("/admin/offers");
		browser.driver().findElement(By.xpath("//tr[.//*[normalize-space()='" + name + "']]"
				+ "//form[input[@name='status' and @value='ACTIVE']]//button")).click();
		assertThat(browser.driver().findElement(By.cssSelector(".alert-success")).getText()).isNotBlank();
	}

	private void importHistory() throws Exception {
		StringBuilder csv = new StringBuilder("order_id,customer,ordered_at,sku,quantity,unit_price\n");
		LocalDate first = LocalDate.now().minusWeeks(24);
		for (int box = 0; box < 6; box++) {
			LocalDate day = first.plusWeeks(4L * box);
			csv.append("M-").append(box).append(',').append(CUSTOMER).append(',').append(day).append(",PLAN-TEA,1,18.00\n");
			csv.append("R-").append(box).append(",ravi@first-store.test,").append(day).append(",PLAN-TEA,1,18.00\n");
			csv.append("R-").append(box).append(",ravi@first-store.test,").append(day).append(",SNACK-OAT,1,5.50\n");
		}
		upload("/admin/import", csv.toString());
		browser.waitUntil(driver -> driver.findElement(By.id("import-status")).getText().contains("Imported"));
		assertThat(browser.driver().findElement(By.cssSelector(".orders-added")).getText()).isEqualTo("12");
	}

	private void importSubscriptions() throws Exception {
		LocalDate nextBox = LocalDate.now().plusDays(4);
		upload("/admin/import/subscriptions", """
				subscription_id,customer,plan_sku,quantity,interval,next_ship_date
				OLD-1,%s,PLAN-TEA,1,4 weeks,%s
				OLD-2,ravi@first-store.test,PLAN-TEA,1,4 weeks,%s
				""".formatted(CUSTOMER, nextBox, nextBox));
		assertThat(browser.driver().findElement(By.cssSelector(".subscriptions-imported")).getText()).isEqualTo("2");
		fits("subscriptions-imported");
	}

	private void fits(String name) {
		for (int width : new int[] { Browser.DESKTOP_WIDTH, Browser.PHONE_WIDTH }) {
			browser.resize(width);
			assertThat(browser.contentWidth()).as("%s at %d px", name, width)
				.isLessThanOrEqualTo(browser.viewportWidth());
			browser.screenshot("first-store-" + name + "-" + width);
		}
		browser.resize(Browser.DESKTOP_WIDTH);
	}

	private void upload(String page, String csv) throws Exception {
		Path file = Files.createTempFile(app.home(), "upload-", ".csv");
		Files.writeString(file, csv);
		browser.open(page);
		find("file").sendKeys(file.toAbsolutePath().toString());
		browser.driver().findElement(By.cssSelector(".import-form button[type=submit]")).click();
	}

	private WebElement find(String id) {
		return browser.driver().findElement(By.id(id));
	}

	private void type(String id, String value) {
		WebElement field = find(id);
		field.clear();
		field.sendKeys(value);
	}

	private void submit() {
		browser.driver().findElement(By.cssSelector("main form button[type=submit].button-primary")).click();
	}

}
