package io.nextbox.subscription;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.nextbox.account.AccountService;
import io.nextbox.account.SubscriberSummary;
import io.nextbox.audit.AuditLog;
import io.nextbox.audit.FieldChange;
import org.springframework.stereotype.Component;

/**
 * Writes a subscription's timeline in the transaction of the change. A change the store made for the subscriber
 * is marked as the store's, and also goes to the audit log, so the merchant sees which staff member did it.
 */
@Component
class Timeline {

	private final TimelineRepository entries;

	private final ShipmentRules rules;

	private final AuditLog audit;

	private final AccountService accounts;

	Timeline(TimelineRepository entries, ShipmentRules rules, AuditLog audit, AccountService accounts) {
		this.entries = entries;
		this.rules = rules;
		this.audit = audit;
		this.accounts = accounts;
	}

	void record(Subscription subscription, Actor actor, TimelineKind kind, Object... values) {
		entries.save(new TimelineEntry(subscription.getId(), rules.now(), actor, kind, values));
		if (actor.store()) {
			String subscriber = accounts.subscriber(subscription.getSubscriberId())
				.map(SubscriberSummary::email)
				.orElse("");
			String detail = Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(", "));
			audit.onSubscribersBehalf(subscription.getSubscriberId(), subscriber,
					kind.name().toLowerCase(Locale.ROOT).replace('_', ' '),
					FieldChange.set("subscription", String.valueOf(subscription.getId())),
					FieldChange.set("detail", detail));
		}
	}

}
