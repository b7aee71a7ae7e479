package io.nextbox.browser;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;

import io.nextbox.ordering.HistoryImporter;
import io.nextbox.support.Browser;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import pages as a merchant sees them: a file with problems uploaded through the form shows each problem with
 * its line; an import left behind by a crash says it failed and stops waiting; both fit a desktop and a phone.
 */
@NextboxIntegrationTest
class ImportBrowserTest {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private HistoryImporter importer;

	private Browser browser;

	@BeforeEach
	void aMerchantAtTheirDesk() {
		browser = Browser.shared(port);
		new LoginPage(browser).open().logInAs(DemoLogins.MERCHANT, DemoLogins.MERCHANT_PASSWORD);
	}

	@Test
	void aFileWithProblemsListsEachWithItsLine() throws Exception {
		Path file = Files.createTempFile("problems-", ".csv");
		Files.writeString(file, String.join("\n", "order_id,customer,ordered_at,sku,quantity,unit_price",
				"WEB-1,ada@example.test,2025-03-01,PLAN-TEA-3,1,16.00",
				"WEB-2,not-an-email,2025-03-01,PLAN-TEA-3,1,16.00",
				"WEB-3,ada@example.test,2025-03-01,PLAN-TEA-3,2147483647,16.00",
				"WEB-4,ada@example.test,2025-03-01,PLAN-TEA-3,1,1e20",
				"WEB-" + "9".repeat(70) + ",ada@example.test,2025-03-01,PLAN-TEA-3,1,16.00",
				"WEB-6,ada@example.test,31/03/2025,PLAN-TEA-3,1,16.00", ""));
		try {
			browser.open("/admin/import");
			browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
			browser.driver().findElement(By.cssSelector(".import-form button[type=submit]")).click();
			browser.waitUntil(driver -> !driver.findElements(By.cssSelector(".problem-list li")).isEmpty());
			String problems = browser.driver().findElement(By.cssSelector(".problem-list")).getText();
			assertThat(problems).contains("line 3:", "line 4:", "line 5:", "line 6:", "line 7:")
				.doesNotContainIgnoringCase("sql");
			fits("import-rejected");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void anImportLeftByACrashSaysItFailed() throws Exception {
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		Instant now = Instant.now();
		jdbc.update("insert into history_import (file_name, status, total_lines, processed, orders_added, "
				+ "orders_skipped, customers_new, created_at, runner_host, runner_pid, heartbeat_at) "
				+ "values ('orders-2025.csv', 'IMPORTING', 48210, 20000, 0, 0, 0, ?, ?, ?, ?)", Timestamp.from(now),
				InetAddress.getLocalHost().getHostName(), gone.pid(), Timestamp.from(now));
		long id = jdbc.queryForObject("select max(id) from history_import where file_name = 'orders-2025.csv'",
				Long.class);
		importer.failInterrupted();
		browser.open("/admin/import/" + id);
		assertThat(browser.driver().findElement(By.id("import-status")).getText())
			.contains("The import failed and nothing was imported.")
			.contains("The application stopped while this import ran");
		assertThat(browser.driver().findElement(By.id("import-status")).getAttribute("hx-trigger")).isNull();
		fits("import-failed");
	}

	private void fits(String name) {
		for (int width : new int[] { Browser.DESKTOP_WIDTH, Browser.PHONE_WIDTH }) {
			browser.resize(width);
			assertThat(browser.contentWidth()).as("%s at %d px", name, width).isLessThanOrEqualTo(browser.viewportWidth());
			browser.screenshot(name + "-" + width);
		}
		browser.resize(Browser.DESKTOP_WIDTH);
	}

}
