package io.nextbox.demo;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import io.nextbox.subscription.SubscriptionStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoStoreGeneratorTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	private static final List<DemoCustomer> STORE = generate(20261125L, 2000);

	private static List<DemoCustomer> generate(long seed, int subscribers) {
		DemoStoreGenerator generator = new DemoStoreGenerator(seed, TODAY);
		return IntStream.rangeClosed(1, subscribers).mapToObj(generator::customer).toList();
	}

	@Test
	void theSameSeedGrowsTheSameStore() {
		assertThat(generate(20261125L, 2000)).isEqualTo(STORE);
	}

	@Test
	void aSubscriberIsTheSameHoweverManyAreGenerated() {
		assertThat(new DemoStoreGenerator(20261125L, TODAY).customer(1234)).isEqualTo(STORE.get(1233));
	}

	@Test
	void anotherSeedGrowsAnotherStore() {
		assertThat(generate(7L, 50)).isNotEqualTo(STORE.subList(0, 50));
	}

	@Test
	void theCatalogHasFortyProductsAndEightPlansInThreeFamiliesOfTiers() {
		assertThat(DemoCatalog.PRODUCTS).hasSize(40);
		assertThat(DemoCatalog.PRODUCTS).extracting(DemoCatalog.Item::sku).doesNotHaveDuplicates();
		assertThat(DemoCatalog.FAMILIES).hasSize(3);
		assertThat(DemoCatalog.FAMILIES.stream().mapToInt(family -> family.plans().size()).sum()).isEqualTo(8);
		for (DemoCatalog.Family family : DemoCatalog.FAMILIES) {
			for (int i = 0; i < family.plans().size(); i++) {
				assertThat(family.plans().get(i).tier()).isEqualTo(i + 1);
				if (i > 0) {
					assertThat(family.plans().get(i).unitPrice()).isGreaterThan(family.plans().get(i - 1).unitPrice());
				}
			}
		}
	}

	@Test
	void everySubscriberHasSixToTwentyFourMonthsOfOrders() {
		for (DemoCustomer customer : STORE) {
			assertThat(customer.orders()).as(customer.email()).isNotEmpty();
			LocalDate first = customer.orders().get(0).orderedAt().atZone(ZoneOffset.UTC).toLocalDate();
			Period sinceFirst = Period.between(first, TODAY);
			assertThat(sinceFirst.toTotalMonths()).as(customer.email()).isBetween(6L, 23L);
			assertThat(first).isEqualTo(customer.joinedOn());
		}
	}

	@Test
	void mostSubscriptionsAreActiveAndEveryStatusAppears() {
		long active = STORE.stream().filter(c -> c.subscription().status() == SubscriptionStatus.ACTIVE).count();
		assertThat(active).isBetween(1400L, 1700L);
		assertThat(STORE).anyMatch(c -> c.subscription().status() == SubscriptionStatus.PAUSED);
		assertThat(STORE).anyMatch(c -> c.subscription().status() == SubscriptionStatus.CANCELLED);
		assertThat(STORE).filteredOn(c -> c.subscription().status() == SubscriptionStatus.ACTIVE)
			.allMatch(c -> c.subscription().nextShipmentDate().isAfter(TODAY));
	}

	@Test
	void peopleWhoBuyADripperKeepBuyingFilterPapers() {
		List<DemoCustomer> filterDrinkers = STORE.stream()
			.filter(c -> c.persona().family == DemoCatalog.FILTER)
			.toList();
		double withDripper = rateOf(filterDrinkers, c -> bought(c, "GEAR-V60"), "GEAR-V60-FILTERS");
		double withoutDripper = rateOf(filterDrinkers, c -> !bought(c, "GEAR-V60"), "GEAR-V60-FILTERS");
		assertThat(withDripper).isGreaterThan(0.25).isGreaterThan(withoutDripper * 5);
	}

	@Test
	void teaDrinkersBuyHoneyAndCoffeeDrinkersRarelyDo() {
		double tea = rateOf(STORE, c -> c.persona().family == DemoCatalog.TEA, "TRT-HONEY-WILDFLOWER");
		double coffee = rateOf(STORE, c -> c.persona().family != DemoCatalog.TEA, "TRT-HONEY-WILDFLOWER");
		assertThat(tea).isGreaterThan(coffee * 5);
	}

	@Test
	void subscribersRepeatTheirFavouriteAddOns() {
		long repeaters = STORE.stream().filter(customer -> {
			var counts = customer.orders()
				.stream()
				.flatMap(order -> order.addOns().stream())
				.collect(java.util.stream.Collectors.groupingBy(DemoCustomer.AddOn::sku,
						java.util.stream.Collectors.counting()));
			return counts.values().stream().anyMatch(count -> count >= 3);
		}).count();
		assertThat(repeaters).isGreaterThan(STORE.size() * 8L / 10);
	}

	@Test
	void someSubscribersMovedUpATier() {
		long upgraded = STORE.stream().filter(customer -> {
			List<String> plans = customer.orders().stream().map(DemoCustomer.Order::planSku).distinct().toList();
			return plans.size() > 1;
		}).count();
		assertThat(upgraded).isBetween(100L, 1000L);
	}

	@Test
	void theFirstSubscribersAreActiveDemoLoginsOfThreeKinds() {
		assertThat(STORE.subList(0, 3)).allMatch(c -> c.subscription().status() == SubscriptionStatus.ACTIVE);
		assertThat(STORE.subList(0, 3)).extracting(DemoCustomer::persona)
			.containsExactly(Persona.POUR_OVER, Persona.TEA, Persona.ESPRESSO);
	}

	private static boolean bought(DemoCustomer customer, String sku) {
		return customer.orders().stream().flatMap(o -> o.addOns().stream()).anyMatch(a -> a.sku().equals(sku));
	}

	/** Share of the orders of the matching customers that hold {@code sku}. */
	private static double rateOf(List<DemoCustomer> customers, Predicate<DemoCustomer> who, String sku) {
		List<DemoCustomer.Order> orders = customers.stream().filter(who).flatMap(c -> c.orders().stream()).toList();
		long holding = orders.stream().filter(o -> o.addOns().stream().anyMatch(a -> a.sku().equals(sku))).count();
		return (double) holding / orders.size();
	}

}
