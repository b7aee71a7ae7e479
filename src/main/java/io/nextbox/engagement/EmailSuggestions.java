package io.nextbox.engagement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.nextbox.offer.OfferEvent;
import io.nextbox.offer.OfferEventType;
import io.nextbox.offer.OfferEvents;
import io.nextbox.offer.OfferKind;
import io.nextbox.offer.Placement;
import io.nextbox.recommendation.Recommendation;
import io.nextbox.recommendation.RecommendationService;
import io.nextbox.subscription.SubscriberContext;
import io.nextbox.subscription.SubscriptionService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The add-ons a box reminder email suggests: the recommender's picks among the offers live for the next box, with
 * the widget's rules (the same eligibility, the holdout sees none), each carrying a claim key at placement
 * {@link Placement#EMAIL}, so its link is accepted once by {@link WidgetService#accept} like a widget's click.
 * Impressions are recorded only once the email is sent ({@link #recordShown}).
 */
@Service
public class EmailSuggestions {

	/** The recommender is asked for this many, of which the add-ons are kept. */
	private static final int CANDIDATES = 10;

	private final RecommendationService recommendations;

	private final SubscriptionService subscriptions;

	private final ClaimRepository claims;

	private final OfferEvents events;

	private final WidgetService widgets;

	private final Clock clock;

	EmailSuggestions(RecommendationService recommendations, SubscriptionService subscriptions, ClaimRepository claims,
			OfferEvents events, WidgetService widgets, Clock clock) {
		this.recommendations = recommendations;
		this.subscriptions = subscriptions;
		this.claims = claims;
		this.events = events;
		this.widgets = widgets;
		this.clock = clock;
	}

	/** One suggested add-on: its claim key, offer, product, price (after the offer's discount) and reason. */
	public record Suggestion(String key, long offerId, long productId, String title, String imageUrl,
			BigDecimal listPrice, BigDecimal price, String reason) {

		public boolean discounted() {
			return price.compareTo(listPrice) < 0;
		}

	}

	/** What to show ({@code suggestions}, none for the holdout) and the impressions to record once it is sent. */
	public record Picked(List<Suggestion> suggestions, List<OfferEvent> impressions) {

		public static final Picked NONE = new Picked(List.of(), List.of());

	}

	/**
	 * Up to {@code limit} add-ons for the box of {@code shipDate} of one subscription; none when that box is no
	 * longer the open one or is past its cutoff.
	 */
	@Transactional
	public Picked pick(long subscriberId, long subscriptionId, LocalDate shipDate, int limit) {
		Optional<SubscriberContext> found = subscriptions.contextOf(subscriberId, subscriptionId);
		if (found.isEmpty() || !found.get().nextShipmentOpen() || !shipDate.equals(found.get().nextShipmentDate())) {
			return Picked.NONE;
		}
		SubscriberContext context = found.get();
		List<Recommendation> picks = recommendations.recommend(context, Placement.NEXT_SHIPMENT, CANDIDATES)
			.stream()
			.filter(pick -> pick.kind() == OfferKind.ADD_ON)
			.limit(limit)
			.toList();
		boolean holdout = widgets.isInHoldout(subscriberId);
		Instant now = clock.instant();
		List<Suggestion> suggestions = new ArrayList<>();
		List<OfferEvent> impressions = new ArrayList<>();
		for (Recommendation pick : picks) {
			impressions.add(new OfferEvent(pick.offerId(), subscriberId, subscriptionId, context.nextShipmentId(),
					Placement.EMAIL, OfferEventType.IMPRESSION, pick.price(), holdout, now));
			if (!holdout) {
				String key = UUID.randomUUID().toString();
				claims.save(new Claim(key, subscriberId, subscriptionId, context.nextShipmentId(), pick.offerId(),
						Placement.EMAIL, OfferKind.ADD_ON, pick.productId(), null, pick.price(), now, pick.reason()));
				suggestions.add(new Suggestion(key, pick.offerId(), pick.productId(), pick.title(), pick.imageUrl(),
						pick.listPrice(), pick.price(), pick.reason()));
			}
		}
		return new Picked(List.copyOf(suggestions), List.copyOf(impressions));
	}

	/** Records the impressions of an email that was sent. */
	public void recordShown(Picked picked) {
		events.record(picked.impressions());
	}

}
