package io.nextbox.subscription;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.nextbox.subscription.SubscriptionImporter.Report;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A store's subscriptions brought over from another platform: all or nothing, every problem by line, once. */
@NextboxIntegrationTest
@WithUserDetails("merchant@nextbox.test")
class SubscriptionImportIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private SubscriptionImporter importer;

	private final LocalDate nextWeek = LocalDate.now().plusDays(7);

	@Test
	void aCleanFileBringsEachSubscriptionOverOnceWithItsNextBox() throws Exception {
		String csv = """
				subscription_id,customer,plan_sku,quantity,interval,next_ship_date,status
				RC-1001,Ines@Moved.test,PLAN-TEA-3,2,2 weeks,%s,active
				RC-1002,ines@moved.test,PLAN-FILTER-250,,,%s,paused
				RC-1003,jon@moved.test,PLAN-TEA-3,1,1 month,,cancelled
				""".formatted(nextWeek, nextWeek.plusDays(30));
		mvc.perform(multipart("/admin/import/subscriptions").file(file(csv)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/import/subscriptions"));

		Map<String, Object> ines = jdbc.queryForMap("""
				select s.quantity, s.interval_count, s.interval_unit, s.status, s.next_shipment_date, u.account_id
				from subscription s join subscriber u on u.id = s.subscriber_id where s.external_id = 'RC-1001'""");
		assertThat(ines).containsEntry("QUANTITY", 2).containsEntry("INTERVAL_COUNT", 2)
			.containsEntry("INTERVAL_UNIT", "WEEK").containsEntry("STATUS", "ACTIVE");
		assertThat(ines.get("ACCOUNT_ID")).as("an imported customer has no login until invited").isNull();
		assertThat(jdbc.queryForObject("""
				select count(*) from shipment sh join subscription s on s.id = sh.subscription_id
				where s.external_id = 'RC-1001' and sh.status = 'OPEN' and sh.ship_date = ?""", Long.class, nextWeek))
			.isOne();
		assertThat(jdbc.queryForObject("select status from subscription where external_id = 'RC-1002'", String.class))
			.isEqualTo("PAUSED");
		assertThat(jdbc.queryForObject("select count(*) from subscriber where email = 'jon@moved.test'", Long.class))
			.as("a cancelled subscription is not brought over")
			.isZero();

		assertThat(jdbc.queryForObject("""
				select changes from audit_entry where area = 'IMPORTS' and subject = 'Subscriptions'
				and actor = 'merchant@nextbox.test' and changes like '%"subscriptions added"%' order by id desc
				fetch first 1 rows only""", String.class)).contains("2");

		Report again = importer.importFile(new java.io.StringReader(csv));
		assertThat(again.imported()).isZero();
		assertThat(again.alreadyKnown()).isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from subscription where external_id like 'RC-100%'", Long.class))
			.isEqualTo(2);
	}

	@Test
	void aFileWithProblemsIsRefusedWholeWithEveryProblemByLine() throws Exception {
		String csv = """
				subscription_id,customer,plan_sku,quantity,interval,next_ship_date
				BAD-1,ok@refused.test,PLAN-TEA-3,1,4 weeks,%s
				BAD-2,not-an-email,PLAN-TEA-3,1,4 weeks,%s
				BAD-3,ok@refused.test,NO-SUCH-PLAN,1,4 weeks,%s
				BAD-4,ok@refused.test,PLAN-TEA-3,1,fortnightly,%s
				BAD-5,ok@refused.test,PLAN-TEA-3,1,4 weeks,2020-01-01
				BAD-6,ok@refused.test,PLAN-TEA-3,999999,4 weeks,%s
				BAD-1,ok@refused.test,PLAN-TEA-3,1,4 weeks,%s
				""".formatted(nextWeek, nextWeek, nextWeek, nextWeek, nextWeek, nextWeek);
		mvc.perform(multipart("/admin/import/subscriptions").file(file(csv)).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("line 3: customer &quot;not-an-email&quot; is not an email address")))
			.andExpect(content().string(containsString("line 4: plan_sku &quot;NO-SUCH-PLAN&quot; is not a plan")))
			.andExpect(content().string(containsString("line 5: interval &quot;fortnightly&quot;")))
			.andExpect(content().string(containsString("line 6: next_ship_date 2020-01-01 is not after today")))
			.andExpect(content().string(containsString("line 7: quantity 999999 is outside the store&#39;s limits")))
			.andExpect(content().string(containsString("line 8: subscription_id &quot;BAD-1&quot; is in the file twice")));
		assertThat(jdbc.queryForObject("select count(*) from subscriber where email = 'ok@refused.test'", Long.class))
			.isZero();
	}

	/** Issue 14: the problems read in line order, line 10 after line 9 (not after line 1). */
	@Test
	void theProblemsAreListedInLineOrder() throws Exception {
		StringBuilder csv = new StringBuilder("subscription_id,customer,plan_sku,quantity,interval,next_ship_date\n");
		for (int row = 2; row <= 12; row++) {
			String plan = row == 3 || row == 10 ? "NO-SUCH-PLAN" : "PLAN-TEA-3";
			String interval = row == 9 || row == 12 ? "fortnightly" : "4 weeks";
			csv.append("ORDER-").append(row).append(",in@order.test,").append(plan).append(",1,").append(interval)
				.append(',').append(nextWeek).append('\n');
		}
		String page = mvc.perform(multipart("/admin/import/subscriptions").file(file(csv.toString())).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.List<String> lines = java.util.regex.Pattern.compile("<li>line (\\d+):")
			.matcher(page)
			.results()
			.map(match -> match.group(1))
			.toList();
		assertThat(lines).containsExactly("3", "9", "10", "12");
	}

	@Test
	void aFileWithoutTheColumnsOrWithoutAFileIsAnsweredWithAMessage() throws Exception {
		mvc.perform(multipart("/admin/import/subscriptions").file(file("email,plan\na@b.test,x\n")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("missing: subscription_id, customer, plan_sku, next_ship_date")));
		mvc.perform(multipart("/admin/import/subscriptions").with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose a CSV file to import.")));
		mvc.perform(multipart("/admin/import/subscriptions").file(file("\"unclosed,quote\n")).with(csrf()))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void twoUploadsOfOneFileAtOnceRecordEachSubscriptionOnce() {
		StringBuilder csv = new StringBuilder("subscription_id,customer,plan_sku,next_ship_date\n");
		for (int i = 0; i < 50; i++) {
			csv.append("TWICE-").append(i).append(",twice").append(i).append("@moved.test,PLAN-TEA-3,").append(nextWeek)
				.append('\n');
		}
		List<CompletableFuture<Report>> uploads = List.of(1, 2, 3)
			.stream()
			.map(n -> CompletableFuture.supplyAsync(() -> importer.importFile(new java.io.StringReader(csv.toString()))))
			.toList();
		List<Report> reports = uploads.stream().map(CompletableFuture::join).toList();
		assertThat(reports).allSatisfy(report -> assertThat(report.refused()).isFalse());
		assertThat(reports.stream().mapToInt(Report::imported).sum()).isEqualTo(50);
		assertThat(jdbc.queryForObject("select count(*) from subscription where external_id like 'TWICE-%'", Long.class))
			.isEqualTo(50);
		assertThat(jdbc.queryForObject("select count(*) from subscriber where email like 'twice%@moved.test'", Long.class))
			.isEqualTo(50);
	}

	private static MockMultipartFile file(String csv) {
		return new MockMultipartFile("file", "subscriptions.csv", "text/csv", csv.getBytes());
	}

}
