package io.nextbox.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import io.nextbox.offer.OfferEvent;
import io.nextbox.offer.OfferEventType;
import io.nextbox.offer.Placement;
import io.nextbox.subscription.SubscriptionStatus;

/**
 * Grows one demo subscriber's last 90 days with the live offers: portal visits that show offers on the dashboard
 * and the next box page, box reminder emails, offers after a box has shipped, the cancel flow. Some offers are
 * taken, a few undone or dismissed. An add-on taken is added to the next box that shipped, as a line of that order
 * and a {@code SHIPPED} event, so the history and the offer log agree; an add-on taken for a box not shipped yet
 * (the open box, or a box the subscriber paused or cancelled) has no line: the open boxes stay as the rest of the
 * demo made them. Upgrades are taken where the order history moves up to the offered plan. The holdout sees what it
 * would have been shown, marked as holdout, and takes nothing: the add-ons the others take are the lift.
 * <p>
 * Each subscriber's offers grow from a random stream of their own, apart from the order history's, so the orders
 * the rest of the demo generates stay the same with or without this history.
 */
final class DemoOfferHistory {

	static final int DAYS = 90;

	/** A box can be changed until two days before it ships (the demo store's cutoff). */
	private static final Duration CUTOFF = Duration.ofHours(48);

	private static final Period DISMISSAL_MEMORY = Period.ofDays(30);

	/** How often a subscriber who has no offers in mind visits the portal, per month: rarely, sometimes, often. */
	private static final double[] VISITS_PER_MONTH = { 0.2, 1.2, 4.0 };

	/** How much more readily an offer is taken where it is shown, against the dashboard. */
	private static final Map<Placement, Double> PLACEMENT_FACTOR = Map.of(Placement.DASHBOARD, 1.0,
			Placement.NEXT_SHIPMENT, 1.6, Placement.POST_PURCHASE, 0.7, Placement.EMAIL, 0.45,
			Placement.CANCEL_FLOW, 1.0);

	/** What each plan holds, by plan SKU: an add-on already in the plan is not offered (as the widget does). */
	private static final Map<String, Set<String>> PLAN_CONTENTS = DemoCatalog.FAMILIES.stream()
		.flatMap(family -> family.plans().stream())
		.collect(Collectors.toMap(DemoCatalog.PlanSpec::sku, plan -> plan.items().keySet()));

	/** Each offer's price, by name. */
	private static final Map<String, BigDecimal> PRICES = DemoOffers.LIVE.stream()
		.collect(Collectors.toMap(DemoOffers.Spec::name, DemoOffers.Spec::price));

	/** An add-on taken for a box: a line for the order at {@code orderIndex} of the subscriber's history. */
	record AddedLine(int orderIndex, long offerId, String sku, BigDecimal unitPrice) {
	}

	/** One subscriber's offer events and the add-on lines their shipped orders gain. */
	record Grown(List<OfferEvent> events, List<AddedLine> lines) {
	}

	private final long seed;

	private final LocalDate today;

	private final Map<String, Long> offerIds;

	DemoOfferHistory(long seed, LocalDate today, Map<String, Long> offerIds) {
		this.seed = seed;
		this.today = today;
		this.offerIds = offerIds;
	}

	Grown grow(DemoCustomer customer, long subscriberId, Long subscriptionId, boolean heldOut) {
		return new Subscriber(customer, subscriberId, subscriptionId, heldOut).grow();
	}

	/** The growing of one subscriber's history. */
	private final class Subscriber {

		private final DemoCustomer customer;

		private final long subscriberId;

		private final Long subscriptionId;

		private final boolean heldOut;

		private final Random random;

		private final List<OfferEvent> events = new ArrayList<>();

		private final List<AddedLine> lines = new ArrayList<>();

		private final Map<String, LocalDate> dismissedUntil = new HashMap<>();

		private final LocalDate first = today.minusDays(DAYS);

