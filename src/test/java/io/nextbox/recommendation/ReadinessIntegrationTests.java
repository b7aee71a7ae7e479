package io.nextbox.recommendation;

import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@NextboxIntegrationTest
class ReadinessIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private RecommendationService recommendations;

	@Test
	void theReadinessProbeSaysWhetherTheRecommenderHasItsModel() throws Exception {
		recommendations.rebuild();
		mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.recommendations.status").value("UP"))
			.andExpect(jsonPath("$.components.recommendations.details.model").value("built"));
	}

}
