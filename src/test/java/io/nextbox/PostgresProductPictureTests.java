package io.nextbox;

import io.nextbox.support.CleanMigrate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * On PostgreSQL an uploaded picture is kept as bytea and served byte for byte, and a second upload replaces the
 * first. The same context as {@link PostgresApplicationTests}; the test's product is removed afterwards.
 */
@Tag("postgres")
@SpringBootTest(properties = { "nextbox.demo.enabled=true", "nextbox.demo.subscribers=60" })
@AutoConfigureMockMvc
@ActiveProfiles({ "postgres", "postgres-test" })
@Import(CleanMigrate.class)
class PostgresProductPictureTests {

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I',
			'F', 0, (byte) 0x80, (byte) 0xFF };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, (byte) 0x9C };

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MockMvc mvc;

	@Test
	@WithUserDetails("merchant@nextbox.test")
	void anUploadedPictureIsKeptAndReplaced() throws Exception {
		jdbc.update("insert into product (sku, name, description, category, price, in_stock, add_on_eligible, "
				+ "retired, created_at) values ('TRT-PG-PICTURE', 'Picture', '', 'TREATS', 5, true, true, false, now())");
		long id = jdbc.queryForObject("select id from product where sku = 'TRT-PG-PICTURE'", Long.class);
		try {
			upload(id, JPEG);
			mvc.perform(get(imageUrl(id))).andExpect(content().contentType("image/jpeg")).andExpect(content().bytes(JPEG));
			upload(id, PNG);
			mvc.perform(get(imageUrl(id))).andExpect(content().contentType("image/png")).andExpect(content().bytes(PNG));
			assertThat(jdbc.queryForObject("select count(*) from product_picture where product_id = ?", Long.class, id))
				.isOne();
		}
		finally {
			jdbc.update("delete from product_picture where product_id = ?", id);
			jdbc.update("delete from audit_entry where area = 'PRODUCTS' and subject_id = ?", id);
			jdbc.update("delete from product where id = ?", id);
		}
	}

	private void upload(long id, byte[] bytes) throws Exception {
		mvc.perform(multipart("/admin/products/{id}/picture", id)
			.file(new MockMultipartFile("picture", "p", "application/octet-stream", bytes))
			.with(csrf())).andExpect(status().isFound());
	}

	private String imageUrl(long id) {
		return jdbc.queryForObject("select image_url from product where id = ?", String.class, id);
	}

}
