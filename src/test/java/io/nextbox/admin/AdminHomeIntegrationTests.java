package io.nextbox.admin;

import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


@NextboxIntegrationTest
class AdminHomeIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	@WithUserDetails("merchant@nextbox.test")
	void inDemoModeTheMerchantRunsTodaysShipmentsFromTheAdminHome() throws Exception {
		mvc.perform(get("/admin")).andExpect(content().string(containsString("Process today")));
		mvc.perform(post("/admin/shipments/process").with(csrf()))
			.andExpect(redirectedUrl("/admin"))
			.andExpect(flash().attribute("message", containsString("orders placed")));
	}

	@Test
	@WithUserDetails("merchant@nextbox.test")
	void theMerchantRebuildsTheRecommendationsOnDemand() throws Exception {
		long orders = jdbc.queryForObject("select count(*) from orders", Long.class);
		mvc.perform(post("/admin/recommendations/rebuild").with(csrf()))
			.andExpect(redirectedUrl("/admin"))
			.andExpect(flash().attribute("message",
					containsString("rebuilt from " + String.format("%,d", orders) + " orders")));
	}

	@Test
	@WithUserDetails("subscriber1@nextbox.test")
	void aSubscriberCannotRunTheProcessor() throws Exception {
		mvc.perform(post("/admin/shipments/process").with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("merchant@nextbox.test")
	void theMerchantSeesTheStoreCounts() throws Exception {
		long orders = jdbc.queryForObject("select count(*) from orders", Long.class);
		long active = jdbc.queryForObject("select count(*) from subscription where status = 'ACTIVE'", Long.class);
		long products = jdbc.queryForObject("select count(*) from product where retired = false", Long.class);
		mvc.perform(get("/admin"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("productCount", products))
			.andExpect(model().attribute("planCount",
					jdbc.queryForObject("select count(*) from plan where retired = false", Long.class)))
			.andExpect(model().attribute("orderCount", orders))
			.andExpect(model().attribute("activeSubscriptionCount", active))
			.andExpect(content().string(containsString("<dd>" + products + "</dd>")))
			.andExpect(content().string(containsString("<dd>" + String.format("%,d", orders) + "</dd>")));
	}

}
