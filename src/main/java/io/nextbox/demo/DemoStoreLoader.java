package io.nextbox.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
 * Loads the demo store through the modules' public services, in transactions of a block of subscribers each, with its
 * progress in the {@code demo_seed} row: a start stopped midway leaves whole blocks, and the next start seeds the
 * rest, never a subscriber twice.
 */
@Component
class DemoStoreLoader {

	static final String MERCHANT_EMAIL = "merchant@nextbox.test";

	static final String MERCHANT_PASSWORD = "nextbox-merchant";

	static final String SUBSCRIBER_PASSWORD = "nextbox-subscriber";

	private static final Logger log = LoggerFactory.getLogger(DemoStoreLoader.class);

	/** Subscribers a transaction of the seed adds (see {@link #loadIfEmpty(DemoProperties, int, IntConsumer)}). */
	static final int BLOCK = 5000;

	/**
	 * The tables the seed fills most: their plain indexes (as the migrations made them, read from the schema) are
	 * dropped for the seed and built once it has loaded, which costs a fraction of adding each row to each of them
	 * (adding to the indexes was half the seed's time). Unique and foreign key indexes stay (H2 keeps an index that
	 * backs a foreign key).
	 */
	static final List<String> SEED_TABLES = List.of("offer_event", "orders");

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

	/**
	 * Seeds the store unless it has accounts of its own, or finishes a seed a stopped start left midway (see
	 * {@link #loadIfEmpty(DemoProperties, int, IntConsumer)}).
	 */
	boolean loadIfEmpty(DemoProperties properties) {
		return loadIfEmpty(properties, BLOCK, seededThrough -> {
		});
	}

	/**
	 * Seeds the store in parts: the catalogue, the merchant and the offers with the {@code demo_seed} row (V58) in
	 * one transaction, then each block of {@code blockSize} subscribers with their subscriptions, orders and offer
	 * history in one transaction that also raises the row's {@code seeded_through}, and last the row's
	 * {@code finished_at}. A start killed midway leaves whole blocks: the next one finds the row unfinished and seeds
	 * the remaining subscribers with the row's settings (its size, seed and day, not the new start's), never one twice.
	 * A store with a finished row, or with accounts and no row (data of its own, or a seed older than V58), is not
	 * seeded. One H2 transaction for a store of 100,000 subscribers ran out of memory; a block of 5,000 is about
	 * 250,000 rows. {@code beforeCommit} runs in each block's transaction after its rows, with the last subscriber
	 * number of the block (the tests stop a seed midway there).
	 */
	boolean loadIfEmpty(DemoProperties properties, int blockSize, IntConsumer beforeCommit) {
		Optional<Progress> progress = progress();
		boolean seeded = progress.map(Progress::finished).orElseGet(accounts::hasAccounts);
		if (seeded) {
			// a seed stopped before it built its indexes again (killed) is finished by the next start, which builds
			// them; a store no longer seeded gets them back here
			BulkLoadWrites.ensure(jdbc);
			return false;
		}
		DemoProperties seeding = progress.map(Progress::properties).orElse(properties);
		if (progress.isPresent()) {
			log.info("Finishing the demo seed a stopped start left at {} of {} subscribers (seed {}, today {})",
					progress.get().seededThrough(), seeding.subscribers(), seeding.seed(), seeding.today());
		}
		LocalDate today = seeding.today() != null ? seeding.today() : LocalDate.now(clock);
		long started = System.nanoTime();
		long cpuStarted = threadCpuNanos();
		Counts counts = BulkLoadWrites.deferred(jdbc, SEED_TABLES,
				() -> load(seeding, today, progress.map(Progress::seededThrough).orElse(null), blockSize, beforeCommit));
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

		Counts plus(Counts block) {
			return new Counts(plans, subscribers + block.subscribers, orders + block.orders, lines + block.lines,
					offerEvents + block.offerEvents, offerHistoryMillis + block.offerHistoryMillis);
		}

	}

	/** The {@code demo_seed} row: what the seed was started with, and how far it got. */
	private record Progress(int subscribers, long seed, LocalDate today, boolean offerHistory, int seededThrough,
			boolean finished) {

		DemoProperties properties() {
			return new DemoProperties(true, subscribers, seed, today, offerHistory);
		}

	}

	private Optional<Progress> progress() {
		return jdbc.query("select subscribers, seed, today, offer_history, seeded_through, finished_at from demo_seed "
				+ "where id = 1", (row, n) -> new Progress(row.getInt(1), row.getLong(2), row.getDate(3).toLocalDate(),
						row.getBoolean(4), row.getInt(5), row.getTimestamp(6) != null))
			.stream()
			.findFirst();
	}

	/** The ids the subscribers' rows refer to: products and plans by SKU, the live offers by name. */
	private record StoreIds(Map<String, Long> products, Map<String, Long> plans, Map<String, Long> offers) {
	}

