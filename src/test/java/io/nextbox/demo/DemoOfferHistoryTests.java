package io.nextbox.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.nextbox.offer.OfferEvent;
import io.nextbox.offer.OfferEventType;
import io.nextbox.offer.Placement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo store's last 90 days of offers: believable rates, a holdout that takes nothing, and orders that agree. */
class DemoOfferHistoryTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	private static final long SEED = 20261125L;

	private static final Map<String, Long> IDS = IntStream.range(0, DemoOffers.LIVE.size())
		.boxed()
		.collect(Collectors.toMap(i -> DemoOffers.LIVE.get(i).name(), i -> 100L + i));

	private static final Map<Long, DemoOffers.Spec> BY_ID = IDS.entrySet()
		.stream()
		.collect(Collectors.toMap(Map.Entry::getValue,
				entry -> DemoOffers.LIVE.stream().filter(o -> o.name().equals(entry.getKey())).findFirst().orElseThrow()));

	private static final List<DemoCustomer> STORE = IntStream.rangeClosed(1, 2000)
		.mapToObj(new DemoStoreGenerator(SEED, TODAY)::customer)
		.toList();

	private static final Map<Integer, DemoOfferHistory.Grown> GROWN = grow(SEED);

	/** One in ten subscribers held out, as the store's default holdout share. */
	private static boolean heldOut(int number) {
		return number % 10 == 0;
	}

	private static Map<Integer, DemoOfferHistory.Grown> grow(long seed) {
		DemoOfferHistory history = new DemoOfferHistory(seed, TODAY, IDS);
		Map<Integer, DemoOfferHistory.Grown> grown = new HashMap<>();
		for (DemoCustomer customer : STORE) {
			grown.put(customer.number(), history.grow(customer, customer.number(), 10_000L + customer.number(),
					heldOut(customer.number())));
		}
		return grown;
	}

	private static List<OfferEvent> events() {
		return GROWN.values().stream().flatMap(grown -> grown.events().stream()).toList();
	}

	@Test
	void theSameSeedGrowsTheSameHistory() {
		assertThat(grow(SEED)).isEqualTo(GROWN);
	}

	@Test
	void everyEventFallsInTheLastNinetyDays() {
		Instant first = TODAY.minusDays(90).atStartOfDay().toInstant(ZoneOffset.UTC);
		Instant now = TODAY.atTime(6, 59).toInstant(ZoneOffset.UTC);
		assertThat(events()).isNotEmpty().allSatisfy(event -> assertThat(event.occurredAt()).isBetween(first, now));
	}

	@Test
	void addOnsAreTakenAtAFewPercentDifferentPerOfferAndPlacement() {
		List<OfferEvent> exposed = events().stream().filter(event -> !event.holdout()).toList();
		Map<Long, Double> perOffer = takeRates(exposed, OfferEvent::offerId);
		Map<Placement, Double> perPlacement = takeRates(exposed, OfferEvent::placement);
		perOffer.forEach((offer, rate) -> {
			DemoOffers.Spec spec = BY_ID.get(offer);
			if (spec.placements().contains(Placement.CANCEL_FLOW)) {
				assertThat(rate).as(spec.name()).isBetween(0.05, 0.6);
			}
			else if (!spec.isUpgrade()) {
				assertThat(rate).as(spec.name()).isBetween(0.003, 0.15);
			}
		});
		assertThat(perOffer.values().stream().distinct()).hasSizeGreaterThan(10);
		assertThat(perPlacement.get(Placement.NEXT_SHIPMENT)).isGreaterThan(perPlacement.get(Placement.DASHBOARD))
			.isGreaterThan(perPlacement.get(Placement.EMAIL));
		long impressions = exposed.stream().filter(event -> event.type() == OfferEventType.IMPRESSION).count();
		assertThat(impressions).isBetween(20_000L, 120_000L);
		assertThat(count(exposed, OfferEventType.UNDO)).isPositive();
		assertThat(count(exposed, OfferEventType.DISMISS)).isPositive();
		assertThat(exposed.stream()
			.filter(event -> event.type() == OfferEventType.ACCEPT && BY_ID.get(event.offerId()).isUpgrade()))
			.isNotEmpty();
	}

	@Test
	void theHoldoutIsShownOffersButTakesNone() {
		List<OfferEvent> all = events();
		assertThat(all).filteredOn(OfferEvent::holdout)
			.isNotEmpty()
			.allSatisfy(event -> {
				assertThat(event.type()).isEqualTo(OfferEventType.IMPRESSION);
				assertThat(heldOut((int) event.subscriberId())).isTrue();
			});
		assertThat(all).filteredOn(event -> heldOut((int) event.subscriberId())).allMatch(OfferEvent::holdout);
		GROWN.forEach((number, grown) -> {
			if (heldOut(number)) {
				assertThat(grown.lines()).isEmpty();
			}
		});
	}

	@Test
	void everyShippedAddOnIsALineOfAnOrderThatShippedThen() {
		int shipped = 0;
		for (DemoCustomer customer : STORE) {
			DemoOfferHistory.Grown grown = GROWN.get(customer.number());
			List<OfferEvent> shippedEvents = grown.events()
				.stream()
				.filter(event -> event.type() == OfferEventType.SHIPPED)
				.toList();
			assertThat(shippedEvents).hasSameSizeAs(grown.lines());
			for (DemoOfferHistory.AddedLine line : grown.lines()) {
				DemoCustomer.Order order = customer.orders().get(line.orderIndex());
				DemoOffers.Spec offer = BY_ID.get(line.offerId());
				assertThat(line.sku()).isEqualTo(offer.sku());
				assertThat(line.unitPrice()).isEqualTo(offer.price());
				assertThat(order.addOns()).noneMatch(addOn -> addOn.sku().equals(line.sku()));
				assertThat(shippedEvents).anyMatch(event -> event.offerId() == line.offerId()
						&& event.occurredAt().equals(order.orderedAt()) && event.unitPrice().equals(line.unitPrice()));
			}
			shipped += shippedEvents.size();
		}
		assertThat(shipped).isGreaterThan(300);
	}

	@Test
	void upgradesAreTakenWhereTheOrdersMoveUpToTheOfferedPlan() {
		for (DemoCustomer customer : STORE) {
			for (OfferEvent event : GROWN.get(customer.number()).events()) {
				DemoOffers.Spec offer = BY_ID.get(event.offerId());
				if (offer.isUpgrade() && event.type() == OfferEventType.ACCEPT) {
					List<String> plans = customer.orders().stream().map(DemoCustomer.Order::planSku).toList();
					int next = IntStream.range(0, plans.size())
						.filter(i -> customer.orders().get(i).orderedAt().isAfter(event.occurredAt()))
						.findFirst()
						.orElseThrow();
					assertThat(plans.get(next - 1)).isEqualTo(offer.fromPlan());
					assertThat(plans.get(next)).isEqualTo(offer.sku());
				}
			}
		}
	}

	@Test
	void subscribersShownOffersAddMoreThanTheHoldout() {
		Map<Boolean, List<BigDecimal>> perSubscriber = new HashMap<>();
		GROWN.forEach((number, grown) -> perSubscriber.computeIfAbsent(heldOut(number), group -> new ArrayList<>())
			.add(grown.lines()
				.stream()
				.map(DemoOfferHistory.AddedLine::unitPrice)
				.reduce(BigDecimal.ZERO, BigDecimal::add)));
		double exposed = perSubscriber.get(false).stream().mapToDouble(BigDecimal::doubleValue).average().orElseThrow();
		assertThat(exposed).isBetween(1.0, 20.0);
	}

	private static <K> Map<K, Double> takeRates(List<OfferEvent> events, Function<OfferEvent, K> key) {
		Map<K, long[]> counts = new HashMap<>();
		for (OfferEvent event : events) {
			long[] pair = counts.computeIfAbsent(key.apply(event), k -> new long[2]);
			if (event.type() == OfferEventType.IMPRESSION) {
				pair[0]++;
			}
			else if (event.type() == OfferEventType.ACCEPT) {
				pair[1]++;
			}
		}
		Map<K, Double> rates = new HashMap<>();
		counts.forEach((k, pair) -> rates.put(k, pair[0] == 0 ? 0 : (double) pair[1] / pair[0]));
		return rates;
	}

	private static long count(List<OfferEvent> events, OfferEventType type) {
		return events.stream().filter(event -> event.type() == type).count();
	}

}
