package io.nextbox.reminder;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import io.nextbox.account.AccountService;
import io.nextbox.account.EmailPreferences;
import io.nextbox.account.SubscriberSummary;
import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.ProductSummary;
import io.nextbox.engagement.BoxUpdate;
import io.nextbox.engagement.ClaimNotFoundException;
import io.nextbox.engagement.WidgetService;
import io.nextbox.subscription.ActionNotOfferedException;
import io.nextbox.subscription.ActionRefusedException;
import io.nextbox.subscription.Actor;
import io.nextbox.subscription.NextShipment;
import io.nextbox.subscription.Seen;
import io.nextbox.subscription.SubscriptionDetails;
import io.nextbox.subscription.SubscriptionNotFoundException;
import io.nextbox.subscription.SubscriptionService;
import io.nextbox.subscription.SubscriptionActions;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the links of a reminder email do, without a login: each names one action on one box (a signed token,
 * {@link ReminderTokens}). {@code describe*} only reads (mail scanners open links); the action itself happens
 * once: an add through the widget's claim of its key (a second POST answers the same, one line), a skip through a
 * record of the used token. A tampered or expired token, a box that changed or locked, an offer that ended:
 * {@link ReminderLinkRefused}.
 */
@Service
public class ReminderActions {

	/** The change a link makes, as its page states it before the button and after. */
	public record Change(ActionToken.Action action, String product, String price, String boxDay, String total,
			String email, String nextDay, String token) {

		static Change of(ActionToken.Action action, String product, String price, String boxDay, String total,
				String email, String token) {
			return new Change(action, product, price, boxDay, total, email, null, token);
		}

	}

	private final ReminderTokens tokens;

	private final SubscriptionService subscriptions;

	private final SubscriptionActions actions;

	private final WidgetService widgets;

	private final CatalogService catalog;

	private final AccountService accounts;

	private final EmailPreferences preferences;

