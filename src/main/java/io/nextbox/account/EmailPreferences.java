package io.nextbox.account;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What email a subscriber wants: box reminders, and suggested add-ons inside them. Both are on until the
 * subscriber turns them off (on their account page or by an unsubscribe link, which needs no login).
 */
@Service
public class EmailPreferences {

	/** A subscriber's choices; an unknown subscriber wants nothing. */
	public record Choices(boolean boxReminders, boolean reminderSuggestions) {

		static final Choices NONE = new Choices(false, false);

	}

	private final JdbcTemplate jdbc;

	EmailPreferences(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Choices of(long subscriberId) {
		List<Map<String, Object>> rows = jdbc
			.queryForList("select box_reminders, reminder_suggestions from subscriber where id = ?", subscriberId);
		if (rows.isEmpty()) {
			return Choices.NONE;
		}
		Map<String, Object> row = rows.get(0);
		return new Choices(Boolean.TRUE.equals(row.get("box_reminders")),
				Boolean.TRUE.equals(row.get("reminder_suggestions")));
	}

	/** Saves both choices; setting what is already set changes nothing and is not an error. */
	@Transactional
	public void choose(long subscriberId, Choices choices) {
		jdbc.update("update subscriber set box_reminders = ?, reminder_suggestions = ? where id = ?",
				choices.boxReminders(), choices.reminderSuggestions(), subscriberId);
	}

	/** Turns box reminders off: what an unsubscribe link does. Idempotent. */
	@Transactional
	public void unsubscribeFromReminders(long subscriberId) {
		jdbc.update("update subscriber set box_reminders = false where id = ?", subscriberId);
	}

}
