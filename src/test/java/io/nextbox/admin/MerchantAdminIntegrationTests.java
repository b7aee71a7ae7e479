package io.nextbox.admin;

import java.math.BigDecimal;
import java.util.Map;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.Interval;
import io.nextbox.catalog.NewPlan;
import io.nextbox.catalog.NewProduct;
import io.nextbox.catalog.ProductCategory;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14: the merchant admin names every section (Plans too), asks before what cannot be undone on a page that
 * needs no JavaScript, says a new offer is a draft and offers its next step on its page, and speaks of plans on the
 * plan form.
 */
@NextboxIntegrationTest
@WithUserDetails("merchant@nextbox.test")
class MerchantAdminIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private CatalogService catalog;

	@Test
	void theNavigationNamesPlansAndMarksTheirPageAndAMenuHoldsEverySection() throws Exception {
		String page = mvc.perform(get("/admin/plans"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).containsPattern("<a href=\"/admin/plans\"[^>]*aria-current=\"page\"[^>]*>Plans</a>");
		String menu = page.substring(page.indexOf("<details class=\"nav-menu\">"), page.indexOf("</details>"));
		assertThat(menu).contains("<summary").contains("Menu");
		for (String section : new String[] { "/admin\"", "/admin/offers\"", "/admin/analytics\"", "/admin/preview\"",
				"/admin/products\"", "/admin/plans\"", "/admin/subscribers\"", "/admin/import\"", "/admin/settings\"",
				"/admin/staff\"", "/admin/audit\"" }) {
			assertThat(menu).as(section).contains("href=\"" + section);
		}
	}

	@Test
	void endingAnOfferAsksFirstOnAPageOfItsOwnAndASecondEndAnswersAsTheFirst() throws Exception {
		long id = newOffer("Ends with a question");
		mvc.perform(post("/admin/offers/" + id + "/status").param("status", "ACTIVE").with(csrf()));

		mvc.perform(get("/admin/offers"))
			.andExpect(content().string(containsString("href=\"/admin/offers/" + id + "/end\"")));
		mvc.perform(get("/admin/offers/" + id + "/end"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("End Ends with a question?"),
					containsString("cannot be undone"), containsString("pause it instead"),
					containsString("action=\"/admin/offers/" + id + "/status\""),
					containsString("name=\"status\" value=\"ENDED\""))));
		assertThat(offerStatus(id)).as("opening the question changes nothing").isEqualTo("ACTIVE");

		for (int click = 0; click < 2; click++) {
			mvc.perform(post("/admin/offers/" + id + "/status").param("status", "ENDED").with(csrf()))
				.andExpect(redirectedUrl("/admin/offers"))
				.andExpect(flash().attribute("statusChanged", io.nextbox.offer.OfferStatus.ENDED));
		}
		assertThat(offerStatus(id)).isEqualTo("ENDED");
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where area = 'OFFERS' and subject_id = ? "
				+ "and changes like '%ENDED%'", Long.class, id)).as("one change recorded").isOne();
		mvc.perform(get("/admin/offers/" + id + "/end"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("has ended"), not(containsString("value=\"ENDED\"")))));
		mvc.perform(get("/admin/offers/999999/end")).andExpect(status().isNotFound());
	}

	@Test
	void retiringAProductOrAPlanAsksFirstAndASecondRetireAnswersAsTheFirst() throws Exception {
		String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
		long product = catalog.createProduct(new NewProduct("TRT-RETIRING-" + suffix, "Retiring Wafers", "",
				"", ProductCategory.TREATS, new BigDecimal("3.00"), true, true));
		long family = jdbc.queryForObject("select min(id) from plan_family", Long.class);
		long plan = catalog.createPlan(new NewPlan(family, "PLAN-RETIRING-" + suffix, "Retiring Box", "", 19,
				new BigDecimal("9.00"), Interval.weeks(4), Map.of(product, 1)));
		String[][] cases = { { "/admin/products/" + product, "/admin/products", "Retire the product",
				"never offered again", "product" },
				{ "/admin/plans/" + plan, "/admin/plans", "Retire the plan", "No one new can choose it", "plan" } };
		for (String[] each : cases) {
			String path = each[0];
			mvc.perform(get(each[1] + "?q=Retiring"))
				.andExpect(content().string(containsString("href=\"" + path + "/retire\"")));
			mvc.perform(get(path + "/retire"))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("cannot be undone"), containsString(each[3]),
						containsString("method=\"post\" action=\"" + path + "/retire\""),
						containsString(each[2]))));
			assertThat(retired(each[4], path)).as("opening the question changes nothing").isFalse();
			for (int click = 0; click < 2; click++) {
				mvc.perform(post(path + "/retire").with(csrf()))
					.andExpect(redirectedUrl(each[1]))
					.andExpect(flash().attribute("retired", true));
			}
			assertThat(retired(each[4], path)).isTrue();
			assertThat(jdbc.queryForObject("select count(*) from audit_entry where subject_id = ? and area = ? "
					+ "and changes like '%RETIRED%'", Long.class, id(path), each[4].toUpperCase() + "S"))
				.as("one change recorded")
				.isOne();
			mvc.perform(get(path + "/retire"))
				.andExpect(content().string(allOf(containsString("is retired"), not(containsString(each[2])))));
		}
	}

	@Test
	void aNewOfferSaysItIsADraftAndItsPageOffersActivatePauseAndEndByItsStatus() throws Exception {
		long id = jdbc.queryForObject("select id from product where sku = 'TRT-STROOPWAFELS'", Long.class);
		MockHttpServletResponse saved = mvc.perform(offerForm("A draft at first", id))
			.andExpect(redirectedUrlPattern("/admin/offers/*"))
			.andReturn()
			.getResponse();
		String location = saved.getRedirectedUrl();
		long offer = id(location);
		mvc.perform(get(location).cookie(saved.getCookie("SESSION")))
			.andExpect(content().string(allOf(
					containsString("Saved A draft at first as a draft: customers do not see it until you activate it."),
					containsString("badge-offer-draft"), containsString(">Activate<"),
					not(containsString(">Pause<")), containsString("href=\"/admin/offers/" + offer + "/end?from=edit\""))));

		mvc.perform(post("/admin/offers/" + offer + "/status").param("status", "ACTIVE").param("from", "edit")
			.with(csrf())).andExpect(redirectedUrl(location));
		mvc.perform(get(location))
			.andExpect(content().string(allOf(containsString("badge-offer-active"), containsString(">Pause<"),
					not(containsString(">Activate<")), not(containsString("as a draft")))));

		mvc.perform(post("/admin/offers/" + offer + "/status").param("status", "PAUSED").param("from", "edit")
			.with(csrf())).andExpect(redirectedUrl(location));
		mvc.perform(get(location))
			.andExpect(content().string(allOf(containsString("badge-offer-paused"), containsString(">Activate<"),
					not(containsString(">Pause<")))));

		mvc.perform(post("/admin/offers/" + offer + "/status").param("status", "ENDED").param("from", "edit")
			.with(csrf())).andExpect(redirectedUrl(location));
		mvc.perform(get(location))
			.andExpect(content().string(allOf(containsString("badge-offer-ended"), not(containsString(">Activate<")),
					not(containsString(">Pause<")), not(containsString("/end?from=edit")))));
	}

	@Test
	void thePlanFormSpeaksOfPlans() throws Exception {
		mvc.perform(post("/admin/plans/new").with(csrf())
			.param("familyId", String.valueOf(jdbc.queryForObject("select min(id) from plan_family", Long.class)))
			.param("sku", "")
			.param("name", "")
			.param("tier", "1")
			.param("price", "")
			.param("intervalCount", "4")
			.param("intervalUnit", "WEEK"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("This plan cannot be saved yet"),
					containsString("Enter the plan&#39;s name."), containsString("Enter the plan&#39;s SKU."),
					containsString("Enter the price per box."), not(containsString("product cannot")),
					not(containsString("product&#39;s")))));
		mvc.perform(post("/admin/plans/new").with(csrf())
			.param("familyId", String.valueOf(jdbc.queryForObject("select min(id) from plan_family", Long.class)))
			.param("sku", "PLAN-TEA-3")
			.param("name", "Same SKU")
			.param("tier", "1")
			.param("price", "10")
			.param("intervalCount", "4")
			.param("intervalUnit", "WEEK")
			.param("productIds", String.valueOf(jdbc.queryForObject("select min(id) from product", Long.class))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Another plan or product already has this SKU.")));
	}

	private MockHttpServletRequestBuilder offerForm(String name, long product) {
		return post("/admin/offers/new").with(csrf())
			.param("name", name)
			.param("kind", "ADD_ON")
			.param("productId", String.valueOf(product))
			.param("discountType", "PERCENT")
			.param("discountValue", "10")
			.param("placements", "DASHBOARD")
			.param("minOrders", "0")
			.param("minTenureDays", "0")
			.param("priority", "0");
	}

	private long newOffer(String name) throws Exception {
		long product = jdbc.queryForObject("select id from product where sku = 'TRT-STROOPWAFELS'", Long.class);
		return id(mvc.perform(offerForm(name, product)).andReturn().getResponse().getRedirectedUrl());
	}

	private static long id(String path) {
		return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
	}

	private boolean retired(String table, String path) {
		return jdbc.queryForObject("select retired from " + table + " where id = ?", Boolean.class, id(path));
	}

	private String offerStatus(long id) {
		return jdbc.queryForObject("select status from offer where id = ?", String.class, id);
	}

}
