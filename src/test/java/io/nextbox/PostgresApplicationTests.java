package io.nextbox;

import java.math.BigDecimal;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.NewProduct;
import io.nextbox.catalog.ProductCategory;
import io.nextbox.support.CleanMigrate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The whole application on PostgreSQL, migrated from an empty schema and seeded with a small demo store. */
@Tag("postgres")
@SpringBootTest(properties = { "nextbox.demo.enabled=true", "nextbox.demo.subscribers=60" })
@AutoConfigureMockMvc
@ActiveProfiles({ "postgres", "postgres-test" })
@Import(CleanMigrate.class)
class PostgresApplicationTests {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private CatalogService catalog;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void runsOnPostgresql() {
		assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
		assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Long.class))
			.isPositive();
	}

	@Test
	void theDemoStoreSeedsThroughTheSameBulkLoads() {
		assertThat(jdbc.queryForObject("select count(*) from subscriber", Long.class)).isEqualTo(60);
		assertThat(jdbc.queryForObject("select count(*) from product", Long.class)).isEqualTo(40);
		assertThat(jdbc.queryForObject("select count(*) from orders", Long.class)).isGreaterThan(60 * 6);
	}

	@Test
	@WithUserDetails("subscriber1@nextbox.test")
	void aSubscriberSeesTheirSubscriptions() throws Exception {
		mvc.perform(get("/portal")).andExpect(status().isOk()).andExpect(content().string(containsString("Filter Coffee")));
	}

	@Test
	@WithUserDetails("merchant@nextbox.test")
	void theMerchantSeesTheStoreCounts() throws Exception {
		mvc.perform(get("/admin")).andExpect(status().isOk()).andExpect(content().string(containsString("<dd>60</dd>")));
	}

	@Test
	@WithUserDetails("merchant@nextbox.test")
	void theMerchantFindsASubscriberAndActsForThem() throws Exception {
		mvc.perform(get("/admin/subscribers?q=SUBSCRIBER2@")).andExpect(status().isOk())
			.andExpect(content().string(containsString("subscriber2@nextbox.test")));
		var subscription = jdbc.queryForMap("select s.id, s.subscriber_id, s.version from subscription s join "
				+ "subscriber u on u.id = s.subscriber_id where u.email = 'subscriber2@nextbox.test' "
				+ "and s.status = 'ACTIVE' order by s.id limit 1");
		String page = "/admin/subscribers/" + subscription.get("subscriber_id");
		mvc.perform(get(page)).andExpect(status().isOk());
		mvc.perform(post(page + "/subscriptions/" + subscription.get("id") + "/pause").with(csrf())
			.param("version", String.valueOf(subscription.get("version")))).andExpect(status().isFound());
		assertThat(jdbc.queryForObject("select actor from subscription_event where subscription_id = ? and by_store "
				+ "and kind = 'PAUSED'", String.class, subscription.get("id"))).isEqualTo("merchant@nextbox.test");
	}

	/** Issue 14: the conditional update that lets one of two Retire clicks do it, on PostgreSQL; rolled back. */
	@Test
	@WithUserDetails("merchant@nextbox.test")
	void aProductIsRetiredOnceHoweverOftenRetireIsClicked() {
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			long id = catalog.createProduct(new NewProduct("TRT-PG-RETIRE", "Retire on PostgreSQL", "", "",
					ProductCategory.TREATS, new BigDecimal("2.00"), true, true));
			catalog.retireProduct(id);
			catalog.retireProduct(id);
			assertThat(jdbc.queryForObject("select retired from product where id = ?", Boolean.class, id)).isTrue();
			assertThat(jdbc.queryForObject("select count(*) from audit_entry where area = 'PRODUCTS' and subject_id = ? "
					+ "and changes like '%RETIRED%'", Long.class, id)).isOne();
			tx.setRollbackOnly();
		});
	}

}
