package io.nextbox.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nextbox.account.AccountService;
import io.nextbox.account.NewSubscriber;
import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.NewPlan;
import io.nextbox.catalog.NewProduct;
import io.nextbox.offer.DiscountType;
import io.nextbox.offer.NewOffer;
import io.nextbox.offer.OfferKind;
import io.nextbox.offer.OfferService;
import io.nextbox.offer.OfferStatus;
import io.nextbox.offer.Placement;
import io.nextbox.ordering.NewOrder;
import io.nextbox.ordering.OrderHistory;
import io.nextbox.ordering.OrderSource;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.subscription.NewSubscription;
import io.nextbox.subscription.SubscriptionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo store through the modules' public services, in one transaction: a failed load leaves an empty
 * store that the next start seeds again, never half a store.
 */
@Component
class DemoStoreLoader {

	static final String MERCHANT_EMAIL = "merchant@nextbox.test";

	static final String MERCHANT_PASSWORD = "nextbox-merchant";

	static final String SUBSCRIBER_PASSWORD = "nextbox-subscriber";

	private static final Logger log = LoggerFactory.getLogger(DemoStoreLoader.class);

	private static final int CHUNK = 1000;

	private final StoreSettingsService settings;

	private final CatalogService catalog;

	private final AccountService accounts;

	private final SubscriptionService subscriptions;

	private final OrderHistory orders;

