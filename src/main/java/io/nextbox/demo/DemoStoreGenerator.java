package io.nextbox.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.nextbox.catalog.Interval;
import io.nextbox.subscription.SubscriptionStatus;

/**
 * Generates demo subscribers and their history. Each subscriber grows from its own random stream, seeded by
 * the store's seed and the subscriber's number, so any one of them is the same however many are generated and
 * in whatever order: a store of 100,000 is generated in chunks without holding it all.
 */
final class DemoStoreGenerator {

	private static final String[] FIRST_NAMES = { "Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo",
			"Ines", "Jonas", "Kira", "Liam", "Maya", "Noah", "Olivia", "Pablo", "Quinn", "Rosa", "Sami", "Tara", "Umar",
			"Vera", "Wen", "Ximena", "Yusuf", "Zoe", "Aisha", "Bruno", "Carmen", "Diego", "Emma", "Felix", "Hana",
			"Ivan", "Julia", "Kofi", "Lena", "Mateo", "Nina", "Oscar" };

	private static final String[] LAST_NAMES = { "Adams", "Baker", "Costa", "Dubois", "Evans", "Fischer", "Garcia",
			"Hughes", "Ito", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Patel", "Quinn", "Rossi",
			"Silva", "Tanaka", "Umeh", "Varga", "Weber", "Xu", "Yilmaz", "Zimmermann", "Novak", "Berg", "Lindqvist",
			"Murphy" };

	private static final String[] CANCEL_REASONS = { "TOO_MUCH_PRODUCT", "TOO_EXPENSIVE", "TASTE", "MOVING",
			"OTHER" };

	private static final List<String> ONE_TIME_GEAR = List.of("GEAR-SCALE", "GEAR-KETTLE", "GEAR-GRINDER");

	private static final List<String> ANY_ADD_ON = DemoCatalog.PRODUCTS.stream()
		.filter(DemoCatalog.Item::inStock)
		.map(DemoCatalog.Item::sku)
		.toList();

	private final long seed;

	private final LocalDate today;

	DemoStoreGenerator(long seed, LocalDate today) {
		this.seed = seed;
		this.today = today;
	}

	/** Subscriber number {@code number} (1-based) of the demo store. */
	DemoCustomer customer(int number) {
		Random random = new Random(seed * 1_000_003L + number);
		Persona persona = persona(number, random);
		String firstName = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
		String lastName = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
		int months = number == 1 ? 18 : 6 + random.nextInt(18);
		LocalDate startedOn = today.minusMonths(months).minusDays(random.nextInt(20));
		Habits habits = Habits.of(persona, random);
		int tier = startingTier(persona, random);
		int quantity = random.nextInt(100) < 12 ? 2 : 1;
		Interval interval = interval(persona, random);

		LocalDate historyEnds = today;
		SubscriptionStatus status = SubscriptionStatus.ACTIVE;
		int fate = number <= 3 ? 99 : random.nextInt(100);
		if (fate < 14) {
			status = SubscriptionStatus.CANCELLED;
			historyEnds = dayBetween(startedOn.plusMonths(6), today.minusDays(7), random);
		}
		else if (fate < 22) {
			status = SubscriptionStatus.PAUSED;
			historyEnds = dayBetween(startedOn.plusMonths(6), today.minusDays(1), random);
		}

		List<DemoCustomer.Order> orders = new ArrayList<>();
		Set<String> owned = new HashSet<>();
		LocalDate shipDate = startedOn;
		while (!shipDate.isAfter(historyEnds)) {
			tier = maybeChangeTier(persona, tier, habits, random);
			DemoCatalog.PlanSpec plan = persona.family.plans().get(tier - 1);
			String orderNumber = "DEMO-" + number + "-" + (orders.size() + 1);
			orders.add(new DemoCustomer.Order(orderNumber,
					shipDate.atTime(6, random.nextInt(60)).toInstant(ZoneOffset.UTC), plan.sku(), quantity,
					plan.unitPrice(), addOns(persona, habits, owned, orders.size(), random)));
			shipDate = interval.after(shipDate);
		}

		if (number <= 3 && shipDate.isBefore(today.plusDays(5))) {
			// the demo logins get a next box that is still open for changes, so the demo can be walked through
			shipDate = today.plusDays(5 + number);
		}
		String planSku = persona.family.plans().get(tier - 1).sku();
		DemoCustomer.Subscription subscription = switch (status) {
			case ACTIVE -> new DemoCustomer.Subscription(planSku, quantity, interval, status, shipDate, null, null,
					null);
			case PAUSED -> {
				LocalDate until = random.nextBoolean() ? today.plusDays(7 + random.nextInt(50)) : null;
				yield new DemoCustomer.Subscription(planSku, quantity, interval, status, until, until, null, null);
			}
			case CANCELLED -> new DemoCustomer.Subscription(planSku, quantity, interval, status, null, null,
					historyEnds.plusDays(1), CANCEL_REASONS[random.nextInt(CANCEL_REASONS.length)]);
		};
		return new DemoCustomer(number, firstName, lastName, persona, startedOn, subscription, List.copyOf(orders));
	}

