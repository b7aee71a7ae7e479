package io.nextbox.account;

import io.nextbox.account.EmailPreferences.Choices;
import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@NextboxIntegrationTest
class EmailPreferencesIntegrationTests {

	@Autowired
	EmailPreferences preferences;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everySubscriberGetsRemindersUntilTheyUnsubscribe() {
		long id = jdbc.queryForObject("select id from subscriber where email = 'subscriber480@nextbox.test'",
				Long.class);
		assertThat(preferences.of(id)).isEqualTo(new Choices(true, true));

		preferences.unsubscribeFromReminders(id);
		preferences.unsubscribeFromReminders(id);
		assertThat(preferences.of(id)).isEqualTo(new Choices(false, true));

		preferences.choose(id, new Choices(true, false));
		assertThat(preferences.of(id)).isEqualTo(new Choices(true, false));
		preferences.choose(id, new Choices(true, true));
	}

	@Test
	void anUnknownSubscriberWantsNoEmail() {
		assertThat(preferences.of(-1)).isEqualTo(new Choices(false, false));
	}

}