	private final OfferService offers;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoStoreLoader(StoreSettingsService settings, CatalogService catalog, AccountService accounts,
			SubscriptionService subscriptions, OrderHistory orders, OfferService offers,
			TransactionTemplate transaction, Clock clock) {
		this.settings = settings;
		this.catalog = catalog;
		this.accounts = accounts;
		this.subscriptions = subscriptions;
		this.orders = orders;
		this.offers = offers;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Seeds the store unless it already has accounts. */
	boolean loadIfEmpty(DemoProperties properties) {
		if (accounts.hasAccounts()) {
			return false;
		}
		LocalDate today = properties.today() != null ? properties.today() : LocalDate.now(clock);
		long started = System.nanoTime();
		Counts counts = transaction.execute(status -> load(new DemoStoreGenerator(properties.seed(), today),
				properties.subscribers()));
		log.info("Seeded the demo store in {} ms: {} products, {} plans, {} subscribers, {} orders with {} lines",
				(System.nanoTime() - started) / 1_000_000, DemoCatalog.PRODUCTS.size(), counts.plans(),
				counts.subscribers(), counts.orders(), counts.lines());
		return true;
	}

	record Counts(int plans, int subscribers, int orders, int lines) {
	}

	private Counts load(DemoStoreGenerator generator, int subscriberCount) {
		settings.rename(DemoCatalog.STORE_NAME, "USD");
		Map<String, Long> productIds = createProducts();
		Map<String, Long> planIds = new HashMap<>();
		Map<String, Long> familyIds = new HashMap<>();
		for (DemoCatalog.Family family : DemoCatalog.FAMILIES) {
			long familyId = catalog.createFamily(family.name(), family.description());
			familyIds.put(family.key(), familyId);
			for (DemoCatalog.PlanSpec plan : family.plans()) {
				Map<Long, Integer> items = new HashMap<>();
				plan.items().forEach((sku, quantity) -> items.put(productIds.get(sku), quantity));
				planIds.put(plan.sku(), catalog.createPlan(new NewPlan(familyId, plan.sku(), plan.name(),
						plan.description(), plan.tier(), plan.unitPrice(), plan.interval(), items)));
			}
		}
		accounts.registerMerchant(MERCHANT_EMAIL, "Store Manager", MERCHANT_PASSWORD);

		int orderCount = 0;
		int lineCount = 0;
		for (int first = 1; first <= subscriberCount; first += CHUNK) {
			List<DemoCustomer> customers = new ArrayList<>();
			for (int number = first; number < Math.min(first + CHUNK, subscriberCount + 1); number++) {
				customers.add(generator.customer(number));
			}
			List<Long> subscriberIds = accounts.registerSubscribers(customers.stream()
				.map(customer -> new NewSubscriber(customer.email(), customer.firstName(), customer.lastName(),
						customer.joinedOn().atTime(9, 0).toInstant(ZoneOffset.UTC)))
				.toList(), SUBSCRIBER_PASSWORD);
			List<NewSubscription> newSubscriptions = new ArrayList<>();
			for (int i = 0; i < customers.size(); i++) {
				DemoCustomer.Subscription subscription = customers.get(i).subscription();
				newSubscriptions.add(new NewSubscription(subscriberIds.get(i), planIds.get(subscription.planSku()),
						subscription.quantity(), subscription.interval(), subscription.status(),
						customers.get(i).joinedOn(), subscription.nextShipmentDate(), subscription.pausedUntil(),
						subscription.cancelledOn(), subscription.cancelReason()));
			}
			List<Long> subscriptionIds = subscriptions.importSubscriptions(newSubscriptions);
			List<NewOrder> newOrders = new ArrayList<>();
			for (int i = 0; i < customers.size(); i++) {
				for (DemoCustomer.Order order : customers.get(i).orders()) {
					List<NewOrder.Line> lines = new ArrayList<>();
					lines.add(NewOrder.Line.plan(planIds.get(order.planSku()), order.planQuantity(), order.planPrice()));
					order.addOns()
						.forEach(addOn -> lines.add(NewOrder.Line.addOn(productIds.get(addOn.sku()), null,
								addOn.quantity(), addOn.unitPrice())));
					newOrders.add(new NewOrder(order.orderNumber(), subscriberIds.get(i), subscriptionIds.get(i), null,
							order.orderedAt(), OrderSource.DEMO, lines));
					lineCount += lines.size();
				}
			}
			orders.importOrders(newOrders);
			orderCount += newOrders.size();
		}
		createOffers(productIds, planIds, familyIds);
		return new Counts(planIds.size(), subscriberCount, orderCount, lineCount);
	}

	private Map<String, Long> createProducts() {
		Map<String, Long> ids = new HashMap<>();
		for (DemoCatalog.Item item : DemoCatalog.PRODUCTS) {
			ids.put(item.sku(), catalog.createProduct(new NewProduct(item.sku(), item.name(), item.description(),
					item.imageUrl(), item.category(), item.unitPrice(), item.inStock(), true)));
		}
		return ids;
	}

	/** A realistic set of live offers, so the widgets have something to show before the offer admin exists. */
	private void createOffers(Map<String, Long> products, Map<String, Long> plans, Map<String, Long> families) {
		Set<Placement> everywhere = Set.of(Placement.DASHBOARD, Placement.NEXT_SHIPMENT, Placement.POST_PURCHASE);
		Set<Long> filter = Set.of(families.get("filter"));
		Set<Long> espresso = Set.of(families.get("espresso"));
		Set<Long> tea = Set.of(families.get("tea"));
		offers.create(NewOffer.activeAddOn("V60 filter papers", products.get("GEAR-V60-FILTERS"), 10, everywhere)
			.forFamilies(filter));
		offers.create(NewOffer.activeAddOn("AeroPress filters", products.get("GEAR-AEROPRESS-FILTERS"), 10, everywhere)
			.forFamilies(filter));
		offers.create(NewOffer.activeAddOn("Chemex filters", products.get("GEAR-CHEMEX-FILTERS"), 10, everywhere)
			.forFamilies(filter));
		offers.create(NewOffer.activeAddOn("An extra bag of Kenya Nyeri", products.get("COF-KEN-NYERI"), 5, everywhere)
			.forFamilies(filter)
			.withDiscount(DiscountType.PERCENT, new BigDecimal("10")));
		offers.create(NewOffer.activeAddOn("Almond biscotti", products.get("TRT-BISCOTTI"), 5, everywhere)
			.forFamilies(espresso));
		offers.create(NewOffer.activeAddOn("Vanilla syrup", products.get("TRT-VANILLA-SYRUP"), 5, everywhere)
			.forFamilies(espresso));
		offers.create(NewOffer.activeAddOn("Machine descaler", products.get("GEAR-DESCALER"), 3, everywhere)
			.forFamilies(espresso));
		offers.create(NewOffer.activeAddOn("Wildflower honey", products.get("TRT-HONEY-WILDFLOWER"), 10, everywhere)
			.forFamilies(tea));
		offers.create(NewOffer.activeAddOn("Manuka honey", products.get("TRT-HONEY-MANUKA"), 3, everywhere)
			.forFamilies(tea));
		offers.create(NewOffer.activeAddOn("Tea infuser", products.get("GEAR-INFUSER"), 3, everywhere)
			.forFamilies(tea));
		offers.create(NewOffer.activeAddOn("Oat biscuits", products.get("TRT-OAT-BISCUITS"), 1, everywhere));
		offers.create(NewOffer.activeAddOn("Dark chocolate", products.get("TRT-DARK-CHOCOLATE"), 1, everywhere));
		offers.create(NewOffer.activeAddOn("Butter shortbread", products.get("TRT-SHORTBREAD"), 1, everywhere));
		Set<Placement> upgradePlaces = Set.of(Placement.DASHBOARD, Placement.POST_PURCHASE);
		offers.create(NewOffer.activeUpgrade("Go up to 500 g", plans.get("PLAN-FILTER-500"), 8, upgradePlaces)
			.forPlans(Set.of(plans.get("PLAN-FILTER-250"))));
		offers.create(NewOffer.activeUpgrade("Add monthly gear", plans.get("PLAN-FILTER-500-GEAR"), 4, upgradePlaces)
			.forPlans(Set.of(plans.get("PLAN-FILTER-500"))));
		offers.create(NewOffer.activeUpgrade("Espresso by the kilo", plans.get("PLAN-ESPRESSO-1000"), 8, upgradePlaces)
			.forPlans(Set.of(plans.get("PLAN-ESPRESSO-500"))));
		offers.create(NewOffer.activeUpgrade("Explore five teas", plans.get("PLAN-TEA-5"), 8, upgradePlaces)
			.forPlans(Set.of(plans.get("PLAN-TEA-3"))));
		offers.create(NewOffer.activeAddOn("Stay: biscuits on us", products.get("TRT-OAT-BISCUITS"), 5,
				Set.of(Placement.CANCEL_FLOW)).withDiscount(DiscountType.FIXED, new BigDecimal("5.50")));
		offers.create(new NewOffer("Gooseneck kettle launch", OfferKind.ADD_ON,
				products.get("GEAR-KETTLE"), null, DiscountType.FIXED, new BigDecimal("5.00"),
				OfferStatus.DRAFT, 2, null, null, 3, 60, true, everywhere, Set.of(), filter));
	}

}
