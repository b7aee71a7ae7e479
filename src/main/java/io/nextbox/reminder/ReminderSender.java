package io.nextbox.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

import io.nextbox.account.AccountService;
import io.nextbox.account.EmailPreferences;
import io.nextbox.account.SubscriberSummary;
import io.nextbox.engagement.EmailSuggestions;
import io.nextbox.mail.Mailer;
import io.nextbox.offer.OfferEvent;
import io.nextbox.store.StoreSettings;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.subscription.NextShipment;
import io.nextbox.subscription.OpenBox;
import io.nextbox.subscription.SubscriptionDetails;
import io.nextbox.subscription.SubscriptionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Sends the box reminder email for every open box whose cutoff is within the store's reminder days: once per box,
 * with two instances, two runs at once or a restart (see {@link ReminderLedger}). A subscriber who turned reminders
 * off gets none; one who turned suggestions off, or is in the holdout, gets the email without add-ons.
 */
@Service
public class ReminderSender {

	/** An email suggests at most this many add-ons. */
	public static final int SUGGESTIONS = 3;

	private static final Logger log = LoggerFactory.getLogger(ReminderSender.class);

	private final SubscriptionService subscriptions;

	private final AccountService accounts;

	private final EmailPreferences preferences;

	private final EmailSuggestions suggestions;

	private final StoreSettingsService settings;

	private final ReminderLedger ledger;

	private final ReminderEmail emails;

	private final Mailer mailer;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReminderSender(SubscriptionService subscriptions, AccountService accounts, EmailPreferences preferences,
			EmailSuggestions suggestions, StoreSettingsService settings, ReminderLedger ledger, ReminderEmail emails,
			Mailer mailer, ApplicationEventPublisher events, Clock clock) {
		this.subscriptions = subscriptions;
		this.accounts = accounts;
		this.preferences = preferences;
		this.suggestions = suggestions;
		this.settings = settings;
		this.ledger = ledger;
		this.emails = emails;
		this.mailer = mailer;
		this.events = events;
		this.clock = clock;
	}

	/** Sends every reminder due now: what the schedule runs, and what an end-to-end test calls. */
	public ReminderRun sendDue() {
		return sendDue(box -> true);
	}

	/** Sends the reminders due now for these subscriptions only (tests that must not email the whole store). */
	public ReminderRun sendDue(Collection<Long> subscriptionIds) {
		Set<Long> only = Set.copyOf(subscriptionIds);
		return sendDue(box -> only.contains(box.subscriptionId()));
	}

	private ReminderRun sendDue(Predicate<OpenBox> which) {
		StoreSettings.Reminders reminders = settings.current().reminders();
		if (!reminders.enabled()) {
			return ReminderRun.OFF;
		}
		Instant now = clock.instant();
		List<OpenBox> due = subscriptions.openBoxesLockingBy(now.plus(Duration.ofDays(reminders.daysBeforeCutoff())))
			.stream()
			.filter(which)
			.toList();
		int sent = 0;
		int failed = 0;
		for (OpenBox box : due) {
			if (!preferences.of(box.subscriberId()).boxReminders()) {
				continue;
			}
			OptionalInt attempt = ledger.claim(box, now);
			if (attempt.isEmpty()) {
				continue;
			}
			EmailSuggestions.Picked picked;
			try {
				picked = send(box);
			}
			catch (RuntimeException ex) {
				failed++;
				log.warn("The reminder for subscription {}'s box of {} was not sent (try {}); tried again later",
						box.subscriptionId(), box.shipDate(), attempt.getAsInt(), ex);
				ledger.failed(box, attempt.getAsInt(), String.valueOf(ex.getMessage()), clock.instant());
				continue;
			}
			sent++;
			recordSent(box, picked);
		}
		return new ReminderRun(due.size(), sent, failed);
	}

	private EmailSuggestions.Picked send(OpenBox box) {
		SubscriberSummary subscriber = accounts.subscriber(box.subscriberId())
			.orElseThrow(() -> new IllegalStateException("no subscriber " + box.subscriberId()));
		SubscriptionDetails details = subscriptions.details(box.subscriberId(), box.subscriptionId());
		NextShipment next = details.nextShipment();
		if (next == null || next.locked() || !next.shipDate().equals(box.shipDate())) {
			throw new IllegalStateException("the box changed since it was found due");
		}
		EmailSuggestions.Picked picked = preferences.of(box.subscriberId()).reminderSuggestions()
				? pickQuietly(box) : EmailSuggestions.Picked.NONE;
		ReminderEmail.Composed email = emails.compose(box, details, picked);
		mailer.send(subscriber.email(), ReminderEmail.TEMPLATE, ReminderEmail.SUBJECT, email.subjectArguments(),
				email.model(), email.headers());
		return picked;
	}

	/**
	 * The email went out: whatever fails from here is logged, never a reason to send it again (its row then stays
	 * claimed, and is not retried).
	 */
	private void recordSent(OpenBox box, EmailSuggestions.Picked picked) {
		try {
			ledger.sent(box, clock.instant());
			suggestions.recordShown(picked);
			events.publishEvent(new ReminderSent(box.subscriberId(), box.subscriptionId(), box.shipDate(),
					picked.impressions().stream().map(OfferEvent::offerId).toList(), clock.instant()));
		}
		catch (RuntimeException ex) {
			log.error("The reminder for subscription {}'s box of {} was sent but not recorded", box.subscriptionId(),
					box.shipDate(), ex);
		}
	}

	/** The add-ons to suggest; none, rather than no email, when the recommender fails. */
	private EmailSuggestions.Picked pickQuietly(OpenBox box) {
		try {
			return suggestions.pick(box.subscriberId(), box.subscriptionId(), box.shipDate(), SUGGESTIONS);
		}
		catch (RuntimeException ex) {
			log.warn("No suggestions for subscription {}'s reminder: the recommender failed", box.subscriptionId(), ex);
			return EmailSuggestions.Picked.NONE;
		}
	}

}
