package io.nextbox.platform.web;

import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The page a plain request that lost a race with another change is shown (the 409 error page). */
@NextboxIntegrationTest
class ConflictPageTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService users;

	@Test
	void the409PageSaysWhatHappenedAndWhatToDo() throws Exception {
		mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 409)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/admin/offers/3")
			.accept("text/html")
			.with(user(users.loadUserByUsername(DemoLogins.MERCHANT))))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("<h1>This changed a moment ago</h1>"),
					containsString("so yours was not made. Open the page again to see it as it is now."),
					containsString("Back to the start"))));
	}

}