		Subscriber(DemoCustomer customer, long subscriberId, Long subscriptionId, boolean heldOut) {
			this.customer = customer;
			this.subscriberId = subscriberId;
			this.subscriptionId = subscriptionId;
			this.heldOut = heldOut;
			this.random = new Random(seed * 7_919L + customer.number() * 104_729L + 31);
		}

		Grown grow() {
			LocalDate from = customer.joinedOn().isAfter(first) ? customer.joinedOn() : first;
			LocalDate until = liveUntil();
			double visitsPerDay = VISITS_PER_MONTH[engagement()] / 30;
			boolean savedFromCancelling = customer.subscription().status() == SubscriptionStatus.ACTIVE
					&& random.nextDouble() < 0.04;
			LocalDate cancelFlowDay = savedFromCancelling ? dayBetween(from, until) : null;
			for (LocalDate day = from; !day.isAfter(until); day = day.plusDays(1)) {
				if (random.nextDouble() < visitsPerDay) {
					Instant at = day.atTime(7 + random.nextInt(15), random.nextInt(60)).toInstant(ZoneOffset.UTC);
					show(Placement.DASHBOARD, at, 2);
					if (random.nextDouble() < 0.5) {
						show(Placement.NEXT_SHIPMENT, at.plusSeconds(40 + random.nextInt(200)), 2);
					}
				}
				if (day.equals(cancelFlowDay)) {
					cancelFlow(day.atTime(19, random.nextInt(60)).toInstant(ZoneOffset.UTC), true);
				}
			}
			for (DemoCustomer.Order order : customer.orders()) {
				LocalDate shipped = day(order.orderedAt());
				LocalDate reminded = shipped.minusDays(3);
				if (!reminded.isBefore(from) && !reminded.isAfter(until) && reminded.isBefore(today)) {
					show(Placement.EMAIL, reminded.atTime(9, random.nextInt(30)).toInstant(ZoneOffset.UTC), 3);
				}
				if (!shipped.isBefore(from) && shipped.isBefore(today) && random.nextDouble() < 0.35) {
					show(Placement.POST_PURCHASE, order.orderedAt().plus(Duration.ofMinutes(120 + random.nextInt(600))),
							1);
				}
			}
			LocalDate cancelledOn = customer.subscription().cancelledOn();
			if (cancelledOn != null && !cancelledOn.isBefore(from) && cancelledOn.isBefore(today)) {
				cancelFlow(cancelledOn.atTime(20, random.nextInt(60)).toInstant(ZoneOffset.UTC), false);
			}
			upgrades(from);
			return new Grown(List.copyOf(events), List.copyOf(lines));
		}

		/** 0 rarely visits, 1 sometimes, 2 often. */
		private int engagement() {
			int roll = random.nextInt(100);
			return roll < 35 ? 0 : roll < 80 ? 1 : 2;
		}

		/** The last day the subscription was live: before it was cancelled, a while after its last paused box. */
		private LocalDate liveUntil() {
			LocalDate yesterday = today.minusDays(1);
			DemoCustomer.Subscription subscription = customer.subscription();
			return switch (subscription.status()) {
				case ACTIVE -> yesterday;
				case CANCELLED -> min(subscription.cancelledOn().minusDays(1), yesterday);
				case PAUSED -> {
					List<DemoCustomer.Order> orders = customer.orders();
					yield min(day(orders.get(orders.size() - 1).orderedAt()).plusDays(10), yesterday);
				}
			};
		}

