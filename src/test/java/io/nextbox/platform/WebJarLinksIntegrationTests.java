package io.nextbox.platform;

import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@NextboxIntegrationTest
class WebJarLinksIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void theHtmxLinkIsVersionedAndPageLinksAreLeftAlone() throws Exception {
		String page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).containsPattern("src=\"/webjars/htmx\\.org/[0-9][0-9.]*/dist/htmx\\.min\\.js\"")
			.contains("href=\"/css/nextbox.css\"");
		mvc.perform(get(page.replaceAll("(?s).*src=\"(/webjars/htmx\\.org/[^\"]+)\".*", "$1")))
			.andExpect(status().isOk());
	}

	@Test
	void onlyTheWebJarLinkFilterRewritesLinks() {
		assertThat(context.getBeansOfType(ResourceUrlEncodingFilter.class).values())
			.singleElement()
			.isInstanceOf(WebJarLinks.class);
	}

}
