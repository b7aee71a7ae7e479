package io.nextbox.platform.web;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Pages are written as bytes encoded in one call, and they are the same UTF-8 bytes Tomcat's writer wrote. */
@NextboxIntegrationTest
class EncodedPageViewTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ThymeleafViewResolver resolver;

	@Test
	void everyPageIsRenderedByTheEncodingView() throws Exception {
		assertThat(resolver.resolveViewName("subscription/detail", Locale.ENGLISH)).isInstanceOf(EncodedPageView.class);
	}

	@Test
	void aPageWithCharactersBeyondAsciiIsUtf8() throws Exception {
		byte[] body = mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/html;charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String page = new String(body, StandardCharsets.UTF_8);
		assertThat(page).startsWith("<!DOCTYPE html>").contains("Log in · ", "</html>");
		assertThat(page.getBytes(StandardCharsets.UTF_8)).isEqualTo(body);
	}

	@Test
	void theWriterEncodesWhatEachWriteGivesIt() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setCharacterEncoding("UTF-8");
		PrintWriter writer = new EncodedPageView.EncodingResponse(response).getWriter();
		writer.write("<p>2 × $26.00 · it’s ");
		writer.write("☕ 𝄞".toCharArray(), 0, 4);
		writer.write("ab</p>", 2, 4);
		writer.flush();
		assertThat(response.getContentAsByteArray())
			.isEqualTo("<p>2 × $26.00 · it’s ☕ 𝄞</p>".getBytes(StandardCharsets.UTF_8));
	}

}
