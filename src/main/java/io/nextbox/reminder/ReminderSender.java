package io.nextbox.reminder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

import io.nextbox.account.AccountService;
import io.nextbox.account.EmailPreferences;
import io.nextbox.account.SubscriberSummary;
import io.nextbox.engagement.EmailSuggestions;
import io.nextbox.mail.Mailer;
import io.nextbox.mail.PublicUrl;
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

	private final ReminderTokens tokens;

	private final Mailer mailer;

	private final PublicUrl publicUrl;

	private final Wording wording;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReminderSender(SubscriptionService subscriptions, AccountService accounts, EmailPreferences preferences,
			EmailSuggestions suggestions, StoreSettingsService settings, ReminderLedger ledger, ReminderTokens tokens,
			Mailer mailer, PublicUrl publicUrl, Wording wording, ApplicationEventPublisher events, Clock clock) {
		this.subscriptions = subscriptions;
		this.accounts = accounts;
		this.preferences = preferences;
		this.suggestions = suggestions;
		this.settings = settings;
		this.ledger = ledger;
		this.tokens = tokens;
		this.mailer = mailer;
		this.publicUrl = publicUrl;
		this.wording = wording;
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
			try {
				send(box);
				ledger.sent(box, clock.instant());
				sent++;
			}
			catch (RuntimeException ex) {
				failed++;
				log.warn("The reminder for subscription {}'s box of {} was not sent (try {}); tried again later",
						box.subscriptionId(), box.shipDate(), attempt.getAsInt(), ex);
				ledger.failed(box, attempt.getAsInt(), String.valueOf(ex.getMessage()), clock.instant());
			}
		}
		return new ReminderRun(due.size(), sent, failed);
	}

	private void send(OpenBox box) {
		SubscriberSummary subscriber = accounts.subscriber(box.subscriberId())
			.orElseThrow(() -> new IllegalStateException("no subscriber " + box.subscriberId()));
		SubscriptionDetails details = subscriptions.details(box.subscriberId(), box.subscriptionId());
		NextShipment next = details.nextShipment();
		if (next == null || next.locked() || !next.shipDate().equals(box.shipDate())) {
			throw new IllegalStateException("the box changed since it was found due");
		}
		EmailSuggestions.Picked picked = preferences.of(box.subscriberId()).reminderSuggestions()
				? pickQuietly(box) : EmailSuggestions.Picked.NONE;
		Map<String, Object> model = model(box, subscriber, details, picked);
		String unsubscribe = publicUrl.link("/email/unsubscribe?t=" + tokens.sign(ActionToken.unsubscribe(box.subscriberId())));
		model.put("unsubscribeLink", unsubscribe);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
		headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		mailer.send(subscriber.email(), "box-reminder", "mail.reminder.subject",
				new Object[] { wording.day(box.shipDate()), wording.dayAndTime(next.locksAt()) }, model, headers);
		suggestions.recordShown(picked);
		events.publishEvent(new ReminderSent(box.subscriberId(), box.subscriptionId(), box.shipDate(),
				picked.impressions().stream().map(impression -> impression.offerId()).toList(), clock.instant()));
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

	private Map<String, Object> model(OpenBox box, SubscriberSummary subscriber, SubscriptionDetails details,
			EmailSuggestions.Picked picked) {
		NextShipment next = details.nextShipment();
		int quantity = details.subscription().quantity();
		List<Map<String, Object>> items = new ArrayList<>();
		next.planContents()
			.forEach(content -> items.add(Map.of("name", content.name(), "quantity", content.quantity() * quantity,
					"price", "")));
		next.addOns()
			.forEach(line -> items.add(Map.of("name", line.name(), "quantity", line.quantity(), "price",
					wording.money(line.amount()))));
		List<Map<String, Object>> offers = new ArrayList<>();
		for (EmailSuggestions.Suggestion suggestion : picked.suggestions()) {
			String token = tokens.sign(ActionToken.add(box.subscriberId(), box.subscriptionId(), box.shipDate(),
					suggestion.offerId(), suggestion.productId(), suggestion.price(), suggestion.key(), box.locksAt()));
			offers.add(Map.of("title", suggestion.title(), "reason", Optional.ofNullable(suggestion.reason()).orElse(""),
					"price", wording.money(suggestion.price()), "listPrice",
					suggestion.discounted() ? wording.money(suggestion.listPrice()) : "", "link",
					publicUrl.link("/email/add?t=" + token)));
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("name", subscriber.name() == null || subscriber.name().isBlank() ? null : subscriber.name());
		model.put("shipDay", wording.day(box.shipDate()));
		model.put("cutoff", wording.dayAndTime(next.locksAt()));
		model.put("planName", details.subscription().planName());
		model.put("items", items);
		model.put("total", wording.money(next.total() == null ? BigDecimal.ZERO : next.total()));
		model.put("suggestions", offers);
		model.put("skipLink", details.actions().skip() ? publicUrl.link("/email/skip?t="
				+ tokens.sign(ActionToken.skip(box.subscriberId(), box.subscriptionId(), box.shipDate(), box.locksAt())))
				: null);
		model.put("portalLink", publicUrl.link("/portal/subscriptions/" + box.subscriptionId()));
		return model;
	}

}
