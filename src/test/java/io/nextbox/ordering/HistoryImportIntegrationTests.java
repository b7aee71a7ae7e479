package io.nextbox.ordering;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.nextbox.recommendation.RecommendationService;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Order-history import: all or nothing, every problem listed, idempotent, Shopify's export understood. */
@NextboxIntegrationTest
@WithUserDetails("merchant@nextbox.test")
class HistoryImportIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private HistoryImporter importer;

	@Autowired
	private RecommendationService recommendations;

	@LocalServerPort
	private int port;

	@Test
	void aCleanFileIsImportedOnceAndTheRecommenderLearnsFromIt() throws Exception {
		String csv = """
				order_id,customer,ordered_at,sku,quantity,unit_price
				IMP-1,grace@example.test,2025-03-01,PLAN-FILTER-250,1,15.00
				IMP-1,grace@example.test,2025-03-01,GEAR-V60-FILTERS,2,7.00
				IMP-2,grace@example.test,2025-04-01T08:30:00Z,PLAN-FILTER-250,1,15.00
				IMP-2,grace@example.test,2025-04-01T08:30:00Z,TRT-OAT-BISCUITS,1,5.50
				""";
		ImportStatus first = upload("history.csv", csv);
		assertThat(first.status()).isEqualTo("DONE");
		assertThat(first.ordersAdded()).isEqualTo(2);
		assertThat(first.customersNew()).isEqualTo(1);
		assertThat(first.newCustomers()).containsExactly("grace@example.test");
		assertThat(jdbc.queryForObject("select total from orders where order_number = 'IMP-1'", java.math.BigDecimal.class))
			.isEqualByComparingTo("29.00");
		long grace = jdbc.queryForObject("select id from subscriber where email = 'grace@example.test'", Long.class);

		ImportStatus again = upload("history.csv", csv);
		assertThat(again.ordersAdded()).isZero();
		assertThat(again.ordersSkipped()).isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from orders where order_number like 'IMP-%'", Long.class))
			.isEqualTo(2);

		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (recommendations.ordersLearnt(grace) < 2 && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		assertThat(recommendations.ordersLearnt(grace)).isEqualTo(2);
	}

	@Test
	void everyProblemIsListedWithItsLineAndNothingIsImported() throws Exception {
		long orders = jdbc.queryForObject("select count(*) from orders", Long.class);
		ImportStatus rejected = upload("bad.csv", """
				order_id,customer,ordered_at,sku,quantity
				BAD-1,ada@example.test,2025-03-01,PLAN-TEA-3,1
				BAD-1,ada@example.test,31/03/2025,TRT-SHORTBREAD,1
				BAD-2,ada@example.test,2025-03-02,TRT-SHORTBREAD,none
				BAD-3,ada@example.test,2025-03-03,NO-SUCH-SKU,1
				BAD-4,ada@example.test,2025-03-04,,1
				""");
		assertThat(rejected.status()).isEqualTo("REJECTED");
		assertThat(rejected.report()).anySatisfy(line -> assertThat(line).startsWith("line 3:").contains("ISO date"))
			.anySatisfy(line -> assertThat(line).startsWith("line 4:").contains("quantity"))
			.anySatisfy(line -> assertThat(line).startsWith("line 5, sku:").contains("NO-SUCH-SKU"))
			.anySatisfy(line -> assertThat(line).startsWith("line 6:").contains("sku is empty"));
		assertThat(jdbc.queryForObject("select count(*) from orders", Long.class)).isEqualTo(orders);
		assertThat(jdbc.queryForObject("select count(*) from subscriber where email = 'ada@example.test'", Long.class))
			.isZero();
		mvc.perform(get("/admin/import/" + rejected.id()))
			.andExpect(content().string(containsString("Nothing was imported")));
	}

	/** Issue 14: an unknown SKU or an order's total is found after the rows are read, yet listed at its line. */
	@Test
	void theProblemsAreListedInLineOrderWhateverOrderTheyWereFoundIn() throws Exception {
		ImportStatus rejected = upload("unordered.csv", """
				order_id,customer,ordered_at,sku,quantity,unit_price
				ORD-1,ada@example.test,2025-03-01,NO-SUCH-SKU,1,1.00
				ORD-2,ada@example.test,2025-03-01,TRT-SHORTBREAD,none,1.00
				ORD-3,ada@example.test,2025-03-01,TRT-SHORTBREAD,1,1.00
				ORD-4,ada@example.test,2025-03-01,TRT-SHORTBREAD,1,1.00
				ORD-5,ada@example.test,2025-03-01,TRT-SHORTBREAD,1,1.00
				ORD-6,ada@example.test,2025-03-01,TRT-SHORTBREAD,1,1.00
				ORD-7,ada@example.test,2025-03-01,TRT-SHORTBREAD,1,1.00
				ORD-8,ada@example.test,2025-03-01,ANOTHER-UNKNOWN,1,1.00
				ORD-9,ada@example.test,2025-03-01,TRT-SHORTBREAD,1,1.00
				ORD-9,bob@example.test,2025-03-01,TRT-SHORTBREAD,1,1.00
				ORD-11,ada@example.test,31/03/2025,TRT-SHORTBREAD,1,1.00
				ORD-12,ada@example.test,2025-03-01,TRT-SHORTBREAD,100000,99999999.99
				""");
		assertThat(rejected.status()).isEqualTo("REJECTED");
		assertThat(rejected.report()).extracting(line -> line.replaceAll("^line (\\d+).*", "$1"))
			.containsExactly("2", "3", "9", "11", "12", "13");
	}

	@Test
	void aShopifyOrdersExportIsReadByItsOwnColumnNames() throws Exception {
		ImportStatus done = upload("orders_export.csv", """
				Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku
				#1001,kofi@example.test,paid,2025-05-02 10:15:00 +0200,1,Tea Taster,16.00,PLAN-TEA-3
				#1001,,,,1,Wildflower Honey,9.00,TRT-HONEY-WILDFLOWER
				#1002,kofi@example.test,paid,2025-06-02 10:15:00 +0200,1,Tea Taster,16.00,PLAN-TEA-3
				""");
		assertThat(done.status()).isEqualTo("DONE");
		assertThat(done.ordersAdded()).isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from order_line l join orders o on o.id = l.order_id "
				+ "where o.order_number = '#1001'", Long.class))
			.isEqualTo(2);
	}

	@Test
	void aBinaryOrTruncatedFileIsRefusedNotAnError() throws Exception {
		byte[] binary = { (byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff, (byte) 0xfe, 10, 1, 2, 3 };
		ImportStatus png = upload(new MockMultipartFile("file", "photo.png", "image/png", binary));
		assertThat(png.status()).isEqualTo("REJECTED");
		ImportStatus truncated = upload("cut.csv", "order_id,customer,ordered_at,sku\nT-1,\"ada@exam");
		assertThat(truncated.status()).isEqualTo("REJECTED");
		assertThat(truncated.report()).anySatisfy(line -> assertThat(line).contains("line 2").contains("not closed"));
	}

	@Test
	void uploadingNothingSaysSo() throws Exception {
		mvc.perform(multipart("/admin/import").file(new MockMultipartFile("file", new byte[0])).with(csrf()))
			.andExpect(redirectedUrl("/admin/import"))
			.andExpect(flash().attribute("uploadError", "import.noFile"));
	}

	@Test
	@WithUserDetails("subscriber1@nextbox.test")
	void subscribersCannotImport() throws Exception {
		mvc.perform(multipart("/admin/import").file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[1]))
			.with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void anImportLeftUnfinishedByAProcessThatDiedIsMarkedFailedAtStartAndItsFileDeleted() throws Exception {
		String host = InetAddress.getLocalHost().getHostName();
		Process finished = new ProcessBuilder("true").start();
		finished.waitFor();
		Path crashedFile = Files.createTempFile("nextbox-import-", ".csv");
		Files.writeString(crashedFile, "order_id,customer,ordered_at,sku\n");
		Instant now = Instant.now();
		long crashed = unfinished("crashed.csv", "IMPORTING", host, finished.pid(), now, crashedFile);
		long silent = unfinished("silent.csv", "CHECKING", "another-instance", 1, now.minus(Duration.ofMinutes(5)),
				null);
		long running = unfinished("running.csv", "IMPORTING", "another-instance", 1, now, null);
		try {
			importer.failInterrupted();

			assertThat(importer.status(crashed).orElseThrow().status()).isEqualTo("FAILED");
			assertThat(importer.status(silent).orElseThrow().status()).isEqualTo("FAILED");
			assertThat(importer.status(running).orElseThrow().status()).isEqualTo("IMPORTING");
			assertThat(crashedFile).doesNotExist();
			mvc.perform(get("/admin/import/" + crashed))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("The import failed and nothing was imported.")))
				.andExpect(content().string(containsString("The application stopped while this import ran")))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("hx-trigger"))));
		}
		finally {
			jdbc.update("update history_import set status = 'FAILED' where id = ?", running);
			Files.deleteIfExists(crashedFile);
		}
	}

	@Test
	void valuesThatDoNotFitAColumnAreFoundByTheCheckWithTheirLinesAndNothingIsWritten() throws Exception {
		long orders = jdbc.queryForObject("select count(*) from orders", Long.class);
		long subscribers = jdbc.queryForObject("select count(*) from subscriber", Long.class);
		String longId = "L".repeat(65);
		String longEmail = "x".repeat(60) + "@" + "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(63) + ".test";
		ImportStatus rejected = upload("unfit.csv", String.join("\n",
				"order_id,customer,ordered_at,sku,quantity,unit_price",
				"FIT-1,fit@example.test,2025-03-01,PLAN-TEA-3,1,16.00",
				longId + ",fit@example.test,2025-03-01,PLAN-TEA-3,1,16.00",
				"FIT-3," + longEmail + ",2025-03-01,PLAN-TEA-3,1,16.00",
				"FIT-4,fit@example.test,2025-03-01,PLAN-TEA-3,2147483647,16.00",
				"FIT-5,fit@example.test,2025-03-01,PLAN-TEA-3,2147483648,16.00",
				"FIT-6,fit@example.test,2025-03-01,PLAN-TEA-3,1,1e20",
				"FIT-7,fit@example.test,2025-03-01,PLAN-TEA-3,1,-3.00",
				"FIT-8,fit@example.test,2025-03-01,PLAN-TEA-3,1,NaN",
				"FIT-9,fit@example.test,2025-03-01,PLAN-TEA-3,1,100000000.00",
				"FIT-10,fit@example.test,2025-03-01,PLAN-TEA-3,1,16.005",
				"FIT-11,not-an-email,2025-03-01,PLAN-TEA-3,1,16.00",
				"FIT-12,fit@example.test,2025-03-01,PLAN-TEA-3,100000,99999999.99", ""));
		assertThat(rejected.status()).isEqualTo("REJECTED");
		assertThat(rejected.report()).anySatisfy(line -> assertThat(line).startsWith("line 3:").contains("order_id")
			.contains("65 characters").contains("at most 64"))
			.anySatisfy(line -> assertThat(line).startsWith("line 4:").contains("at most 254"))
			.anySatisfy(line -> assertThat(line).startsWith("line 5:").contains("quantity \"2147483647\" is more than"))
			.anySatisfy(line -> assertThat(line).startsWith("line 6:").contains("quantity \"2147483648\" is more than"))
			.anySatisfy(line -> assertThat(line).startsWith("line 7:").contains("unit_price \"1e20\" is more than"))
			.anySatisfy(line -> assertThat(line).startsWith("line 8:").contains("negative"))
			.anySatisfy(line -> assertThat(line).startsWith("line 9:").contains("\"NaN\" is not a number"))
			.anySatisfy(line -> assertThat(line).startsWith("line 10:").contains("99999999.99"))
			.anySatisfy(line -> assertThat(line).startsWith("line 11:").contains("more than 2 decimals"))
			.anySatisfy(line -> assertThat(line).startsWith("line 12:")
				.contains("\"not-an-email\" is not an email address"))
			.anySatisfy(line -> assertThat(line).startsWith("line 13:").contains("order \"FIT-12\" adds up to"))
			.allSatisfy(HistoryImportIntegrationTests::plain);
		assertThat(jdbc.queryForObject("select count(*) from orders", Long.class)).isEqualTo(orders);
		assertThat(jdbc.queryForObject("select count(*) from subscriber", Long.class)).isEqualTo(subscribers);
	}

	@Test
	void eachValueThatDoesNotFitIsRejectedInPlainWordsOnItsOwn() throws Exception {
		List<String> rows = List.of("O".repeat(65) + ",one@example.test,2025-03-01,PLAN-TEA-3,1,16.00",
				"ONE-2," + "y".repeat(64) + "@" + "g".repeat(63) + "." + "h".repeat(63) + "." + "i".repeat(60)
						+ ".test,2025-03-01,PLAN-TEA-3,1,16.00",
				"ONE-3,one@example.test,2025-03-01,PLAN-TEA-3,2147483647,16.00",
				"ONE-4,one@example.test,2025-03-01,PLAN-TEA-3,1,1e20",
				"ONE-5,not-an-email,2025-03-01,PLAN-TEA-3,1,16.00");
		for (String row : rows) {
			ImportStatus status = upload("one.csv", "order_id,customer,ordered_at,sku,quantity,unit_price\n" + row);
			assertThat(status.status()).as(row).isEqualTo("REJECTED");
			assertThat(status.report()).as(row).singleElement().satisfies(line -> {
				assertThat(line).startsWith("line 2:");
				plain(line);
			});
			mvc.perform(get("/admin/import/" + status.id()))
				.andExpect(content().string(containsString("Nothing was imported")));
		}
	}

	@Test
	void everyNewCustomerIsKeptHoweverLongTheList() throws Exception {
		int count = 250;
		List<String> emails = IntStream.range(0, count)
			.mapToObj(i -> "c%03d-%s@%s.%s.%s.test".formatted(i, "n".repeat(59), "p".repeat(63), "q".repeat(63),
					"r".repeat(50)))
			.toList();
		StringBuilder csv = new StringBuilder("order_id,customer,ordered_at,sku,quantity,unit_price\n");
		for (int i = 0; i < count; i++) {
			csv.append("MANY-").append(i).append(',').append(emails.get(i)).append(",2025-03-01,PLAN-TEA-3,1,16.00\n");
		}
		ImportStatus done = upload("many.csv", csv.toString());
		assertThat(done.status()).as(String.join("\n", done.report())).isEqualTo("DONE");
		assertThat(done.customersNew()).isEqualTo(count);
		assertThat(done.newCustomers()).hasSize(HistoryImporter.MAX_PROBLEMS).isSubsetOf(emails);
		mvc.perform(get("/admin/import/" + done.id()))
			.andExpect(content().string(containsString("… and 50 more.")))
			.andExpect(content().string(containsString(emails.get(0))));
		String all = mvc.perform(get("/admin/import/" + done.id() + "/customers.csv"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(all.lines().skip(1).toList()).containsExactlyElementsOf(emails);
	}

	@Test
	void importsThatDoNotExistAreNotFound() throws Exception {
		HttpClient http = merchant();
		for (String id : List.of("999999", "-1", "abc", "99999999999999999999999", "1.5")) {
			HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/admin/import/" + id))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).as(id).isEqualTo(404);
			assertThat(page.body()).as(id).contains("We could not find that page");
			mvc.perform(get("/admin/import/" + id + "/customers.csv")).andExpect(status().isNotFound());
		}
	}

	@Test
	void aFileOverTheUploadLimitIsAnsweredWithTheImportPageAndItsMessage() throws Exception {
		HttpClient http = merchant();
		long imports = jdbc.queryForObject("select count(*) from history_import", Long.class);
		// just over the file limit (25 MB), and over the whole request's limit (26 MB)
		for (int size : new int[] { 25 * 1024 * 1024 + 1, 27 * 1024 * 1024 }) {
			String page = http.send(HttpRequest.newBuilder(URI.create(base() + "/admin/import")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/admin/import"))
				.header("Accept", "text/html")
				.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
				.POST(HttpRequest.BodyPublishers.ofByteArray(bigUpload(csrfToken(page), size)))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as("size %d", size).isEqualTo(413);
			assertThat(answer.body()).as("size %d", size)
				.contains("That file is larger than 25 MB")
				.contains("Check and import");
		}
		assertThat(jdbc.queryForObject("select count(*) from history_import", Long.class)).isEqualTo(imports);
	}

	private static final String BOUNDARY = "nextboxTestBoundary";

	private static byte[] bigUpload(String csrf, int size) {
		byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
				+ "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + size + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		Arrays.fill(body, head.length, head.length + size, (byte) 'a');
		System.arraycopy(tail, 0, body, head.length + size, tail.length);
		return body;
	}

	/** A client signed in as the merchant on the running server, as a browser would be. */
	private HttpClient merchant() throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String login = http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + DemoLogins.MERCHANT + "&password="
					+ DemoLogins.MERCHANT_PASSWORD + "&_csrf=" + csrfToken(login)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		return http;
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private static String csrfToken(String html) {
		Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(html);
		assertThat(token.find()).as("a CSRF token on the page").isTrue();
		return token.group(1);
	}

	/** A problem as the merchant reads it: no database, driver or Java words. */
	private static void plain(String line) {
		assertThat(line.toLowerCase(java.util.Locale.ROOT)).doesNotContain("sql", "jdbc", "constraint", "exception",
				"value too long", "numeric", "varchar", "org.", "java.", "overflow", "out of range");
	}

	private long unfinished(String name, String status, String host, long pid, Instant heartbeat, Path file) {
		jdbc.update("insert into history_import (file_name, status, total_lines, processed, orders_added, "
				+ "orders_skipped, customers_new, created_at, runner_host, runner_pid, heartbeat_at, temp_file) "
				+ "values (?, ?, 10, 5, 0, 0, 0, ?, ?, ?, ?, ?)", name, status, Timestamp.from(heartbeat), host, pid,
				Timestamp.from(heartbeat), file == null ? null : file.toString());
		return jdbc.queryForObject("select max(id) from history_import where file_name = ?", Long.class, name);
	}

	private ImportStatus upload(String name, String csv) throws Exception {
		return upload(new MockMultipartFile("file", name, "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
	}

	private ImportStatus upload(MockMultipartFile file) throws Exception {
		String location = mvc.perform(multipart("/admin/import").file(file).with(csrf()))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring("/admin/import/".length()));
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		ImportStatus status = importer.status(id).orElseThrow();
		while (!status.finished() && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
			status = importer.status(id).orElseThrow();
		}
		return status;
	}

}