	/** How one subscriber shops: favourite treats and extras, and how often each is added. */
	private record Habits(List<String> favourites, double favouriteRate, String extra, double extraRate) {

		static Habits of(Persona persona, Random random) {
			List<String> treats = new ArrayList<>(persona.treats);
			Collections.shuffle(treats, random);
			List<String> favourites = List.copyOf(treats.subList(0, 1 + random.nextInt(Math.min(2, treats.size()))));
			double favouriteRate = 0.15 + random.nextDouble() * 0.45;
			boolean extraBuyer = random.nextInt(100) < 30;
			String extra = persona.extras.get(random.nextInt(persona.extras.size()));
			return new Habits(favourites, favouriteRate, extra, extraBuyer ? 0.2 + random.nextDouble() * 0.4 : 0.0);
		}

	}

	private List<DemoCustomer.AddOn> addOns(Persona persona, Habits habits, Set<String> owned, int orderIndex,
			Random random) {
		Set<String> skus = new LinkedHashSet<>();
		if (!owned.contains(persona.brewer) && orderIndex < 4 && random.nextDouble() < 0.45) {
			skus.add(persona.brewer);
			owned.add(persona.brewer);
		}
		double consumableRate = owned.contains(persona.brewer) ? persona.consumableRate : persona.consumableRate / 6;
		if (random.nextDouble() < consumableRate) {
			skus.add(persona.consumable);
		}
		for (String favourite : habits.favourites()) {
			if (random.nextDouble() < habits.favouriteRate()) {
				skus.add(favourite);
			}
		}
		if (random.nextDouble() < habits.extraRate()) {
			skus.add(habits.extra());
		}
		if (persona.family != DemoCatalog.TEA && random.nextDouble() < 0.02) {
			String gear = ONE_TIME_GEAR.get(random.nextInt(ONE_TIME_GEAR.size()));
			if (owned.add(gear)) {
				skus.add(gear);
			}
		}
		if (random.nextDouble() < 0.04) {
			skus.add(ANY_ADD_ON.get(random.nextInt(ANY_ADD_ON.size())));
		}
		return skus.stream().map(sku -> new DemoCustomer.AddOn(sku, 1, DemoCatalog.product(sku).unitPrice())).toList();
	}

	private static Persona persona(int number, Random random) {
		switch (number) {
			case 1:
				return Persona.POUR_OVER;
			case 2:
				return Persona.TEA;
			case 3:
				return Persona.ESPRESSO;
			default:
				int total = 0;
				for (Persona persona : Persona.values()) {
					total += persona.weight;
				}
				int pick = random.nextInt(total);
				for (Persona persona : Persona.values()) {
					pick -= persona.weight;
					if (pick < 0) {
						return persona;
					}
				}
				throw new IllegalStateException("weights do not add up");
		}
	}

	private static int startingTier(Persona persona, Random random) {
		int tiers = persona.family.plans().size();
		int roll = random.nextInt(100);
		return Math.min(tiers, roll < 65 ? 1 : roll < 92 ? 2 : 3);
	}

	/** Subscribers who keep adding extra bags are the ones who move up a tier; a few move down. */
	private static int maybeChangeTier(Persona persona, int tier, Habits habits, Random random) {
		int tiers = persona.family.plans().size();
		double upgrade = 0.006 + habits.extraRate() * 0.05;
		double roll = random.nextDouble();
		if (tier < tiers && roll < upgrade) {
			return tier + 1;
		}
		if (tier > 1 && roll > 1 - 0.003) {
			return tier - 1;
		}
		return tier;
	}

	private static Interval interval(Persona persona, Random random) {
		Interval usual = persona.family.plans().get(0).interval();
		int roll = random.nextInt(100);
		if (persona.family == DemoCatalog.TEA) {
			return roll < 80 ? usual : Interval.weeks(6);
		}
		return roll < 55 ? usual : roll < 75 ? Interval.weeks(3) : Interval.weeks(4);
	}

	private static LocalDate dayBetween(LocalDate first, LocalDate last, Random random) {
		long days = ChronoUnit.DAYS.between(first, last);
		return days <= 0 ? last : first.plusDays(random.nextLong(days + 1));
	}

}
