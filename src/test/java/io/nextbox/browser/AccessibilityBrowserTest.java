package io.nextbox.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.deque.html.axecore.providers.EmbeddedResourceAxeProvider;
import io.nextbox.engagement.WidgetService;
import io.nextbox.recommendation.RecommendationService;
import io.nextbox.reminder.ReminderLinksForTests;
import io.nextbox.support.Browser;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: every page of the portal, the admin and the pages around them (sign-in, links from emails, errors)
 * passes an axe-core scan at a desk's and a phone's width, with no serious or critical violation. One browser and
 * one walk through the store, so the scan costs one page load per page.
 */
@NextboxIntegrationTest
class AccessibilityBrowserTest {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private RecommendationService recommendations;

	@Autowired
	private WidgetService widgets;

	@Autowired
	private ApplicationContext context;

	private Browser browser;

	private WebDriver driver;

	/** axe-core as the Selenium binding ships it, injected once per page and run at both widths. */
	private static final String AXE = axeScript();

	/**
	 * axe's rules for WCAG 2.2 A and AA and its best practices, with the experimental check that a control's name
	 * contains its visible text; only the serious and critical violations come back.
	 */
	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, {
			  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
			  rules: { 'label-content-name-mismatch': { enabled: true } },
			  resultTypes: ['violations']
			}).then(results => done(results.violations
			    .filter(rule => rule.impact === 'serious' || rule.impact === 'critical')
			    .map(rule => ({ id: rule.id, impact: rule.impact, help: rule.help,
			                    targets: rule.nodes.map(node => node.target.join(' ')) }))),
			        error => done([{ id: 'axe-error', impact: 'critical', help: String(error), targets: ['document'] }]));
			""";

	/** The pages kept as screenshots (target/screenshots/a11y-*) at both widths, to look at. */
	private static final Set<String> SHOTS = Set.of("subscription", "order", "cancelled subscription",
			"dashboard with a cancelled subscription", "upgrade review", "offers without JavaScript, DASHBOARD",
			"admin overview", "admin menu open", "new offer", "end offer", "retire product", "preview of a subscriber",
			"preview of a holdout subscriber", "subscriber");

	private int scans;

	private long scanNanos;

	private final List<String> violations = new ArrayList<>();

	private final Set<String> scanned = new LinkedHashSet<>();

	@Test
	void everyPageHasNoSeriousOrCriticalViolationOnADeskOrAPhone() throws Exception {
		if (!recommendations.isReady()) {
			recommendations.rebuild();
		}
		browser = Browser.shared(port);
		driver = browser.driver();
		long started = System.nanoTime();
		// absent elements are looked for often here (no upgrade card, no order): answer at once, wait explicitly
		driver.manage().timeouts().implicitlyWait(Duration.ZERO);
		try {
			anonymousPages();
			Owned owned = subscriberOutsideTheHoldout();
			// a plan whose coffee can be swapped for another, so the swap pages are walked too
			jdbc.update("update subscription set plan_id = (select id from plan where sku = 'PLAN-FILTER-250'), "
					+ "quantity = 1 where id = ?", owned.subscriptionId());
			portalPages(owned);
			adminPages(owned);
		}
		finally {
			driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		}

		System.out.printf("axe: %d pages at %d and %d px, %d scans taking %d ms, the whole walk %d ms%n",
				scanned.size(), Browser.DESKTOP_WIDTH, Browser.PHONE_WIDTH, scans, scanNanos / 1_000_000,
				(System.nanoTime() - started) / 1_000_000);
		assertThat(violations).as("serious or critical axe violations on %s", scanned)
			.withFailMessage(() -> "axe found serious or critical violations:\n" + String.join("\n", violations))
			.isEmpty();
	}

	private void anonymousPages() {
		scan("/login", "login");
		driver.findElement(By.id("username")).sendKeys(DemoLogins.MERCHANT);
		driver.findElement(By.id("password")).sendKeys("not the password");
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		browser.waitUntil(d -> !d.findElements(By.cssSelector(".alert")).isEmpty());
		scanHere("login, wrong password");
		scan("/login/code", "sign-in code");
		scan("/login/link/not-a-token", "sign-in link");
		scan("/password/set?token=not-a-token", "set password, unknown link");
		scan("/password/done", "password set");
		scan("/account/email/not-a-token", "email confirmation, unknown link");
		scan("/email/skip?t=not-a-token", "reminder link refused");
	}

	private Owned subscriberOutsideTheHoldout() {
		Owned owned;
		do {
			owned = TestSubscriptions.freshActive(jdbc);
		}
		while (widgets.isInHoldout(owned.subscriberId()));
		return owned;
	}

	private void portalPages(Owned owned) {
		scan(ReminderLinksForTests.unsubscribe(context, owned.subscriberId()), "reminder unsubscribe confirm");
		new LoginPage(browser).open().logInAs(owned.email(), DemoLogins.SUBSCRIBER_PASSWORD);
		String base = "/portal/subscriptions/" + owned.subscriptionId();

		scan("/portal", "dashboard");
		scan(base, "subscription");
		List<WebElement> swap = driver.findElements(By.cssSelector("a.swap-link"));
		assertThat(swap).as("a Swap link for the plan's coffee").isNotEmpty();
		String choose = swap.get(0).getDomAttribute("href");
		scan(base + "/reschedule", "move the next box");
		scan(base + "/interval", "how often");
		scan(base + "/pause", "pause");
		scan(base + "/plan", "plan change, the choice");
		String otherPlan = driver.findElements(By.cssSelector("input[name=planId]"))
			.stream()
			.filter(radio -> !radio.isSelected())
			.map(radio -> radio.getDomAttribute("value"))
			.findFirst()
			.orElseThrow();
		scan(choose, "swap, the choice");
		String to = driver.findElement(By.cssSelector("form.swap-choose input[name=to]")).getDomAttribute("value");
		scan(choose + "/confirm?to=" + to, "swap, the confirm step without JavaScript");
		scan(base + "/plan?planId=" + otherPlan, "plan change review");
		scan(base + "/shipment", "next box");
		for (String placement : List.of("DASHBOARD", "NEXT_SHIPMENT", "POST_PURCHASE", "CANCEL_FLOW")) {
			scan("/portal/widgets/" + placement, "offers without JavaScript, " + placement);
			List<WebElement> upgrade = driver.findElements(By.cssSelector(".upgrade-button"));
			if (!upgrade.isEmpty() && !scanned.contains("upgrade review")) {
				scan(upgrade.get(0).getDomAttribute("href"), "upgrade review");
			}
		}
		scan("/portal/orders", "orders");
		List<WebElement> orders = driver.findElements(By.cssSelector("main a[href^='/portal/orders/']"));
		if (!orders.isEmpty()) {
			scan(orders.get(0).getDomAttribute("href"), "order");
		}
		scan("/portal/account", "account");
		scan("/portal/nothing-here", "not found");
		scan("/admin", "forbidden");

		scan(base + "/cancel", "cancel");
		for (String reason : List.of("TOO_MUCH_PRODUCT", "TOO_EXPENSIVE", "TASTE", "MOVING")) {
			scan(base + "/cancel?reason=" + reason, "cancel, " + reason);
		}
		driver.findElement(By.cssSelector(".cancel-buttons button[type=submit]")).click();
		browser.waitUntil(d -> !d.getCurrentUrl().endsWith("/cancel"));
		scanHere("cancelled subscription");
		scan("/portal", "dashboard with a cancelled subscription");
		browser.logOut();
	}

	private void adminPages(Owned owned) throws Exception {
		new LoginPage(browser).open().logInAs(DemoLogins.MERCHANT, DemoLogins.MERCHANT_PASSWORD);
		scan("/admin", "admin overview");
		browser.resize(Browser.PHONE_WIDTH);
		driver.findElement(By.cssSelector(".nav-menu summary")).click();
		scanHere("admin menu open");

		scan("/admin/offers", "offers");
		String offer = firstId("/admin/offers/");
		scan("/admin/offers/new", "new offer");
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		browser.waitUntil(d -> !d.findElements(By.cssSelector(".field-error, .alert")).isEmpty());
		scanHere("new offer, nothing filled in");
		scan("/admin/offers/" + offer, "offer");
		String active = jdbc.queryForObject("select min(id) from offer where status = 'ACTIVE'", String.class);
		scan("/admin/offers/" + active + "/end", "end offer");

		scan("/admin/analytics", "analytics");
		scan("/admin/analytics/offers/" + offer, "offer analytics");
		scan("/admin/preview", "preview");
		scan("/admin/preview?email=" + subscriberOutsideTheHoldout().email(), "preview of a subscriber");
		Long holdout = jdbc.queryForList("select id from subscriber where id > 3 order by id", Long.class)
			.stream()
			.filter(widgets::isInHoldout)
			.findFirst()
			.orElseThrow();
		scan("/admin/preview?email=" + jdbc.queryForObject("select email from subscriber where id = ?", String.class,
				holdout), "preview of a holdout subscriber");

		scan("/admin/products", "products");
		String product = firstId("/admin/products/");
		scan("/admin/products/new", "new product");
		scan("/admin/products/" + product, "product");
		scan("/admin/products/" + product + "/retire", "retire product");

		scan("/admin/plans", "plans");
		String plan = firstId("/admin/plans/");
		scan("/admin/plans/new", "new plan");
		scan("/admin/plans/" + plan, "plan");
		scan("/admin/plans/" + plan + "/retire", "retire plan");

		scan("/admin/subscribers", "subscribers");
		scan("/admin/subscribers?q=subscriber1", "subscriber search");
		scan("/admin/subscribers/" + owned.subscriberId(), "subscriber");

		scan("/admin/import", "import");
		Path file = Files.createTempFile("a11y-", ".csv");
		try {
			Files.writeString(file, "order_id,customer,ordered_at,sku,quantity,unit_price\n"
					+ "WEB-1,not-an-email,2025-03-01,PLAN-TEA-3,1,16.00\n");
			driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
			driver.findElement(By.cssSelector(".import-form button[type=submit]")).click();
			browser.waitUntil(d -> !d.findElements(By.cssSelector(".problem-list li")).isEmpty());
			scanHere("import with problems");
		}
		finally {
			Files.deleteIfExists(file);
		}
		scan("/admin/import/subscriptions", "subscription import");
		scan("/admin/settings", "settings");
		scan("/admin/staff", "staff");
		scan("/admin/password", "merchant password");
		scan("/admin/audit", "audit log");
		Instant now = Instant.now();
		jdbc.update("insert into invitation_batch (started_at, finished_at, per_minute, total, next_send_millis) "
				+ "values (?, ?, 60, 0, 0)", Timestamp.from(now), Timestamp.from(now));
		scan("/admin/invitations/" + jdbc.queryForObject("select max(id) from invitation_batch", Long.class),
				"invitation progress");
		browser.logOut();
	}

	/** The id in the first link of the page's main table to a page under {@code prefix}. */
	private String firstId(String prefix) {
		String href = driver.findElements(By.cssSelector("main a[href^='" + prefix + "']"))
			.stream()
			.map(link -> link.getDomAttribute("href"))
			.filter(link -> link.substring(prefix.length()).matches("\\d+"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no link to " + prefix + "<id> on " + browser.path()));
		return href.substring(prefix.length());
	}

	private void scan(String path, String name) {
		browser.open(path);
		scanHere(name);
	}

	/** Scans the page as it is now, at a desk's width and at a phone's, once anything htmx loads is in. */
	@SuppressWarnings("unchecked")
	private void scanHere(String name) {
		scanned.add(name);
		String page = name + " (" + browser.path() + ")";
		JavascriptExecutor js = (JavascriptExecutor) driver;
		for (int width : new int[] { Browser.DESKTOP_WIDTH, Browser.PHONE_WIDTH }) {
			browser.resize(width);
			browser.waitUntil(d -> Boolean.TRUE.equals(js.executeScript(
					"return document.readyState === 'complete' && !document.querySelector('.widget-slot noscript')"
							+ " && !document.querySelector('.htmx-request')")));
			if (!Boolean.TRUE.equals(js.executeScript("return !!window.axe"))) {
				js.executeScript(AXE);
			}
			long began = System.nanoTime();
			List<Map<String, Object>> found = (List<Map<String, Object>>) js.executeAsyncScript(RUN);
			scans++;
			scanNanos += System.nanoTime() - began;
			if (width == Browser.PHONE_WIDTH && browser.contentWidth() > browser.viewportWidth()) {
				violations.add("page wider than the phone [serious] %d px of content at %d px: %s"
					.formatted(browser.contentWidth(), width, page));
			}
			if (SHOTS.contains(name)) {
				long height = (Long) js.executeScript("return document.documentElement.scrollHeight");
				browser.resize(width, (int) Math.min(height, 4000));
				browser.screenshot("a11y-" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + width);
			}
			for (Map<String, Object> rule : found) {
				for (Object target : (List<Object>) rule.get("targets")) {
					violations.add("%s [%s] %s at %d px: %s — %s".formatted(rule.get("id"), rule.get("impact"),
							target, width, page, rule.get("help")));
				}
			}
		}
		browser.resize(Browser.DESKTOP_WIDTH);
	}

	private static String axeScript() {
		try {
			return new EmbeddedResourceAxeProvider().getScript();
		}
		catch (Exception ex) {
			throw new IllegalStateException("axe-core's script is not on the test classpath", ex);
		}
	}

}
