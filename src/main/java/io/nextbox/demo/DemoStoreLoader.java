package io.nextbox.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import io.nextbox.engagement.WidgetService;
import io.nextbox.offer.NewOffer;
import io.nextbox.offer.OfferEvent;
import io.nextbox.offer.OfferEvents;
import io.nextbox.offer.OfferKind;
import io.nextbox.offer.OfferService;
import io.nextbox.offer.OfferStatus;
import io.nextbox.offer.Placement;
import io.nextbox.shared.BulkLoadWrites;
import io.nextbox.ordering.NewOrder;
import io.nextbox.ordering.OrderHistory;
import io.nextbox.ordering.OrderSource;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.subscription.NewSubscription;
import io.nextbox.subscription.SubscriptionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
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

	private static final int CHUNK = 5000;

	/**
	 * The plain indexes of the tables the seed fills most (offer events, orders), as the migrations create them:
	 * dropped for the seed and built once it has loaded, which costs a fraction of adding each row to each of them
	 * (adding to the indexes was half the seed's time). Unique and foreign key indexes stay (H2 keeps an index that
	 * backs a foreign key). A test checks these against the migrated schema.
	 */
	static final List<BulkLoadWrites.Index> SEED_INDEXES = List.of(
			new BulkLoadWrites.Index("offer_event_offer", "offer_event", "offer_id, occurred_at"),
			new BulkLoadWrites.Index("offer_event_subscriber", "offer_event", "subscriber_id, occurred_at"),
			new BulkLoadWrites.Index("offer_event_time", "offer_event", "occurred_at, placement"),
			new BulkLoadWrites.Index("offer_event_reach", "offer_event",
					"occurred_at, holdout, offer_id, type, placement, subscriber_id"),
			new BulkLoadWrites.Index("offer_event_offer_reach", "offer_event",
					"offer_id, occurred_at, holdout, type, placement, subscriber_id"),
			new BulkLoadWrites.Index("offer_event_first_any", "offer_event",
					"gap_any, occurred_at, prev_any, holdout, subscriber_id"),
			new BulkLoadWrites.Index("offer_event_first_at", "offer_event",
					"placement, gap_placement, occurred_at, prev_placement, holdout, subscriber_id"),
			new BulkLoadWrites.Index("offer_event_shipped", "offer_event",
					"type, occurred_at, subscriber_id, unit_price, placement"),
			new BulkLoadWrites.Index("offer_event_dismissals", "offer_event", "subscriber_id, type, occurred_at, offer_id"),
			new BulkLoadWrites.Index("orders_subscriber", "orders", "subscriber_id, ordered_at"),
			new BulkLoadWrites.Index("orders_ordered_at", "orders", "ordered_at"),
			new BulkLoadWrites.Index("orders_totals_by_time", "orders", "ordered_at, subscriber_id, total"));

	private final StoreSettingsService settings;

	private final CatalogService catalog;

	private final AccountService accounts;

	private final SubscriptionService subscriptions;

	private final OrderHistory orders;

	private final OfferService offers;

	private final OfferEvents offerEvents;

	private final WidgetService widgets;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final JdbcTemplate jdbc;

	DemoStoreLoader(StoreSettingsService settings, CatalogService catalog, AccountService accounts,
			SubscriptionService subscriptions, OrderHistory orders, OfferService offers, OfferEvents offerEvents,
			WidgetService widgets, TransactionTemplate transaction, Clock clock, JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.catalog = catalog;
		this.accounts = accounts;
		this.subscriptions = subscriptions;
		this.orders = orders;
		this.offers = offers;
		this.offerEvents = offerEvents;
		this.widgets = widgets;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Seeds the store unless it already has accounts. */
	boolean loadIfEmpty(DemoProperties properties) {
		if (accounts.hasAccounts()) {
			// a seed stopped before it built its indexes again (killed) left an empty store, seeded again on the
			// next start; a store no longer seeded gets them back here
			BulkLoadWrites.ensure(jdbc, SEED_INDEXES);
			return false;
		}
		LocalDate today = properties.today() != null ? properties.today() : LocalDate.now(clock);
		long started = System.nanoTime();
		long cpuStarted = threadCpuNanos();
		Counts counts = BulkLoadWrites.deferred(jdbc, SEED_INDEXES, () -> transaction.execute(status -> load(properties, today)));
		log.info("Seeded the demo store in {} ms ({} ms of CPU on this thread): {} products, {} plans, {} subscribers, "
				+ "{} orders with {} lines, {} offer events (their history took {} ms)",
				(System.nanoTime() - started) / 1_000_000, (threadCpuNanos() - cpuStarted) / 1_000_000,
				DemoCatalog.PRODUCTS.size(), counts.plans(), counts.subscribers(), counts.orders(), counts.lines(),
				counts.offerEvents(), counts.offerHistoryMillis());
		return true;
	}

	/** The CPU time of this thread so far (0 where the JVM does not measure it): moves less than the wall time. */
	private static long threadCpuNanos() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
	}

	record Counts(int plans, int subscribers, int orders, int lines, int offerEvents, long offerHistoryMillis) {
	}

	private Counts load(DemoProperties properties, LocalDate today) {
		DemoStoreGenerator generator = new DemoStoreGenerator(properties.seed(), today);
		int subscriberCount = properties.subscribers();
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
		Map<String, Long> offerIds = createOffers(productIds, planIds, familyIds);
		DemoOfferHistory offerHistory = properties.offerHistory()
				? new DemoOfferHistory(properties.seed(), today, offerIds) : null;

		int orderCount = 0;
		int eventCount = 0;
		long historyNanos = 0;
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
			List<OfferEvent> newEvents = new ArrayList<>();
			for (int i = 0; i < customers.size(); i++) {
				Map<Integer, List<DemoOfferHistory.AddedLine>> added = new HashMap<>();
				if (offerHistory != null) {
					long growing = System.nanoTime();
					DemoOfferHistory.Grown grown = offerHistory.grow(customers.get(i), subscriberIds.get(i),
							subscriptionIds.get(i), widgets.isInHoldout(subscriberIds.get(i)));
					newEvents.addAll(grown.events());
					grown.lines()
						.forEach(line -> added.computeIfAbsent(line.orderIndex(), n -> new ArrayList<>()).add(line));
					historyNanos += System.nanoTime() - growing;
				}
				List<DemoCustomer.Order> customerOrders = customers.get(i).orders();
				for (int n = 0; n < customerOrders.size(); n++) {
					DemoCustomer.Order order = customerOrders.get(n);
					List<NewOrder.Line> lines = new ArrayList<>();
					lines.add(NewOrder.Line.plan(planIds.get(order.planSku()), order.planQuantity(), order.planPrice()));
					order.addOns()
						.forEach(addOn -> lines.add(NewOrder.Line.addOn(productIds.get(addOn.sku()), null,
								addOn.quantity(), addOn.unitPrice())));
					added.getOrDefault(n, List.of())
						.forEach(line -> lines.add(NewOrder.Line.addOn(productIds.get(line.sku()), line.offerId(), 1,
								line.unitPrice())));
					newOrders.add(new NewOrder(order.orderNumber(), subscriberIds.get(i), subscriptionIds.get(i), null,
							order.orderedAt(), OrderSource.DEMO, lines));
					lineCount += lines.size();
				}
			}
			orders.importOrders(newOrders);
			orderCount += newOrders.size();
			long importing = System.nanoTime();
			offerEvents.importHistoryOfNewSubscribers(newEvents);
			historyNanos += System.nanoTime() - importing;
			eventCount += newEvents.size();
		}
		return new Counts(planIds.size(), subscriberCount, orderCount, lineCount, eventCount,
				historyNanos / 1_000_000);
	}

	private Map<String, Long> createProducts() {
		Map<String, Long> ids = new HashMap<>();
		for (DemoCatalog.Item item : DemoCatalog.PRODUCTS) {
			ids.put(item.sku(), catalog.createProduct(new NewProduct(item.sku(), item.name(), item.description(),
					item.imageUrl(), item.category(), item.unitPrice(), item.inStock(), true)));
		}
		return ids;
	}

	/** The live offers of {@link DemoOffers} and a draft, so the widgets have something to show; ids by name. */
	private Map<String, Long> createOffers(Map<String, Long> products, Map<String, Long> plans,
			Map<String, Long> families) {
		Map<String, Long> ids = new HashMap<>();
		for (DemoOffers.Spec spec : DemoOffers.LIVE) {
			NewOffer offer = spec.isUpgrade()
					? NewOffer.activeUpgrade(spec.name(), plans.get(spec.sku()), spec.priority(), spec.placements())
						.forPlans(Set.of(plans.get(spec.fromPlan())))
					: NewOffer.activeAddOn(spec.name(), products.get(spec.sku()), spec.priority(), spec.placements())
						.forFamilies(spec.family() == null ? Set.of() : Set.of(families.get(spec.family())));
			if (spec.discountType() != DiscountType.NONE) {
				offer = offer.withDiscount(spec.discountType(), spec.discount());
			}
			ids.put(spec.name(), offers.create(offer));
		}
		Set<Placement> everywhere = Set.of(Placement.DASHBOARD, Placement.NEXT_SHIPMENT, Placement.POST_PURCHASE);
		offers.create(new NewOffer("Gooseneck kettle launch", OfferKind.ADD_ON,
				products.get("GEAR-KETTLE"), null, DiscountType.FIXED, new BigDecimal("5.00"),
				OfferStatus.DRAFT, 2, null, null, 3, 60, true, everywhere, Set.of(), Set.of(families.get("filter"))));
		return ids;
	}

}
