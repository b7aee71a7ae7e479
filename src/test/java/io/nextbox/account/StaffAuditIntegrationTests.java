package io.nextbox.account;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.nextbox.audit.AuditLog;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff added with nobody signed in is recorded with where it came from: the add-merchant command, the start-up
 * properties, and the set-password link used by the new merchant (the password itself never). Rolled back at the
 * end of each test.
 */
@NextboxIntegrationTest
@Transactional
class StaffAuditIntegrationTests {

	private static final String PASSWORD = "harbour kettle at dawn";

	@Autowired
	private AddMerchantCommand command;

	@Autowired
	private FirstMerchant firstMerchant;

	@Autowired
	private PasswordLinks links;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void theAddMerchantCommandAndTheLinkItPrintsAreRecorded() {
		String email = "audit-command-" + System.nanoTime() + "@staff.test";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(command.add(email, new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
		String printed = out.toString(StandardCharsets.UTF_8).trim();
		String token = printed.substring(printed.indexOf("token=") + "token=".length());

		assertThat(links.setPassword(token, PASSWORD)).isEqualTo(PasswordLinks.TokenState.SET);

		List<Map<String, Object>> entries = entries(email);
		assertThat(entries).extracting(entry -> entry.get("ACTION"))
			.containsExactly("ADDED", "PASSWORD_SET_BY_LINK");
		assertThat(entries).extracting(entry -> entry.get("ACTOR")).containsExactly(AuditLog.COMMAND_LINE, email);
		assertThat(entries.get(1).get("CHANGES").toString()).doesNotContain(PASSWORD, token, "$2");
	}

	@Test
	void theFirstMerchantIsRecordedAsMadeByTheStartUpProperties() {
		jdbc.update("update account set role = 'SUBSCRIBER' where role = 'MERCHANT'");
		String email = "audit-owner-" + System.nanoTime() + "@staff.test";

		assertThat(firstMerchant.createIfNoMerchant(new AdminProperties(email, PASSWORD))).isTrue();

		assertThat(entries(email)).extracting(entry -> entry.get("ACTOR"))
			.containsExactly(AuditLog.START_UP_PROPERTIES);
		assertThat(entries(email).get(0).get("CHANGES").toString()).doesNotContain(PASSWORD);
	}

	private List<Map<String, Object>> entries(String email) {
		return jdbc.queryForList("select actor, action, changes from audit_entry where area = 'STAFF' and subject = ? "
				+ "order by id", email);
	}

}
