package io.nextbox.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * REMINDER_SENT: a box's reminder email went out ({@code box_reminder} row in status SENT), with the offers it
 * suggested (their impressions are offer events at placement EMAIL).
 */
public record ReminderSent(long subscriberId, long subscriptionId, LocalDate shipDate, List<Long> suggestedOfferIds,
		Instant sentAt) {
}
