package io.nextbox.catalog;

import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@NextboxIntegrationTest
@WithUserDetails("merchant@nextbox.test")
class PlanAdminIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private CatalogService catalog;

	@Test
	void plansAreListedByFamilyAndTier() throws Exception {
		mvc.perform(get("/admin/plans"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Tea Taster: 3 teas"), containsString("Espresso 1 kg"))));
	}

	@Test
	void aPlanIsCreatedInANewFamilyEditedAndRetired() throws Exception {
		long matcha = jdbc.queryForObject("select id from product where sku = 'TEA-MATCHA'", Long.class);
		long whisk = jdbc.queryForObject("select id from product where sku = 'GEAR-MATCHA-WHISK'", Long.class);
		String location = mvc.perform(post("/admin/plans/new").with(csrf())
			.param("newFamily", "Matcha")
			.param("sku", "plan-matcha-1")
			.param("name", "Matcha Monthly")
			.param("tier", "1")
			.param("price", "24.00")
			.param("intervalCount", "1")
			.param("intervalUnit", "MONTH")
			.param("productIds", String.valueOf(matcha), String.valueOf(whisk)))
			.andExpect(redirectedUrlPattern("/admin/plans/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring("/admin/plans/".length()));
		PlanSummary plan = catalog.plan(id).orElseThrow();
		assertThat(plan.familyName()).isEqualTo("Matcha");
		assertThat(plan.sku()).isEqualTo("PLAN-MATCHA-1");
		assertThat(catalog.planContents().get(id)).containsExactlyInAnyOrder(matcha, whisk);

		mvc.perform(post("/admin/plans/" + id).with(csrf())
			.param("familyId", String.valueOf(plan.familyId()))
			.param("sku", "PLAN-MATCHA-1")
			.param("name", "Matcha Monthly")
			.param("tier", "1")
			.param("price", "26.00")
			.param("intervalCount", "1")
			.param("intervalUnit", "MONTH")
			.param("productIds", String.valueOf(matcha))).andExpect(redirectedUrlPattern("/admin/plans/*"));
		assertThat(catalog.plan(id).orElseThrow().price()).isEqualByComparingTo("26.00");
		assertThat(catalog.planContents().get(id)).containsExactly(matcha);

		mvc.perform(post("/admin/plans/" + id + "/retire").with(csrf()));
		assertThat(catalog.plan(id).orElseThrow().retired()).isTrue();
		assertThat(catalog.plansInFamily(plan.familyId())).isEmpty();
	}

	@Test
	void aBadPlanIsRefusedWithReasonsAndLeavesNoNewFamilyBehind() throws Exception {
		long families = jdbc.queryForObject("select count(*) from plan_family", Long.class);
		mvc.perform(post("/admin/plans/new").with(csrf())
			.param("newFamily", "Cocoa")
			.param("sku", "PLAN-TEA-3")
			.param("name", "Cocoa")
			.param("tier", "1")
			.param("price", "10.00")
			.param("intervalCount", "2")
			.param("intervalUnit", "WEEK")
			.param("productIds", String.valueOf(jdbc.queryForObject("select min(id) from product", Long.class))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("already has this SKU")));
		mvc.perform(post("/admin/plans/new").with(csrf())
			.param("sku", "PLAN-NOTHING")
			.param("name", "Nothing")
			.param("tier", "0")
			.param("price", "0")
			.param("intervalCount", "2")
			.param("intervalUnit", "WEEK"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Choose a family"), containsString("at least one product"),
					containsString("tier from 1 to 20"), containsString("price above 0"))));
		assertThat(jdbc.queryForObject("select count(*) from plan_family", Long.class)).isEqualTo(families);
	}

}
