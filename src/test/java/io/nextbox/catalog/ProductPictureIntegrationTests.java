package io.nextbox.catalog;

import java.util.Arrays;
import java.util.UUID;

import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@NextboxIntegrationTest
@WithUserDetails("merchant@nextbox.test")
class ProductPictureIntegrationTests {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H',
			'D', 'R' };

	private static final byte[] WEBP = { 'R', 'I', 'F', 'F', 20, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' ' };

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void anUploadedPictureIsShownAndServedWithCaching() throws Exception {
		long id = freshProduct();
		upload(id, "jar.png", "image/png", PNG).andExpect(redirectedUrl("/admin/products/" + id));
		String url = imageUrl(id);
		assertThat(url).startsWith("/products/" + id + "/picture?v=");

		String etag = mvc.perform(get(url).with(anonymous()))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andExpect(content().bytes(PNG))
			.andExpect(header().string("Cache-Control", containsString("max-age=31536000")))
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		mvc.perform(get(url).with(anonymous()).header("If-None-Match", etag)).andExpect(status().isNotModified());
		mvc.perform(get("/admin/products/" + id)).andExpect(content().string(containsString("src=\"" + url)));
	}

	@Test
	void theSamePictureSentTwiceIsRecordedOnce() throws Exception {
		long id = freshProduct();
		upload(id, "a.webp", "image/webp", WEBP).andExpect(redirectedUrl("/admin/products/" + id));
		String url = imageUrl(id);
		upload(id, "a.webp", "image/webp", WEBP).andExpect(redirectedUrl("/admin/products/" + id));
		assertThat(imageUrl(id)).isEqualTo(url);
		assertThat(jdbc.queryForObject("select count(*) from product_picture where product_id = ?", Long.class, id))
			.isOne();
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where area = 'PRODUCTS' and subject_id = ? and action = 'UPDATED'",
				Long.class, id)).isOne();
		mvc.perform(get(url).with(anonymous())).andExpect(content().contentType("image/webp"));
	}

	@Test
	void aPictureAboveTwoMegabytesIsRefused() throws Exception {
		long id = freshProduct();
		byte[] large = Arrays.copyOf(PNG, ProductPictures.MAX_BYTES + 1);
		upload(id, "big.png", "image/png", large).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("over 2 MB")));
		assertThat(imageUrl(id)).isNull();
	}

	/** The type is told by the content: a name or a browser's type saying PNG does not make a PNG. */
	@ParameterizedTest
	@ValueSource(strings = { "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
			"GIF89a not welcome", "just text" })
	void aFileThatIsNoPngJpegOrWebpIsRefused(String body) throws Exception {
		long id = freshProduct();
		upload(id, "fake.png", "image/png", body.getBytes()).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("no PNG, JPEG or WebP")));
		assertThat(imageUrl(id)).isNull();
		assertThat(jdbc.queryForObject("select count(*) from product_picture where product_id = ?", Long.class, id))
			.isZero();
	}

	@Test
	void noFileIsExplained() throws Exception {
		long id = freshProduct();
		upload(id, "", "application/octet-stream", new byte[0]).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose a picture")));
	}

	@Test
	void honeyAndChocolateHavePicturesOfTheirOwn() throws Exception {
		assertThat(jdbc.queryForList("select image_url from product where sku like 'TRT-HONEY-%'", String.class))
			.isNotEmpty()
			.containsOnly("/img/products/honey.svg");
		assertThat(jdbc.queryForObject("select image_url from product where sku = 'TRT-DARK-CHOCOLATE'", String.class))
			.isEqualTo("/img/products/chocolate.svg");
		mvc.perform(get("/img/products/honey.svg").with(anonymous())).andExpect(status().isOk());
		mvc.perform(get("/img/products/chocolate.svg").with(anonymous())).andExpect(status().isOk());
	}

	@Test
	void pagesMayShowHttpsPicturesOfTheMerchant() throws Exception {
		mvc.perform(get("/admin/products"))
			.andExpect(header().string("Content-Security-Policy", containsString("img-src 'self' data: https:;")));
	}

	private org.springframework.test.web.servlet.ResultActions upload(long id, String name, String type,
			byte[] bytes) throws Exception {
		return mvc.perform(multipart("/admin/products/{id}/picture", id)
			.file(new MockMultipartFile("picture", name, type, bytes))
			.with(csrf()));
	}

	private String imageUrl(long id) {
		return jdbc.queryForObject("select image_url from product where id = ?", String.class, id);
	}

	private long freshProduct() {
		String sku = "TRT-PIC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		jdbc.update("insert into product (sku, name, description, category, price, in_stock, add_on_eligible, "
				+ "retired, created_at) values (?, 'Picture test', '', 'TREATS', 5.00, true, true, false, "
				+ "current_timestamp)", sku);
		return jdbc.queryForObject("select id from product where sku = ?", Long.class, sku);
	}

}
