package io.nextbox.reminder;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the reminders due on the {@code nextbox.reminders.cron} schedule (every 15 minutes; {@code -} switches it
 * off, as the tests do: they call {@link ReminderSender#sendDue} themselves).
 */
@Component
class ReminderSchedule {

	private final ReminderSender sender;

	ReminderSchedule(ReminderSender sender) {
		this.sender = sender;
	}

	@Scheduled(cron = "${nextbox.reminders.cron:0 */15 * * * *}")
	void run() {
		sender.sendDue();
	}

}
