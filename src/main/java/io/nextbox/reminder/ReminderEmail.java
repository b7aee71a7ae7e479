package io.nextbox.reminder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nextbox.engagement.EmailSuggestions;
import io.nextbox.mail.PublicUrl;
import io.nextbox.subscription.NextShipment;
import io.nextbox.subscription.OpenBox;
import io.nextbox.subscription.SubscriptionDetails;
import org.springframework.stereotype.Component;

/**
 * What one box's reminder says: the model of {@code templates/mail/box-reminder}, its signed links (each add-on,
 * skip, unsubscribe) and its one-click unsubscribe headers (RFC 8058).
 */
@Component
class ReminderEmail {

	static final String TEMPLATE = "box-reminder";

	static final String SUBJECT = "mail.reminder.subject";

	/** The email, ready for {@code Mailer.send}. */
	record Composed(Object[] subjectArguments, Map<String, Object> model, Map<String, String> headers) {
	}

	private final ReminderTokens tokens;

	private final PublicUrl publicUrl;

	private final Wording wording;

	ReminderEmail(ReminderTokens tokens, PublicUrl publicUrl, Wording wording) {
		this.tokens = tokens;
		this.publicUrl = publicUrl;
		this.wording = wording;
	}

	Composed compose(OpenBox box, SubscriptionDetails details, EmailSuggestions.Picked picked) {
		NextShipment next = details.nextShipment();
		String unsubscribe = publicUrl
			.link("/email/unsubscribe?t=" + tokens.sign(ActionToken.unsubscribe(box.subscriberId())));
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("shipDay", wording.day(box.shipDate()));
		model.put("cutoff", wording.dayAndTime(next.locksAt()));
		model.put("planName", details.subscription().planName());
		model.put("items", items(next, details.subscription().quantity()));
		model.put("total", wording.money(next.total() == null ? BigDecimal.ZERO : next.total()));
		model.put("suggestions", suggestions(box, picked));
		model.put("skipLink", details.actions().skip() ? publicUrl.link("/email/skip?t="
				+ tokens.sign(ActionToken.skip(box.subscriberId(), box.subscriptionId(), box.shipDate(), box.locksAt())))
				: null);
		model.put("portalLink", publicUrl.link("/portal/subscriptions/" + box.subscriptionId()));
		model.put("unsubscribeLink", unsubscribe);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
		headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		return new Composed(new Object[] { wording.day(box.shipDate()), wording.dayAndTime(next.locksAt()) }, model,
				headers);
	}

	/** The plan's contents (per box, times the subscription's quantity), then the add-on lines with their amount. */
	private List<Map<String, Object>> items(NextShipment next, int quantity) {
		List<Map<String, Object>> items = new ArrayList<>();
		next.planContents()
			.forEach(content -> items.add(Map.of("name", content.name(), "quantity", content.quantity() * quantity,
					"price", "")));
		next.addOns()
			.forEach(line -> items.add(Map.of("name", line.name(), "quantity", line.quantity(), "price",
					wording.money(line.amount()))));
		return items;
	}

	private List<Map<String, Object>> suggestions(OpenBox box, EmailSuggestions.Picked picked) {
		List<Map<String, Object>> offers = new ArrayList<>();
		for (EmailSuggestions.Suggestion suggestion : picked.suggestions()) {
			String token = tokens.sign(ActionToken.add(box.subscriberId(), box.subscriptionId(), box.shipDate(),
					suggestion.offerId(), suggestion.productId(), suggestion.price(), suggestion.key(), box.locksAt()));
			offers.add(Map.of("title", suggestion.title(), "reason",
					Optional.ofNullable(suggestion.reason()).orElse(""), "price", wording.money(suggestion.price()),
					"listPrice", suggestion.discounted() ? wording.money(suggestion.listPrice()) : "", "link",
					publicUrl.link("/email/add?t=" + token)));
		}
		return offers;
	}

}
