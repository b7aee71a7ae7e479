package io.nextbox.ordering;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import io.nextbox.recommendation.RecommendationService;
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
		assertThat(first.report()).containsExactly("grace@example.test");
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
		ImportStatus status = importer.status(id);
		while (!status.finished() && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
			status = importer.status(id);
		}
		return status;
	}

}
