package io.nextbox.offer;

import java.math.BigDecimal;
import java.util.Set;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.NewProduct;
import io.nextbox.catalog.ProductCategory;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An offer that targets a plan or family the store does not have (or an empty one among real ones: a crafted form)
 * is the form again, with the reason at the field, and nothing is saved.
 */
@NextboxIntegrationTest
class OfferTargetIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private CatalogService catalog;

	@Autowired
	private OfferService offers;

	@ParameterizedTest(name = "{0} {1}={2}")
	@CsvSource(delimiter = '|', value = {
			"ADD_ON  | targetFamilyIds | 999999 | One of the chosen plan families does not exist",
			"ADD_ON  | targetPlanIds   | 999999 | One of the chosen plans does not exist",
			"ADD_ON  | targetFamilyIds | ;1     | One of the chosen plan families does not exist",
			"ADD_ON  | targetPlanIds   | ;1     | One of the chosen plans does not exist",
			"ADD_ON  | targetFamilyIds | NUL;1  | One of the chosen plan families does not exist",
			"ADD_ON  | targetFamilyIds | -1     | One of the chosen plan families does not exist",
			"UPGRADE | targetFamilyIds | ;1     | One of the chosen plan families does not exist",
			"UPGRADE | targetFamilyIds | 999999 | One of the chosen plan families does not exist",
			"UPGRADE | targetPlanIds   | 999999 | One of the chosen plans does not exist",
			"UPGRADE | targetPlanId    | ''     | Choose the plan this upgrade moves subscribers to",
			"UPGRADE | targetPlanId    | NUL    | Choose the plan this upgrade moves subscribers to",
			"UPGRADE | targetPlanId    | 999999 | Choose the plan this upgrade moves subscribers to" })
	@WithUserDetails("merchant@nextbox.test")
	void anUnknownOrEmptyTargetIsRefusedAtItsFieldAndNothingIsSaved(String kind, String field, String value,
			String message) throws Exception {
		String[] sent = value.replace("NUL", "\u0000").split(";", -1);
		long offers = count();
		mvc.perform(offer(post("/admin/offers/new"), kind, field).param(field, sent))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString(message), containsString("class=\"field-error\""))));
		assertThat(count()).isEqualTo(offers);

		long existing = jdbc.queryForObject("select min(id) from offer", Long.class);
		String before = fingerprint(existing);
		mvc.perform(offer(post("/admin/offers/" + existing), kind, field).param(field, sent))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString(message)));
		assertThat(fingerprint(existing)).isEqualTo(before);
	}

	@Test
	@WithUserDetails("merchant@nextbox.test")
	void aCopyOfAnOfferWhoseProductWasRetiredIsTheFormWithTheReason() throws Exception {
		long product = catalog.createProduct(new NewProduct("RETIRED-COPY", "Soon retired mug", "", "",
				ProductCategory.GEAR, new BigDecimal("9.00"), true, true));
		long offer = offers.create(new OfferDraft("Mug for everyone", OfferKind.ADD_ON, product, null, DiscountType.NONE,
				null, Set.of(Placement.CANCEL_FLOW), Set.of(), Set.of(), 1000, 0, true, null, null, 0));
		catalog.retireProduct(product);
		long count = count();

		mvc.perform(post("/admin/offers/" + offer + "/duplicate").with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Soon retired mug is retired and cannot be offered."),
					containsString("Mug for everyone (copy)"))));
		assertThat(count()).isEqualTo(count);
	}

	private MockHttpServletRequestBuilder offer(MockHttpServletRequestBuilder request, String kind, String field) {
		long product = jdbc.queryForObject("select min(id) from product where retired = false and add_on_eligible = true",
				Long.class);
		long target = jdbc.queryForObject("select max(id) from plan where retired = false", Long.class);
		request.with(csrf()).param("name", "Targeted").param("kind", kind).param("placements", "DASHBOARD");
		if ("ADD_ON".equals(kind)) {
			request.param("productId", String.valueOf(product));
		}
		else if (!"targetPlanId".equals(field)) {
			request.param("targetPlanId", String.valueOf(target));
		}
		return request;
	}

	private long count() {
		return jdbc.queryForObject("select count(*) from offer", Long.class);
	}

	private String fingerprint(long offer) {
		return jdbc.queryForObject("select name || '/' || kind || '/' || coalesce(target_plan_id, 0) || '/' "
				+ "|| (select count(*) from offer_target_plan where offer_id = o.id) || '/' "
				+ "|| (select count(*) from offer_target_family where offer_id = o.id) from offer o where id = ?",
				String.class, offer);
	}

}
