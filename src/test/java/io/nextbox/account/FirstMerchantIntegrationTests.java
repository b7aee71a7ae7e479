package io.nextbox.account;

import java.util.List;

import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

/**
 * The first merchant from nextbox.admin.email and nextbox.admin.password: created on a store without a merchant,
 * never over an existing account, never with a weak password. Each test runs in a transaction that is rolled
 * back; "a store without a merchant" is the demo store with its merchant turned into a subscriber meanwhile.
 */
@NextboxIntegrationTest
@Transactional
class FirstMerchantIntegrationTests {

	private static final String EMAIL = "owner@kettle-crema.test";

	private static final String PASSWORD = "harbour kettle at dawn";

	@Autowired
	private FirstMerchant firstMerchant;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PasswordEncoder encoder;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Test
	void createsTheFirstMerchantOnAStoreWithoutOneAndTheyCanSignIn() throws Exception {
		noMerchantYet();

		assertThat(firstMerchant.createIfNoMerchant(new AdminProperties("  Owner@Kettle-Crema.test ", PASSWORD)))
			.isTrue();

		assertThat(jdbc.queryForObject("select role from account where email = ?", String.class, EMAIL))
			.isEqualTo("MERCHANT");
		mvc.perform(formLogin("/login").user(EMAIL).password(PASSWORD)).andExpect(authenticated());
	}

	@Test
	void neverChangesAnExistingAccount() {
		String hashBefore = hashOf(DemoLogins.MERCHANT);
		long accountsBefore = accounts();

		assertThat(firstMerchant.createIfNoMerchant(new AdminProperties(DemoLogins.MERCHANT, PASSWORD))).isFalse();
		assertThat(firstMerchant.createIfNoMerchant(new AdminProperties(EMAIL, PASSWORD))).isFalse();

		assertThat(hashOf(DemoLogins.MERCHANT)).isEqualTo(hashBefore);
		assertThat(encoder.matches(DemoLogins.MERCHANT_PASSWORD, hashOf(DemoLogins.MERCHANT))).isTrue();
		assertThat(accounts()).isEqualTo(accountsBefore);
	}

	@Test
	void aSecondStartWithTheSamePropertiesCreatesNothingMore() {
		noMerchantYet();
		AdminProperties properties = new AdminProperties(EMAIL, PASSWORD);
		assertThat(firstMerchant.createIfNoMerchant(properties)).isTrue();
		long accountsAfterFirst = accounts();

		assertThat(firstMerchant.createIfNoMerchant(properties)).isFalse();

		assertThat(accounts()).isEqualTo(accountsAfterFirst);
	}

	@Test
	void aWeakPasswordFailsTheStartAndCreatesNoLogin() {
		noMerchantYet();
		long accountsBefore = accounts();

		assertThatThrownBy(() -> firstMerchant.createIfNoMerchant(new AdminProperties(EMAIL, "password2024")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("NEXTBOX_ADMIN_PASSWORD")
			.hasMessageContaining("common passwords");
		assertThatThrownBy(() -> firstMerchant.createIfNoMerchant(new AdminProperties(EMAIL, "admin")))
			.hasMessageContaining("at least 12 characters");
		assertThat(accounts()).isEqualTo(accountsBefore);
	}

	@Test
	void halfAConfigurationFailsTheStart() {
		noMerchantYet();

		assertThatThrownBy(() -> firstMerchant.createIfNoMerchant(new AdminProperties(EMAIL, null)))
			.hasMessageContaining("needs both nextbox.admin.email and nextbox.admin.password");
		assertThatThrownBy(() -> firstMerchant.createIfNoMerchant(new AdminProperties("not an email", PASSWORD)))
			.hasMessageContaining("NEXTBOX_ADMIN_EMAIL");
	}

	@Test
	void aSubscribersLoginIsNotTurnedIntoAMerchant() {
		noMerchantYet();

		assertThatThrownBy(
				() -> firstMerchant.createIfNoMerchant(new AdminProperties(DemoLogins.subscriber(2), PASSWORD)))
			.hasMessageContaining("already has an account");
		assertThat(jdbc.queryForObject("select role from account where email = ?", String.class,
				DemoLogins.subscriber(2)))
			.isEqualTo("SUBSCRIBER");
	}

	@Test
	void noPropertiesNoMerchant() {
		noMerchantYet();

		assertThat(firstMerchant.createIfNoMerchant(new AdminProperties(null, " "))).isFalse();
	}

	@Test
	void runsBeforeTheDemoSeederSoARealStoreGetsNoDemoData() {
		List<ApplicationRunner> runners = new java.util.ArrayList<>(
				context.getBeansOfType(ApplicationRunner.class).values());
		AnnotationAwareOrderComparator.sort(runners);
		int first = runners.indexOf(firstMerchant);
		int demo = -1;
		for (int i = 0; i < runners.size(); i++) {
			if (runners.get(i).getClass().getSimpleName().startsWith("DemoStoreStarter")) {
				demo = i;
			}
		}
		assertThat(demo).isGreaterThanOrEqualTo(0);
		assertThat(first).isLessThan(demo);
	}

	/** The store as a fresh one with no merchant (rolled back after the test). */
	private void noMerchantYet() {
		jdbc.update("update account set role = 'SUBSCRIBER' where role = 'MERCHANT'");
	}

	private String hashOf(String email) {
		return jdbc.queryForObject("select password_hash from account where email = ?", String.class, email);
	}

	private long accounts() {
		return jdbc.queryForObject("select count(*) from account", Long.class);
	}

}