	private Counts load(DemoProperties properties, LocalDate today, Integer seededThrough, int blockSize,
			IntConsumer beforeCommit) {
		StoreIds ids = seededThrough == null ? transaction.execute(status -> createStore(properties, today))
				: existingStore();
		DemoStoreGenerator generator = new DemoStoreGenerator(properties.seed(), today);
		DemoOfferHistory offerHistory = properties.offerHistory()
				? new DemoOfferHistory(properties.seed(), today, ids.offers()) : null;
		Counts counts = new Counts(ids.plans().size(), 0, 0, 0, 0, 0);
		for (int first = seededThrough == null ? 1 : seededThrough + 1; first <= properties.subscribers();
				first += blockSize) {
			int from = first;
			int to = Math.min(first + blockSize - 1, properties.subscribers());
			long blockStarted = System.nanoTime();
			counts = counts.plus(transaction.execute(status -> {
				// claims the block: a second start seeding the same store at once waits for this row, then finds
				// it moved on and stops, instead of seeding the block twice
				if (jdbc.update("update demo_seed set seeded_through = ? where id = 1 and seeded_through = ?", to,
						from - 1) != 1) {
					throw new IllegalStateException("Another start is seeding the demo store");
				}
				Counts block = loadBlock(generator, offerHistory, ids, from, to);
				beforeCommit.accept(to);
				return block;
			}));
			if (to < properties.subscribers()) {
				log.info("Seeded demo subscribers {} to {} of {} in {} ms", from, to, properties.subscribers(),
						(System.nanoTime() - blockStarted) / 1_000_000);
			}
		}
		jdbc.update("update demo_seed set finished_at = ? where id = 1", Timestamp.from(clock.instant()));
		return counts;
	}

	/** The store's name, catalogue, merchant and offers, and the {@code demo_seed} row with no subscriber yet. */
	private StoreIds createStore(DemoProperties properties, LocalDate today) {
		jdbc.update("insert into demo_seed (id, subscribers, seed, today, offer_history, seeded_through, started_at) "
				+ "values (1, ?, ?, ?, ?, 0, ?)", properties.subscribers(), properties.seed(), Date.valueOf(today),
				properties.offerHistory(), Timestamp.from(clock.instant()));
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
		return new StoreIds(productIds, planIds, createOffers(productIds, planIds, familyIds));
	}

	/** The ids of the catalogue and offers an earlier start of the seed created. */
	private StoreIds existingStore() {
		Map<String, Long> products = new HashMap<>();
		Map<String, Long> plans = new HashMap<>();
		catalog.skus().forEach((sku, ref) -> (ref.plan() ? plans : products).put(sku, ref.id()));
		Set<String> live = DemoOffers.LIVE.stream().map(DemoOffers.Spec::name).collect(Collectors.toSet());
		Map<String, Long> offerIds = new HashMap<>();
		offers.labels().values().stream().filter(label -> live.contains(label.name()))
			.forEach(label -> offerIds.merge(label.name(), label.id(), Math::min));
		return new StoreIds(products, plans, offerIds);
	}

	/** Subscribers {@code from} to {@code to} (numbers, inclusive) with their subscriptions, orders and offer history. */
	private Counts loadBlock(DemoStoreGenerator generator, DemoOfferHistory offerHistory, StoreIds ids, int from,
			int to) {
		Map<String, Long> productIds = ids.products();
		Map<String, Long> planIds = ids.plans();
		long historyNanos = 0;
		int lineCount = 0;
		// each subscriber grows from a random stream of their own, so generating them on every core gives the same
		// store (an ordered stream keeps them in number order)
		List<DemoCustomer> customers = IntStream.rangeClosed(from, to).parallel().mapToObj(generator::customer).toList();
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
		List<DemoOfferHistory.Grown> grownHistories = null;
		if (offerHistory != null) {
			long growing = System.nanoTime();
			boolean[] heldOut = new boolean[customers.size()];
			for (int i = 0; i < customers.size(); i++) {
				heldOut[i] = widgets.isInHoldout(subscriberIds.get(i));
			}
			// on every core too: a subscriber's offer history grows from a random stream of their own
			grownHistories = IntStream.range(0, customers.size()).parallel()
				.mapToObj(i -> offerHistory.grow(customers.get(i), subscriberIds.get(i), subscriptionIds.get(i),
						heldOut[i]))
				.toList();
			historyNanos += System.nanoTime() - growing;
		}
		for (int i = 0; i < customers.size(); i++) {
			Map<Integer, List<DemoOfferHistory.AddedLine>> added = new HashMap<>();
			if (grownHistories != null) {
				DemoOfferHistory.Grown grown = grownHistories.get(i);
				newEvents.addAll(grown.events());
				grown.lines()
					.forEach(line -> added.computeIfAbsent(line.orderIndex(), n -> new ArrayList<>()).add(line));
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
		long importing = System.nanoTime();
		offerEvents.importHistoryOfNewSubscribers(newEvents);
		historyNanos += System.nanoTime() - importing;
		return new Counts(0, customers.size(), newOrders.size(), lineCount, newEvents.size(),
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
