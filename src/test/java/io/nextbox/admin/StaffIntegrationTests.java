package io.nextbox.admin;

import io.nextbox.account.MerchantService;
import io.nextbox.account.NextboxUser;
import io.nextbox.account.Role;
import io.nextbox.support.DemoLogins;
import io.nextbox.support.NextboxIntegrationTest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff page (list, remove, never yourself nor the last merchant) and changing your password. Each test runs
 * in a transaction rolled back at its end, so the demo merchant comes back whatever a test removed.
 */
@NextboxIntegrationTest
@Transactional
class StaffIntegrationTests {

	private static final String PASSWORD = "roasted beans on tuesday";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MerchantService merchants;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PasswordEncoder encoder;

	@PersistenceContext
	private EntityManager entityManager;

	@Test
	@WithUserDetails(DemoLogins.MERCHANT)
	void listsTheMerchantsWithTheDayTheyJoined() throws Exception {
		merchants.createMerchant("barista@staff.test", PASSWORD);

		mvc.perform(get("/admin/staff"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(DemoLogins.MERCHANT)))
			.andExpect(content().string(containsString("barista@staff.test")))
			.andExpect(content().string(containsString("Since")))
			.andExpect(content().string(containsString(">Staff</a>")))
			.andExpect(content().string(not(containsString(DemoLogins.subscriber(1)))));
	}

	@Test
	@WithUserDetails("subscriber1@nextbox.test")
	void subscribersCannotOpenTheStaffPages() throws Exception {
		mvc.perform(get("/admin/staff")).andExpect(status().isForbidden());
		mvc.perform(post("/admin/staff/1/remove").with(csrf())).andExpect(status().isForbidden());
		mvc.perform(get("/admin/password")).andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails(DemoLogins.MERCHANT)
	void removesAMerchantAndASecondClickSaysTheSame() throws Exception {
		long barista = merchants.createMerchant("barista@staff.test", PASSWORD);

		mvc.perform(post("/admin/staff/{id}/remove", barista).with(csrf()))
			.andExpect(redirectedUrl("/admin/staff"))
			.andExpect(flash().attribute("staffRemoved", true));
		assertThat(count("barista@staff.test")).isZero();
		mvc.perform(get("/admin/staff")).andExpect(content().string(not(containsString("barista@staff.test"))));

		mvc.perform(post("/admin/staff/{id}/remove", barista).with(csrf()))
			.andExpect(redirectedUrl("/admin/staff"))
			.andExpect(flash().attribute("staffRemoved", true));
	}

	@Test
	@WithUserDetails(DemoLogins.MERCHANT)
	void refusesRemovingYourself() throws Exception {
		long me = id(DemoLogins.MERCHANT);

		mvc.perform(post("/admin/staff/{id}/remove", me).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("You cannot remove yourself")));
		assertThat(count(DemoLogins.MERCHANT)).isOne();
	}

	/**
	 * The barista removes the demo merchant; the demo merchant, in a tab still open, then removes the barista: that
	 * would leave no merchant, and is refused.
	 */
	@Test
	void refusesRemovingTheLastMerchant() throws Exception {
		long barista = merchants.createMerchant("barista@staff.test", PASSWORD);
		long demo = id(DemoLogins.MERCHANT);

		mvc.perform(post("/admin/staff/{id}/remove", demo).with(csrf()).with(as(barista, "barista@staff.test")))
			.andExpect(redirectedUrl("/admin/staff"));
		mvc.perform(post("/admin/staff/{id}/remove", barista).with(csrf()).with(as(demo, DemoLogins.MERCHANT)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This is the only merchant")));

		assertThat(count("barista@staff.test")).isOne();
		assertThat(merchants.merchants()).extracting(MerchantService.Merchant::email)
			.containsExactly("barista@staff.test");
	}

	@Test
	@WithUserDetails(DemoLogins.MERCHANT)
	void aMerchantRemovedIsSignedOutEverywhere() throws Exception {
		long barista = merchants.createMerchant("barista@staff.test", PASSWORD);
		jdbc.update("insert into spring_session (primary_id, session_id, creation_time, last_access_time, "
				+ "max_inactive_interval, expiry_time, principal_name) values ('p-barista', 's-barista', 0, 0, 1800, "
				+ "9999999999999, 'barista@staff.test')");

		mvc.perform(post("/admin/staff/{id}/remove", barista).with(csrf())).andExpect(redirectedUrl("/admin/staff"));

		assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
				"barista@staff.test"))
			.isZero();
	}

	@Test
	void changesYourPasswordWithTheCurrentOne() throws Exception {
		long barista = merchants.createMerchant("barista@staff.test", PASSWORD);
		String next = "a much longer phrase now";

		mvc.perform(get("/admin/password").with(as(barista, "barista@staff.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Current password")));
		mvc.perform(post("/admin/password").with(csrf())
			.with(as(barista, "barista@staff.test"))
			.param("currentPassword", PASSWORD)
			.param("newPassword", next)
			.param("confirmation", next))
			.andExpect(redirectedUrl("/admin/password"))
			.andExpect(flash().attribute("passwordChanged", true));

		assertThat(encoder.matches(next, hash("barista@staff.test"))).isTrue();
		assertThat(encoder.matches(PASSWORD, hash("barista@staff.test"))).isFalse();
	}

	@Test
	void refusesAWrongCurrentPasswordAndAWeakNewOneAtTheirFields() throws Exception {
		long barista = merchants.createMerchant("barista@staff.test", PASSWORD);
		String before = hash("barista@staff.test");

		mvc.perform(post("/admin/password").with(csrf())
			.with(as(barista, "barista@staff.test"))
			.param("currentPassword", "not my password at all")
			.param("newPassword", "a much longer phrase now")
			.param("confirmation", "a much longer phrase now"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("That is not your current password.")));
		mvc.perform(post("/admin/password").with(csrf())
			.with(as(barista, "barista@staff.test"))
			.param("currentPassword", PASSWORD)
			.param("newPassword", "qwertyuiop123")
			.param("confirmation", "qwertyuiop123"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("one of the most common passwords")));
		mvc.perform(post("/admin/password").with(csrf())
			.with(as(barista, "barista@staff.test"))
			.param("currentPassword", PASSWORD)
			.param("newPassword", "x".repeat(129))
			.param("confirmation", "x".repeat(129)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Too long: use at most 128 characters.")));
		mvc.perform(post("/admin/password").with(csrf()).with(as(barista, "barista@staff.test")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Too short")));

		assertThat(hash("barista@staff.test")).isEqualTo(before);
	}

	private static RequestPostProcessor as(long accountId, String email) {
		return user(new NextboxUser(accountId, null, email, email, Role.MERCHANT, "unused"));
	}

	private long id(String email) {
		return jdbc.queryForObject("select id from account where email = ?", Long.class, email);
	}

	private long count(String email) {
		entityManager.flush();
		return jdbc.queryForObject("select count(*) from account where email = ?", Long.class, email);
	}

	private String hash(String email) {
		entityManager.flush();
		return jdbc.queryForObject("select password_hash from account where email = ?", String.class, email);
	}

}
