package io.nextbox;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * On PostgreSQL, which cannot store a NUL in text, a NUL typed into a search or a form field is cleaned at the
 * edge as on H2: the search runs, the form saves the rest or names the empty field, never a 500. The same
 * context as {@link PostgresApplicationTests}; nothing is left changed.
 */
@Tag("postgres")
@SpringBootTest(properties = { "nextbox.demo.enabled=true", "nextbox.demo.subscribers=60" })
@AutoConfigureMockMvc
@ActiveProfiles({ "postgres", "postgres-test" })
@Import(CleanMigrate.class)
class PostgresBadInputTests {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MockMvc mvc;

	@Test
	@WithUserDetails("merchant@nextbox.test")
	void aNulInASearchIsCleanedNotA500() throws Exception {
		mvc.perform(get("/admin/subscribers").param("q", "subscriber7\u0000@"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("subscriber7@nextbox.test")));
		mvc.perform(get("/admin/products").param("q", "\u0000%_"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No product matches.")));
		mvc.perform(get("/admin/preview").param("email", "subscriber7@nextbox.test\u0000")).andExpect(status().isOk());
		mvc.perform(get("/admin/subscribers").param("page", "999999999")).andExpect(status().isOk());
	}

	@Test
	@WithUserDetails("merchant@nextbox.test")
	void aNulInAFormFieldIsCleanedNotA500() throws Exception {
		var product = jdbc.queryForMap("select id, sku, name, description, category, price, in_stock, add_on_eligible "
				+ "from product order by id limit 1");
		long id = ((Number) product.get("id")).longValue();
		try {
			mvc.perform(post("/admin/products/" + id).with(csrf())
				.param("sku", (String) product.get("sku"))
				.param("name", "Nul\u0000 beans")
				.param("description", "line one\r\nline\u0000 two")
				.param("category", (String) product.get("category"))
				.param("price", product.get("price").toString())
				.param("inStock", "true")
				.param("addOnEligible", "true")).andExpect(status().isFound());
			assertThat(jdbc.queryForObject("select name from product where id = ?", String.class, id))
				.isEqualTo("Nul beans");

			mvc.perform(post("/admin/products/" + id).with(csrf())
				.param("sku", (String) product.get("sku"))
				.param("name", "\u0000")
				.param("category", (String) product.get("category"))
				.param("price", product.get("price").toString()))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("class=\"field-error\"")));
			assertThat(jdbc.queryForObject("select name from product where id = ?", String.class, id))
				.isEqualTo("Nul beans");

			mvc.perform(post("/admin/settings").with(csrf()).param("storeName", "\u0000\u0000").param("currency", "usd"))
				.andExpect(status().isUnprocessableContent());
		}
		finally {
			jdbc.update("update product set name = ?, description = ? where id = ?", product.get("name"),
					product.get("description"), id);
		}
	}

}
