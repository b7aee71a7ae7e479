package io.nextbox.platform.web;

import java.util.stream.Stream;

import io.nextbox.store.StoreSettingsService;
import io.nextbox.support.NextboxWebTest;
import io.nextbox.support.TestStore;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A change that lost a race with another (stale version, lock timeout, deadlock) escaping any controller is
 * answered 409 with a message, never 500: a short message for htmx, the 409 error page otherwise.
 */
@NextboxWebTest(ConcurrentChangeAdviceTests.Racing.class)
@Import(ConcurrentChangeAdviceTests.Racing.class)
class ConcurrentChangeAdviceTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private StoreSettingsService settings;

	/** A controller whose change always loses a race, in each of the ways a database says so. */
	@Controller
	static class Racing {

		@PostMapping("/portal/race/{kind}")
		String change(@PathVariable String kind) {
			throw switch (kind) {
				case "optimistic" -> new ObjectOptimisticLockingFailureException("Offer", 3L);
				case "lockTimeout" -> new CannotAcquireLockException("Timeout trying to lock table \"SUBSCRIPTION\"");
				case "deadlock" -> new PessimisticLockingFailureException("Deadlock detected");
				case "jpaOptimistic" -> new OptimisticLockException("Row was updated by another transaction");
				case "jpaLockTimeout" -> new LockTimeoutException("Lock timeout");
				default -> new IllegalArgumentException(kind);
			};
		}

	}

	static Stream<String> races() {
		return Stream.of("optimistic", "lockTimeout", "deadlock", "jpaOptimistic", "jpaLockTimeout");
	}

	@BeforeEach
	void aStore() {
		given(settings.current()).willReturn(TestStore.settings());
	}

	@ParameterizedTest
	@MethodSource("races")
	void anHtmxRequestGetsABare409ForThePageToSayItChanged(String race) throws Exception {
		mvc.perform(post("/portal/race/" + race).header("HX-Request", "true")
			.with(user(TestStore.SUBSCRIBER))
			.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(""));
	}

	@ParameterizedTest
	@MethodSource("races")
	void aPlainRequestGets409(String race) throws Exception {
		mvc.perform(post("/portal/race/" + race).with(user(TestStore.SUBSCRIBER)).with(csrf()))
			.andExpect(status().isConflict());
	}

}
