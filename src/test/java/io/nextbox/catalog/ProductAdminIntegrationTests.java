package io.nextbox.catalog;

import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@NextboxIntegrationTest
@WithUserDetails("merchant@nextbox.test")
class ProductAdminIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void productsAreSearchedAndPaged() throws Exception {
		mvc.perform(get("/admin/products").param("q", "honey"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Wildflower Honey"), containsString("Manuka Honey"),
					not(containsString("Oat Biscuits")))));
		mvc.perform(get("/admin/products").param("page", "1"))
			.andExpect(content().string(containsString("Page 2 of")));
	}

	@Test
	void aProductIsCreatedEditedAndRetired() throws Exception {
		String location = mvc.perform(post("/admin/products/new").with(csrf())
			.param("sku", "trt-lemon-cake")
			.param("name", "Lemon Drizzle Cake")
			.param("category", "TREATS")
			.param("price", "7.50")
			.param("inStock", "true")
			.param("addOnEligible", "true"))
			.andExpect(redirectedUrlPattern("/admin/products/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring("/admin/products/".length()));
		assertThat(jdbc.queryForObject("select sku from product where id = ?", String.class, id))
			.isEqualTo("TRT-LEMON-CAKE");

		mvc.perform(post("/admin/products/" + id).with(csrf())
			.param("sku", "TRT-LEMON-CAKE")
			.param("name", "Lemon Drizzle Cake")
			.param("category", "TREATS")
			.param("price", "8.00")
			.param("_inStock", "on")
			.param("_addOnEligible", "on")).andExpect(redirectedUrlPattern("/admin/products/*"));
		assertThat(jdbc.queryForObject("select price from product where id = ?", java.math.BigDecimal.class, id))
			.isEqualByComparingTo("8.00");
		assertThat(jdbc.queryForObject("select in_stock from product where id = ?", Boolean.class, id)).isFalse();

		mvc.perform(post("/admin/products/" + id + "/retire").with(csrf()));
		assertThat(jdbc.queryForObject("select retired from product where id = ?", Boolean.class, id)).isTrue();
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource({ "sku,'',Enter a SKU.", "sku,has space,capital letters", "sku,GEAR-V60,already has this SKU",
			"name,'',Enter the product", "price,-1,0 or more", "price,cheap,Enter an amount",
			"price,1.999,at most two decimals", "imageUrl,javascript:alert(1),https://", "category,'',Choose a category." })
	void aBadProductIsExplainedNextToTheField(String field, String value, String message) throws Exception {
		long products = jdbc.queryForObject("select count(*) from product", Long.class);
		java.util.Map<String, String> form = new java.util.LinkedHashMap<>(java.util.Map.of("sku", "TRT-NEW-ONE",
				"name", "New one", "category", "TREATS", "price", "5.00", "imageUrl", ""));
		form.put(field, value);
		var request = post("/admin/products/new").with(csrf());
		form.forEach(request::param);
		mvc.perform(request)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("field-error"), containsString(message))));
		assertThat(jdbc.queryForObject("select count(*) from product", Long.class)).isEqualTo(products);
	}

	@Test
	@WithUserDetails("subscriber1@nextbox.test")
	void subscribersCannotManageProducts() throws Exception {
		mvc.perform(get("/admin/products")).andExpect(status().isForbidden());
		mvc.perform(post("/admin/products/1/retire").with(csrf())).andExpect(status().isForbidden());
	}

}
