package io.nextbox.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.nextbox.account.MerchantService;
import io.nextbox.account.NextboxUser;
import io.nextbox.account.Role;
import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.NewProduct;
import io.nextbox.store.StoreSettings;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every merchant change made through the admin pages leaves one entry with who, what and each field before and
 * after; a change that rolls back leaves none; the page filters them and is the merchants' only.
 */
@NextboxIntegrationTest
@WithUserDetails(DemoLogins.MERCHANT)
class AuditLogIntegrationTests {

	private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
	};

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private JsonMapper json;

	@Autowired
	private CatalogService catalog;

	@Autowired
	private MerchantService merchants;

	@Autowired
	private StoreSettingsService settings;

	@Autowired
	private PlatformTransactionManager transactions;

	record Entry(String who, String action, String subject, List<FieldChange> changes) {

		FieldChange change(String field) {
			return changes.stream().filter(change -> change.field().equals(field)).findFirst().orElseThrow();
		}

	}

	@Test
	void anOfferIsRecordedWhenCreatedEditedAndItsStatusChanges() throws Exception {
		String name = unique("Audit offer");
		long product = jdbc.queryForObject("select id from product where sku = 'TRT-STROOPWAFELS'", Long.class);
		long id = idFrom(mvc.perform(offer("/admin/offers/new", name, product, "5")).andReturn()
			.getResponse()
			.getRedirectedUrl());

		mvc.perform(offer("/admin/offers/" + id, name, product, "7")).andExpect(redirectedUrlPattern("/admin/offers/*"));
		mvc.perform(offer("/admin/offers/" + id, name, product, "7")).andExpect(redirectedUrlPattern("/admin/offers/*"));
		mvc.perform(post("/admin/offers/" + id + "/status").param("status", "PAUSED").with(csrf()));
		mvc.perform(post("/admin/offers/" + id + "/status").param("status", "ENDED").with(csrf()));
		mvc.perform(post("/admin/offers/" + id + "/status").param("status", "ACTIVE").with(csrf()));

		List<Entry> entries = entries("OFFERS", id);
		assertThat(entries).extracting(Entry::action).containsExactly("CREATED", "UPDATED", "PAUSED", "ENDED");
		assertThat(entries).extracting(Entry::who).containsOnly(DemoLogins.MERCHANT);
		assertThat(entries).extracting(Entry::subject).containsOnly(name);
		assertThat(entries.get(0).change("priority")).isEqualTo(new FieldChange("priority", "", "5"));
		assertThat(entries.get(1).changes()).containsExactly(new FieldChange("priority", "5", "7"));
		assertThat(entries.get(2).changes()).containsExactly(new FieldChange("status", "DRAFT", "PAUSED"));
		assertThat(entries.get(3).changes()).containsExactly(new FieldChange("status", "PAUSED", "ENDED"));
	}

	@Test
	void aProductIsRecordedWhenCreatedEditedAndRetired() throws Exception {
		String sku = unique("AUD").toUpperCase().replace(' ', '-');
		long id = idFrom(mvc.perform(product("/admin/products/new", sku, "7.50")).andReturn()
			.getResponse()
			.getRedirectedUrl());
		mvc.perform(product("/admin/products/" + id, sku, "8.00"));
		mvc.perform(product("/admin/products/" + id, sku, "8"));
		mvc.perform(post("/admin/products/" + id + "/retire").with(csrf()));
		mvc.perform(post("/admin/products/" + id + "/retire").with(csrf()));

		List<Entry> entries = entries("PRODUCTS", id);
		assertThat(entries).extracting(Entry::action).containsExactly("CREATED", "UPDATED", "RETIRED");
		assertThat(entries.get(0).subject()).isEqualTo("Audit Cake (" + sku + ")");
		assertThat(entries.get(0).change("price")).isEqualTo(new FieldChange("price", "", "7.5"));
		assertThat(entries.get(1).changes()).containsExactly(new FieldChange("price", "7.5", "8"));
		assertThat(entries.get(2).changes()).containsExactly(new FieldChange("status", "LIVE", "RETIRED"));
	}

	@Test
	void aPlanIsRecordedWhenCreatedEditedAndRetired() throws Exception {
		String sku = unique("PLAN-AUD").toUpperCase().replace(' ', '-');
		long beans = jdbc.queryForObject("select id from product where sku = 'COF-KEN-NYERI'", Long.class);
		long id = idFrom(mvc.perform(plan("/admin/plans/new", sku, "2").param("newFamily", unique("Audit family")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl());
		long family = jdbc.queryForObject("select family_id from plan where id = ?", Long.class, id);
		mvc.perform(plan("/admin/plans/" + id, sku, "3").param("familyId", String.valueOf(family)));
		mvc.perform(post("/admin/plans/" + id + "/retire").with(csrf()));

		List<Entry> entries = entries("PLANS", id);
		assertThat(entries).extracting(Entry::action).containsExactly("CREATED", "UPDATED", "RETIRED");
		assertThat(entries.get(0).change("items")).isEqualTo(new FieldChange("items", "", beans + ": 1"));
		assertThat(entries.get(1).changes()).containsExactly(new FieldChange("tier", "2", "3"));
	}

	@Test
	void aSettingsChangeRecordsOnlyTheFieldsThatChanged() throws Exception {
		StoreSettings before = settings.current();
		int window = before.rescheduleWindowDays();
		long already = count("SETTINGS");
		try {
			mvc.perform(settingsForm(before, window + 1)).andExpect(redirectedUrl("/admin/settings"));
			mvc.perform(settingsForm(before, window + 1));

			List<Entry> entries = latest("SETTINGS", (int) (count("SETTINGS") - already));
			assertThat(entries).hasSize(1);
			assertThat(entries.get(0).action()).isEqualTo("UPDATED");
			assertThat(entries.get(0).subject()).isEqualTo(before.storeName());
			assertThat(entries.get(0).changes()).containsExactly(new FieldChange("rescheduleWindowDays",
					String.valueOf(window), String.valueOf(window + 1)));
		}
		finally {
			settings.update(before);
		}
	}

	@Test
	void staffChangesAreRecordedAndAPasswordNeverIs() throws Exception {
		String email = unique("audit-barista").replace(' ', '-') + "@staff.test";
		String password = "roasted beans on tuesday";
		long barista = merchants.createMerchant(email, password);
		String next = "a much longer phrase now";

		mvc.perform(post("/admin/password").with(csrf())
			.with(as(barista, email))
			.param("currentPassword", password)
			.param("newPassword", next)
			.param("confirmation", next));
		String hash = jdbc.queryForObject("select password_hash from account where id = ?", String.class, barista);
		mvc.perform(post("/admin/staff/{id}/remove", barista).with(csrf()));

		List<Entry> entries = entries("STAFF", barista);
		assertThat(entries).extracting(Entry::action).containsExactly("ADDED", "PASSWORD_CHANGED", "REMOVED");
		assertThat(entries).extracting(Entry::who).containsExactly(DemoLogins.MERCHANT, email, DemoLogins.MERCHANT);
		assertThat(entries.get(1).changes()).containsExactly(FieldChange.secret("password"));
		String stored = jdbc.queryForObject("select changes from audit_entry where area = 'STAFF' and subject_id = ? "
				+ "and action = 'PASSWORD_CHANGED'", String.class, barista);
		assertThat(stored).doesNotContain(next, password, hash, "$2");
		assertThat(entries.get(2).changes()).containsExactly(new FieldChange("email", email, ""));
	}

	@Test
	void anImportIsRecordedWhenItStartsAndWhenItEndsWithItsCounts() throws Exception {
		String file = unique("audit") + ".csv";
		String csv = "order_id,customer,ordered_at,sku,quantity,unit_price\n" + unique("AUD-ORDER") + ","
				+ unique("audit-import").replace(' ', '-') + "@example.test,2025-03-01,PLAN-FILTER-250,1,15.00\n";
		long id = idFrom(mvc.perform(multipart("/admin/import")
			.file(new MockMultipartFile("file", file, "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(csrf())).andReturn().getResponse().getRedirectedUrl());
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (entries("IMPORTS", id).size() < 2 && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}

		List<Entry> entries = entries("IMPORTS", id);
		assertThat(entries).extracting(Entry::action).containsExactly("IMPORT_STARTED", "IMPORT_FINISHED");
		assertThat(entries).extracting(Entry::who).containsOnly(DemoLogins.MERCHANT);
		assertThat(entries).extracting(Entry::subject).containsOnly(file);
		assertThat(entries.get(1).changes()).containsExactly(FieldChange.set("ordersAdded", 1),
				FieldChange.set("ordersSkipped", 0), FieldChange.set("customersNew", 1));
	}

	@Test
	void aChangeThatRollsBackLeavesNoEntry() {
		String sku = unique("AUD-RB").toUpperCase().replace(' ', '-');
		long id = catalog.createProduct(cake(sku, "5.00"));
		TransactionTemplate transaction = new TransactionTemplate(transactions);

		transaction.executeWithoutResult(status -> {
			catalog.updateProduct(id, cake(sku, "6.00"));
			status.setRollbackOnly();
		});

		assertThat(entries("PRODUCTS", id)).extracting(Entry::action).containsExactly("CREATED");
		assertThat(jdbc.queryForObject("select price from product where id = ?", java.math.BigDecimal.class, id))
			.isEqualByComparingTo("5.00");
	}

	@Test
	void theFiltersNarrowTheList() throws Exception {
		String marker = unique("FILTERED").replace(' ', '-');
		String subject = "Audit Cake (" + marker + ")";
		long product = catalog.createProduct(cake(marker, "5.00"));
		catalog.retireProduct(product);
		String later = LocalDate.now().plusDays(2).toString();

		mvc.perform(get("/admin/audit").param("q", marker.toLowerCase()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(subject), containsString(">created<"),
					containsString(">retired<"), containsString(">Audit log</a>"))));
		mvc.perform(get("/admin/audit").param("q", marker).param("area", "PLANS"))
			.andExpect(content().string(allOf(not(containsString(subject)), containsString("No change matches."))));
		mvc.perform(get("/admin/audit").param("q", marker).param("area", "PRODUCTS").param("who", "merchant@NEXTBOX"))
			.andExpect(content().string(containsString(subject)));
		mvc.perform(get("/admin/audit").param("q", marker).param("who", "somebody else"))
			.andExpect(content().string(not(containsString(subject))));
		mvc.perform(get("/admin/audit").param("q", marker).param("from", later))
			.andExpect(content().string(not(containsString(subject))));
		mvc.perform(get("/admin/audit").param("q", marker).param("from", "2020-01-01").param("to", later))
			.andExpect(content().string(containsString(subject)));
		mvc.perform(get("/admin/audit").param("q", marker).param("to", "2020-01-01"))
			.andExpect(content().string(not(containsString(subject))));
	}

	@Test
	void badFiltersAreExplainedNotFailed() throws Exception {
		mvc.perform(get("/admin/audit").param("area", "NOPE")
			.param("from", "31/12/2026")
			.param("to", "2026-02-30")
			.param("who", "x".repeat(300))
			.param("page", "many"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Choose an area from the list."),
					containsString("Enter a date as YYYY-MM-DD."), containsString("Keep it under 255 characters."))));
		mvc.perform(get("/admin/audit").param("from", "2026-03-02").param("to", "2026-03-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This day is before the From day.")));
		mvc.perform(get("/admin/audit").param("page", "999999999")).andExpect(status().isOk());
	}

	@Test
	@WithUserDetails("subscriber1@nextbox.test")
	void subscribersAreRefusedTheAuditLog() throws Exception {
		mvc.perform(get("/admin/audit")).andExpect(status().isForbidden());
	}

	private MockHttpServletRequestBuilder offer(String url, String name, long product, String priority) {
		return post(url).with(csrf())
			.param("name", name)
			.param("kind", "ADD_ON")
			.param("productId", String.valueOf(product))
			.param("discountType", "PERCENT")
			.param("discountValue", "20")
			.param("placements", "DASHBOARD", "POST_PURCHASE")
			.param("minOrders", "0")
			.param("minTenureDays", "0")
			.param("priority", priority);
	}

	private MockHttpServletRequestBuilder product(String url, String sku, String price) {
		return post(url).with(csrf())
			.param("sku", sku)
			.param("name", "Audit Cake")
			.param("category", "TREATS")
			.param("price", price)
			.param("inStock", "true")
			.param("addOnEligible", "true");
	}

	private MockHttpServletRequestBuilder plan(String url, String sku, String tier) {
		long beans = jdbc.queryForObject("select id from product where sku = 'COF-KEN-NYERI'", Long.class);
		return post(url).with(csrf())
			.param("sku", sku)
			.param("name", "Audit Plan")
			.param("tier", tier)
			.param("price", "24.00")
			.param("intervalCount", "1")
			.param("intervalUnit", "MONTH")
			.param("productIds", String.valueOf(beans));
	}

	private static MockHttpServletRequestBuilder settingsForm(StoreSettings current, int window) {
		MockHttpServletRequestBuilder form = post("/admin/settings").with(csrf())
			.param("storeName", current.storeName())
			.param("currency", current.currency())
			.param("cutoffHours", String.valueOf(current.cutoffHours()))
			.param("rescheduleWindowDays", String.valueOf(window))
			.param("minQuantity", String.valueOf(current.minQuantity()))
			.param("maxQuantity", String.valueOf(current.maxQuantity()))
			.param("holdoutPercent", String.valueOf(current.holdoutPercent()))
			.param("reminderDays", String.valueOf(current.reminders().daysBeforeCutoff()));
		if (current.reminders().enabled()) {
			form.param("remindersEnabled", "true");
		}
		StoreSettings.PortalActions actions = current.portalActions();
		String[][] toggles = { { "skip", "" + actions.skip() }, { "reschedule", "" + actions.reschedule() },
				{ "pause", "" + actions.pause() }, { "changeInterval", "" + actions.changeInterval() },
				{ "changeQuantity", "" + actions.changeQuantity() }, { "changePlan", "" + actions.changePlan() },
				{ "cancel", "" + actions.cancel() }, { "reactivate", "" + actions.reactivate() },
				{ "swap", "" + actions.swap() } };
		for (String[] toggle : toggles) {
			if (Boolean.parseBoolean(toggle[1])) {
				form.param(toggle[0], "true");
			}
		}
		return form;
	}

	private static NewProduct cake(String sku, String price) {
		return new NewProduct(sku, "Audit Cake", "", null, io.nextbox.catalog.ProductCategory.TREATS,
				new java.math.BigDecimal(price), true, true);
	}

	private static RequestPostProcessor as(long accountId, String email) {
		return user(new NextboxUser(accountId, null, email, email, Role.MERCHANT, "unused"));
	}

	private static long idFrom(String location) {
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	private List<Entry> entries(String area, long subjectId) {
		return jdbc.query("select actor, action, subject, changes from audit_entry where area = ? and subject_id = ? "
				+ "order by id", (row, n) -> new Entry(row.getString(1), row.getString(2), row.getString(3),
						json.readValue(row.getString(4), CHANGES)), area, subjectId);
	}

	private List<Entry> latest(String area, int count) {
		return jdbc.query("select actor, action, subject, changes from audit_entry where area = ? order by id desc "
				+ "limit ?", (row, n) -> new Entry(row.getString(1), row.getString(2), row.getString(3),
						json.readValue(row.getString(4), CHANGES)), area, count);
	}

	private long count(String area) {
		return jdbc.queryForObject("select count(*) from audit_entry where area = ?", Long.class, area);
	}

}