		/** Up to {@code count} of the offers the subscriber may see at the placement, the higher priority first. */
		private void show(Placement placement, Instant at, int count) {
			List<DemoOffers.Spec> eligible = new ArrayList<>();
			String plan = planAt(at);
			for (DemoOffers.Spec offer : DemoOffers.LIVE) {
				Placement shownAs = placement == Placement.EMAIL ? Placement.NEXT_SHIPMENT : placement;
				if (offer.placements().contains(shownAs) && eligible(offer, plan, day(at))) {
					eligible.add(offer);
				}
			}
			for (int shown = 0; shown < count && !eligible.isEmpty(); shown++) {
				DemoOffers.Spec offer = eligible.remove(pickByPriority(eligible));
				Instant seen = at.plusSeconds(shown);
				impression(offer, placement, seen);
				if (heldOut || offer.isUpgrade()) {
					continue;
				}
				double rate = offer.takeRate() * PLACEMENT_FACTOR.get(placement) * affinity(offer);
				if (random.nextDouble() < rate) {
					accept(offer, placement, seen.plusSeconds(5 + random.nextInt(120)));
				}
				else if ((placement == Placement.DASHBOARD || placement == Placement.NEXT_SHIPMENT)
						&& random.nextDouble() < 0.07) {
					event(offer, placement, OfferEventType.DISMISS, seen.plusSeconds(3 + random.nextInt(60)));
					dismissedUntil.put(offer.name(), day(seen).plus(DISMISSAL_MEMORY));
				}
			}
		}

		private boolean eligible(DemoOffers.Spec offer, String plan, LocalDate day) {
			LocalDate dismissed = dismissedUntil.get(offer.name());
			if (dismissed != null && day.isBefore(dismissed)) {
				return false;
			}
			if (offer.isUpgrade()) {
				return offer.fromPlan().equals(plan);
			}
			return (offer.family() == null || offer.family().equals(customer.persona().family.key()))
					&& !PLAN_CONTENTS.get(plan).contains(offer.sku());
		}

		private int pickByPriority(List<DemoOffers.Spec> offers) {
			int total = offers.stream().mapToInt(DemoOffers.Spec::priority).sum();
			int pick = random.nextInt(total);
			for (int i = 0; i < offers.size(); i++) {
				pick -= offers.get(i).priority();
				if (pick < 0) {
					return i;
				}
			}
			throw new IllegalStateException("priorities do not add up");
		}

		/** What the subscriber's persona buys anyway is taken far more readily. */
		private double affinity(DemoOffers.Spec offer) {
			Persona persona = customer.persona();
			return offer.sku().equals(persona.consumable) || persona.treats.contains(offer.sku())
					|| persona.extras.contains(offer.sku()) ? 2.5 : 1.0;
		}

		/** The cancel flow's save offer: taken by some who then stay, dismissed by many who cancel. */
		private void cancelFlow(Instant at, boolean mayStay) {
			DemoOffers.Spec save = DemoOffers.LIVE.stream()
				.filter(offer -> offer.placements().contains(Placement.CANCEL_FLOW))
				.findFirst()
				.orElseThrow();
			impression(save, Placement.CANCEL_FLOW, at);
			if (heldOut) {
				return;
			}
			if (mayStay && random.nextDouble() < save.takeRate() * 2) {
				accept(save, Placement.CANCEL_FLOW, at.plusSeconds(20 + random.nextInt(60)));
			}
			else if (random.nextDouble() < 0.5) {
				event(save, Placement.CANCEL_FLOW, OfferEventType.DISMISS, at.plusSeconds(10 + random.nextInt(60)));
			}
		}

		/**
		 * An add-on taken: into the first box still open for changes that shipped, unless that box holds the product
		 * already (then the subscriber bought it without the offer, and nothing is taken). Some are undone at once.
		 */
		private void accept(DemoOffers.Spec offer, Placement placement, Instant at) {
			int box = nextBox(at);
			List<DemoCustomer.Order> orders = customer.orders();
			if (box >= 0 && orders.get(box).addOns().stream().anyMatch(addOn -> addOn.sku().equals(offer.sku()))) {
				return;
			}
			if (box < 0 && customer.number() <= 3) {
				// the demo logins' open boxes are walked through: nothing taken that is not in them
				return;
			}
			event(offer, placement, OfferEventType.ACCEPT, at);
			if (random.nextDouble() < 0.1) {
				event(offer, placement, OfferEventType.UNDO, at.plusSeconds(30 + random.nextInt(600)));
			}
			else if (box >= 0) {
				long offerId = offerIds.get(offer.name());
				lines.add(new AddedLine(box, offerId, offer.sku(), PRICES.get(offer.name())));
				event(offer, placement, OfferEventType.SHIPPED, orders.get(box).orderedAt());
			}
		}

