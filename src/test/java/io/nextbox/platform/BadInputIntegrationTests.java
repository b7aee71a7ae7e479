package io.nextbox.platform;

import java.math.BigDecimal;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.NewProduct;
import io.nextbox.catalog.ProductCategory;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input a visitor can type or craft (page numbers out of range, wildcards in a search, control characters in
 * a field, a search or a path) gets a page or a 4xx, never a 500.
 */
@NextboxIntegrationTest
class BadInputIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private CatalogService catalog;

	@ParameterizedTest
	@CsvSource({ "/admin/subscribers, merchant@nextbox.test", "/admin/products, merchant@nextbox.test" })
	void aPagePastTheEndShowsTheLastPageWithItsPager(String list, String login) throws Exception {
		String last = mvc.perform(get(list).param("page", "0").with(as(login)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("(?s).*Page 1 of ([0-9]+).*", "$1");
		for (String page : new String[] { "999999999", "2147483647", "85899345" }) {
			mvc.perform(get(list).param("page", page).with(as(login)))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Page " + last + " of " + last),
						containsString("rel=\"prev\""))));
		}
		mvc.perform(get(list).param("page", "-7").with(as(login)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Page 1 of " + last)));
	}

	@ParameterizedTest
	@CsvSource({ "/admin/subscribers, merchant@nextbox.test, abc", "/admin/products, merchant@nextbox.test, 1e3" })
	void aPageThatIsNotANumberIsABadRequest(String list, String login, String page) throws Exception {
		mvc.perform(get(list).param("page", page).with(as(login))).andExpect(status().isBadRequest());
	}

	@ParameterizedTest
	@CsvSource({ "abc", "1e3", "99999999999999999999" })
	void anOrderHistoryKeyThatIsNotAnOrderIdIsABadRequest(String before) throws Exception {
		mvc.perform(get("/portal/orders").param("before", before).with(as("subscriber1@nextbox.test")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anOrderHistoryKeyNoOneHasShowsAnEmptyPageThatLeadsToTheNewestOrders() throws Exception {
		mvc.perform(get("/portal/orders").param("before", "987654321").with(as("subscriber1@nextbox.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("There are no orders on this page."),
					containsString("Newest orders"))));
	}

	@Test
	void percentAndUnderscoreInASubscriberSearchMatchThemselves() throws Exception {
		mvc.perform(get("/admin/subscribers").param("q", "%").with(as("merchant@nextbox.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("No subscriber matches."),
					not(containsString("subscriber1@nextbox.test")))));
		mvc.perform(get("/admin/subscribers").param("q", "subscriber1_@").with(as("merchant@nextbox.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("No subscriber matches."),
					not(containsString("subscriber12@nextbox.test")))));
		mvc.perform(get("/admin/subscribers").param("q", "\\").with(as("merchant@nextbox.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No subscriber matches.")));
	}

	@Test
	void percentAndUnderscoreInAProductSearchMatchThemselves() throws Exception {
		catalog.createProduct(new NewProduct("LIKE-100", "100% Arabica_Blend", "", "", ProductCategory.COFFEE,
				new BigDecimal("9.00"), true, true));
		mvc.perform(get("/admin/products").param("q", "100% arabica_").with(as("merchant@nextbox.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("100% Arabica_Blend")));
		mvc.perform(get("/admin/products").param("q", "1%a").with(as("merchant@nextbox.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No product matches.")));
		mvc.perform(get("/admin/products").param("q", "arabica blend").with(as("merchant@nextbox.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No product matches.")));
		mvc.perform(get("/admin/products").param("q", "arabica_blend").with(as("merchant@nextbox.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("100% Arabica_Blend")));
	}

	@Test
	void controlCharactersInASearchAreIgnored() throws Exception {
		mvc.perform(get("/admin/subscribers").param("q", "subscriber17\u0000@nextbox\u0001").with(as("merchant@nextbox.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("subscriber17@nextbox.test")));
	}

	@Test
	void controlCharactersNeverReachTheDatabaseFromAForm() throws Exception {
		mvc.perform(post("/admin/products/new").with(as("merchant@nextbox.test"))
			.with(csrf())
			.param("sku", "CTRL-1")
			.param("name", "Nul\u0000 mug\u001b")
			.param("description", "two\r\nlines\tand a bell\u0007")
			.param("category", "GEAR")
			.param("price", "4.00")).andExpect(status().isFound());
		assertThat(jdbc.queryForMap("select name, description from product where sku = 'CTRL-1'"))
			.containsEntry("NAME", "Nul mug")
			.containsEntry("DESCRIPTION", "two\r\nlines\tand a bell");
	}

	@Test
	void aFieldOfOnlyControlCharactersIsAnEmptyFieldWithItsMessage() throws Exception {
		mvc.perform(post("/admin/products/new").with(as("merchant@nextbox.test"))
			.with(csrf())
			.param("sku", "CTRL-2")
			.param("name", "\u0000\u0000")
			.param("category", "GEAR")
			.param("price", "4.00"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("class=\"field-error\"")));
		assertThat(jdbc.queryForObject("select count(*) from product where sku = 'CTRL-2'", Long.class)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/portal/orders/A%01B", "/portal/orders/A%00B", "/portal/subscriptions/1%0A" })
	void aPathWithAControlCharacterIsABadRequest(String path) throws Exception {
		mvc.perform(get(java.net.URI.create(path)).with(as("subscriber1@nextbox.test")))
			.andExpect(status().isBadRequest());
	}

	private RequestPostProcessor as(String login) {
		return user(users.loadUserByUsername(login));
	}

}