	private final Wording wording;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ReminderActions(ReminderTokens tokens, SubscriptionService subscriptions, SubscriptionActions actions,
			WidgetService widgets, CatalogService catalog, AccountService accounts, EmailPreferences preferences,
			Wording wording, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.tokens = tokens;
		this.subscriptions = subscriptions;
		this.actions = actions;
		this.widgets = widgets;
		this.catalog = catalog;
		this.accounts = accounts;
		this.preferences = preferences;
		this.wording = wording;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** "Add Oat Biscuits, $5.50, to your box of Fri 18 Dec": what the add link's button will do. Changes nothing. */
	public Change describeAdd(String token) {
		ActionToken add = verify(token, ActionToken.Action.ADD);
		openBox(add);
		return Change.of(add.action(), productName(add), wording.money(add.price()), wording.day(add.boxDate()), null,
				null, token);
	}

	/** Adds the email's add-on to its box at the email's price, once; a repeat answers as the first did. */
	public Change add(String token) {
		ActionToken add = verify(token, ActionToken.Action.ADD);
		openBox(add);
		try {
			BoxUpdate update = widgets.accept(add.subscriberId(), add.claimKey());
			return Change.of(add.action(), update.card().title(), wording.money(update.card().price()),
					wording.day(add.boxDate()), wording.money(update.total()), null, token);
		}
		catch (ActionRefusedException refused) {
			throw new ReminderLinkRefused(HttpStatus.CONFLICT, refused.code(), refused.arguments());
		}
		catch (ClaimNotFoundException unknown) {
			throw ReminderLinkRefused.invalid();
		}
	}

	/** "Skip your box of Fri 18 Dec": what the skip link's button will do. Changes nothing. */
	public Change describeSkip(String token) {
		ActionToken skip = verify(token, ActionToken.Action.SKIP);
		SubscriptionDetails details = details(skip);
		if (!skip.boxDate().equals(details.skippedDate())) {
			openBox(skip);
		}
		return Change.of(skip.action(), null, null, wording.day(skip.boxDate()), null, null, token);
	}

	/**
	 * Skips the email's box, once: the token is recorded as used in the same transaction, so a second POST (or a
	 * box skipped meanwhile in the portal) answers that the box is skipped.
	 */
	public Change skip(String token) {
		ActionToken skip = verify(token, ActionToken.Action.SKIP);
		try {
			return transaction.execute(status -> {
				jdbc.update("insert into reminder_action (token_hash, action, subscriber_id, used_at) values (?, ?, ?, ?)",
						ReminderTokens.hash(token), skip.action().name(), skip.subscriberId(),
						Timestamp.from(clock.instant()));
				SubscriptionDetails details = details(skip);
				if (skip.boxDate().equals(details.skippedDate())) {
					return skipped(skip, details, token);
				}
				openBox(skip);
				String actor = accounts.subscriber(skip.subscriberId()).map(SubscriberSummary::email).orElse("email");
				actions.skip(skip.subscriberId(), skip.subscriptionId(),
						new Seen(details.subscription().version(), skip.boxDate()),
						Actor.subscriber(actor));
				return skipped(skip, details(skip), token);
			});
		}
		catch (DataIntegrityViolationException usedBefore) {
			return skipped(skip, details(skip), token);
		}
		catch (ActionRefusedException refused) {
			throw new ReminderLinkRefused(HttpStatus.CONFLICT, refused.code(), refused.arguments());
		}
		catch (ActionNotOfferedException off) {
			throw new ReminderLinkRefused(HttpStatus.FORBIDDEN, "reminder.refused.skipOff");
		}
	}

	/** Who the unsubscribe link is for: its page names the address. Changes nothing. */
	public Change describeUnsubscribe(String token) {
		ActionToken unsubscribe = verify(token, ActionToken.Action.UNSUBSCRIBE);
		return Change.of(unsubscribe.action(), null, null, null, null, email(unsubscribe), token);
	}

	/** Turns box reminders off for the link's subscriber; again changes nothing. */
	public Change unsubscribe(String token) {
		ActionToken unsubscribe = verify(token, ActionToken.Action.UNSUBSCRIBE);
		preferences.unsubscribeFromReminders(unsubscribe.subscriberId());
		return Change.of(unsubscribe.action(), null, null, null, null, email(unsubscribe), token);
	}

	private Change skipped(ActionToken skip, SubscriptionDetails details, String token) {
		NextShipment next = details.nextShipment();
		return new Change(skip.action(), null, null, wording.day(skip.boxDate()), null, null,
				next == null ? null : wording.day(next.shipDate()), token);
	}

	private ActionToken verify(String token, ActionToken.Action expected) {
		ActionToken read = tokens.read(token).filter(found -> found.action() == expected)
			.orElseThrow(ReminderLinkRefused::invalid);
		if (read.expiredAt(clock.instant())) {
			throw new ReminderLinkRefused(HttpStatus.GONE, "reminder.refused.expired", wording.day(read.boxDate()));
		}
		return read;
	}

	private SubscriptionDetails details(ActionToken token) {
		try {
			return subscriptions.details(token.subscriberId(), token.subscriptionId());
		}
		catch (SubscriptionNotFoundException gone) {
			throw ReminderLinkRefused.invalid();
		}
	}

	/** The token's box must still be the subscription's open box, before its cutoff. */
	private void openBox(ActionToken token) {
		NextShipment next = details(token).nextShipment();
		if (next == null || !next.shipDate().equals(token.boxDate())) {
			throw new ReminderLinkRefused(HttpStatus.CONFLICT, "reminder.refused.boxChanged",
					wording.day(token.boxDate()));
		}
		if (next.locked()) {
			throw new ReminderLinkRefused(HttpStatus.CONFLICT, "refused.locked", wording.day(token.boxDate()));
		}
	}

	private String productName(ActionToken add) {
		ProductSummary product = catalog.products(List.of(add.productId())).get(add.productId());
		if (product == null) {
			throw ReminderLinkRefused.invalid();
		}
		return product.name();
	}

	private String email(ActionToken token) {
		return accounts.subscriber(token.subscriberId()).map(SubscriberSummary::email)
			.orElseThrow(ReminderLinkRefused::invalid);
	}

}