		/** The first order that could still be changed at {@code at}; -1 if none shipped after it. */
		private int nextBox(Instant at) {
			List<DemoCustomer.Order> orders = customer.orders();
			for (int i = 0; i < orders.size(); i++) {
				if (orders.get(i).orderedAt().minus(CUTOFF).isAfter(at)) {
					return i;
				}
			}
			return -1;
		}

		/** Where the orders move up to a plan an upgrade offers, most such moves are the offer taken. */
		private void upgrades(LocalDate from) {
			if (heldOut) {
				return;
			}
			List<DemoCustomer.Order> orders = customer.orders();
			for (int i = 1; i < orders.size(); i++) {
				DemoCustomer.Order before = orders.get(i - 1);
				DemoCustomer.Order after = orders.get(i);
				Instant earliest = before.orderedAt().plus(Duration.ofHours(3));
				Instant latest = after.orderedAt().minus(CUTOFF);
				if (day(earliest).isBefore(from) || !latest.isAfter(earliest) || random.nextDouble() >= 0.7) {
					continue;
				}
				for (DemoOffers.Spec offer : DemoOffers.LIVE) {
					if (offer.isUpgrade() && offer.fromPlan().equals(before.planSku())
							&& offer.sku().equals(after.planSku())) {
						boolean afterTheBox = random.nextBoolean();
						Instant at = afterTheBox ? earliest.plus(Duration.ofMinutes(random.nextInt(300)))
								: earliest.plusSeconds(random.nextLong(Duration.between(earliest, latest).toSeconds()));
						Placement placement = afterTheBox ? Placement.POST_PURCHASE : Placement.DASHBOARD;
						impression(offer, placement, at);
						event(offer, placement, OfferEventType.ACCEPT, at.plusSeconds(10 + random.nextInt(90)));
					}
				}
			}
		}

		private void impression(DemoOffers.Spec offer, Placement placement, Instant at) {
			events.add(new OfferEvent(offerIds.get(offer.name()), subscriberId, subscriptionId, null, placement,
					OfferEventType.IMPRESSION, unitPrice(offer), heldOut, at));
		}

		private void event(DemoOffers.Spec offer, Placement placement, OfferEventType type, Instant at) {
			events.add(new OfferEvent(offerIds.get(offer.name()), subscriberId, subscriptionId, null, placement, type,
					unitPrice(offer), false, at));
		}

		/** An upgrade costs the target plan's price per delivery at the subscription's quantity. */
		private BigDecimal unitPrice(DemoOffers.Spec offer) {
			BigDecimal price = PRICES.get(offer.name());
			return offer.isUpgrade() ? price.multiply(BigDecimal.valueOf(customer.subscription().quantity())) : price;
		}

		private String planAt(Instant at) {
			String plan = customer.orders().get(0).planSku();
			for (DemoCustomer.Order order : customer.orders()) {
				if (order.orderedAt().isAfter(at)) {
					break;
				}
				plan = order.planSku();
			}
			return plan;
		}

		private LocalDate dayBetween(LocalDate start, LocalDate end) {
			long days = end.toEpochDay() - start.toEpochDay();
			return days <= 0 ? start : start.plusDays(random.nextLong(days + 1));
		}

	}

	/** The day in UTC (by the epoch day: a time zone's rules looked up for each of a seed's million events cost). */
	private static LocalDate day(Instant at) {
		return LocalDate.ofEpochDay(Math.floorDiv(at.getEpochSecond(), 86_400L));
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

}
