package io.nextbox.reminder;

/** What one run of the reminder sender did: boxes due, emails sent, sends that failed (tried again later). */
public record ReminderRun(int due, int sent, int failed) {

	static final ReminderRun OFF = new ReminderRun(0, 0, 0);

}
