package io.nextbox.subscription;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.CatalogView;
import io.nextbox.catalog.PlanContent;
import io.nextbox.catalog.PlanSummary;
import io.nextbox.catalog.ProductCategory;
import io.nextbox.catalog.ProductSummary;
import io.nextbox.store.StoreSettings;
import io.nextbox.subscription.SubscriptionRows.BoxRow;
import io.nextbox.subscription.SubscriptionRows.LineRow;
import io.nextbox.subscription.SubscriptionRows.OpenBoxRow;
import io.nextbox.subscription.SubscriptionRows.SubscriptionRow;
import io.nextbox.shared.BatchInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class SubscriptionService {

	private final SubscriptionRepository subscriptions;

	private final ShipmentBook book;

	private final ShipmentRules rules;

	private final CatalogService catalog;

	private final JdbcTemplate jdbc;

	private final SubscriptionRows rows;

	SubscriptionService(SubscriptionRepository subscriptions, ShipmentBook book, ShipmentRules rules,
			CatalogService catalog, JdbcTemplate jdbc, SubscriptionRows rows) {
		this.subscriptions = subscriptions;
		this.book = book;
		this.rules = rules;
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.rows = rows;
	}

	/**
	 * One of the subscriber's subscriptions with its next box, the actions it allows and its timeline: three
	 * statements, read as rows ({@link SubscriptionRows}), not entities.
	 */
	public SubscriptionDetails details(long subscriberId, long subscriptionId) {
		return details(rows.owned(subscriberId, subscriptionId), rules.settings().portalActions());
	}

	/**
	 * One of the subscriber's subscriptions as store staff see it: every action the subscription's state allows,
	 * whether or not the portal offers it to the subscriber.
	 */
	public SubscriptionDetails detailsForStore(long subscriberId, long subscriptionId) {
		return details(rows.owned(subscriberId, subscriptionId), StoreSettings.PortalActions.all());
	}

	private SubscriptionDetails details(SubscriptionRow subscription, StoreSettings.PortalActions on) {
		// the open box with its lines and the skipped boxes in one query
		List<BoxRow> boxes = rows.openAndSkippedBoxes(subscription.id());
		Optional<BoxRow> open = boxes.stream().filter(box -> box.status() == ShipmentStatus.OPEN).findFirst();
		CatalogView view = catalog.view(List.of(subscription.planId()), open
			.map(shipment -> shipment.lines().stream().map(LineRow::productId).toList())
			.orElse(List.of()));
		PlanSummary plan = view.plan(subscription.planId()).orElseThrow();
		BoxContents box = SubscriptionSwaps.box(view, plan.id(), subscription.swaps());
		// the skipped boxes among the upcoming ones, and the one that can be brought back
		List<LocalDate> skippedDates = open.isEmpty() ? List.of()
				: boxes.stream().filter(shipment -> shipment.status() == ShipmentStatus.SKIPPED)
					.map(BoxRow::shipDate).toList();
		Optional<LocalDate> skipped = open.flatMap(shipment -> book.restorableSkip(skippedDates, shipment.shipDate()));
		List<PlanSummary> family = view.plansInFamily(plan.familyId());
		StoreSettings settings = rules.settings();
		SubscriptionPolicy.State state = new SubscriptionPolicy.State(subscription.status(), open.isPresent(),
				open.map(shipment -> locked(shipment.shipDate())).orElse(false), skipped.isPresent(), family.size());
		BigDecimal quantity = BigDecimal.valueOf(subscription.quantity());
		BigDecimal currentPrice = plan.price().add(box.swapDifferencePerBox()).multiply(quantity);
		NewProducts newProducts = new NewProducts(view, plan.id());
		List<SubscriptionDetails.PlanOption> options = family.stream()
			.map(option -> new SubscriptionDetails.PlanOption(option.id(), option.name(), option.tier(),
					option.price().multiply(quantity), option.price().multiply(quantity).subtract(currentPrice),
					option.id() == plan.id(), newProducts.in(option.id())))
			.toList();
		boolean swapping = on.swap() && state.live() && state.nextBoxNotLocked();
		List<BoxItem> items = box.slots()
			.stream()
			.map(slot -> boxItem(slot, swapping && !box.alternatives(slot).isEmpty()))
			.toList();
		return new SubscriptionDetails(
				summarize(subscription, plan,
						open.map(shipment -> new OpenBoxRow(subscription.id(), shipment.shipDate(),
								shipment.addOnTotal())).orElse(null), box),
				open.map(shipment -> toNextShipment(subscription, plan, shipment, view, box)).orElse(null),
				skipped.orElse(null), options, SubscriptionPolicy.available(on, state), rules.earliestOpenDate(),
				rules.latestRescheduleDate(), settings.minQuantity(), settings.maxQuantity(),
				rows.timeline(subscription.id(), TIMELINE_ENTRIES, rules.cutoff().zone()),
				open.map(shipment -> upcoming(subscription, shipment, skippedDates)).orElse(List.of()), items);
	}

	/** How many of a subscription's latest changes its page lists. */
	private static final int TIMELINE_ENTRIES = 20;

	private boolean locked(LocalDate shipDate) {
		return rules.cutoff().isLocked(shipDate, rules.now());
	}

	private static BoxItem boxItem(BoxContents.Slot slot, boolean swappable) {
		return new BoxItem(slot.planned().productId(), slot.held().id(), slot.held().name(), slot.held().imageUrl(),
				slot.planned().quantity(), slot.swapped(), slot.plannedProduct().name(), swappable);
	}

	/**
	 * What the subscriber can swap the plan's product {@code planProductId} of their subscription for, with the
	 * difference each makes to a delivery; empty when the plan's box does not hold that product. Whether a swap is
	 * allowed now is the action's to say ({@link SubscriptionActions#swap}); {@link BoxItem#swappable()} tells the
	 * page.
	 */
	@Transactional(readOnly = true)
	public Optional<SwapChoice> swapChoice(long subscriberId, long subscriptionId, long planProductId) {
		SubscriptionRow subscription = rows.owned(subscriberId, subscriptionId);
		return swapChoice(subscription, details(subscription, rules.settings().portalActions()), planProductId);
	}

	/** {@link #swapChoice(long, long, long)} as store staff see it: not bound by the portal's switch. */
	@Transactional(readOnly = true)
	public Optional<SwapChoice> swapChoiceForStore(long subscriberId, long subscriptionId, long planProductId) {
		SubscriptionRow subscription = rows.owned(subscriberId, subscriptionId);
		return swapChoice(subscription, details(subscription, StoreSettings.PortalActions.all()), planProductId);
	}

	private Optional<SwapChoice> swapChoice(SubscriptionRow subscription, SubscriptionDetails details,
			long planProductId) {
		CatalogView view = catalog.view(List.of(subscription.planId()), List.of());
		BoxContents box = SubscriptionSwaps.box(view, subscription.planId(), subscription.swaps());
		Optional<BoxContents.Slot> slot = box.slot(planProductId);
		Optional<BoxItem> item = details.box().stream().filter(candidate -> candidate.planProductId() == planProductId)
			.findFirst();
		if (slot.isEmpty() || item.isEmpty()) {
			return Optional.empty();
		}
		List<SwapChoice.Option> options = box.alternatives(slot.get())
			.stream()
			.map(product -> new SwapChoice.Option(product.id(), product.name(), product.imageUrl(), product.price(),
					BoxContents.difference(slot.get(), product, subscription.quantity()),
					product.id() == planProductId))
			.toList();
		LocalDate appliesFrom = details.nextShipment() == null || !subscription.is(SubscriptionStatus.ACTIVE) ? null
				: details.nextShipment().shipDate();
		return Optional.of(new SwapChoice(details.subscription(), item.get(), options, appliesFrom));
	}

	/** What another plan's box brings that the current plan's box lacks, of the kinds of product the current box holds. */
	private static final class NewProducts {

		private final CatalogView catalog;

		private final Set<Long> current;

		private final Set<ProductCategory> kinds;

		NewProducts(CatalogView catalog, long currentPlanId) {
			this.catalog = catalog;
			current = catalog.contentsOf(currentPlanId).stream().map(PlanContent::productId).collect(Collectors.toSet());
			kinds = catalog.products(current).values().stream().map(ProductSummary::category)
				.collect(Collectors.toSet());
		}

		List<String> in(long planId) {
			List<PlanContent> contents = catalog.contentsOf(planId);
			Map<Long, ProductSummary> products = catalog.products(
					contents.stream().map(PlanContent::productId).filter(id -> !current.contains(id)).toList());
			return contents.stream()
				.filter(content -> products.containsKey(content.productId()))
				.filter(content -> kinds.contains(products.get(content.productId()).category()))
				.map(PlanContent::name)
				.toList();
		}

	}

	/**
	 * The next {@link SubscriptionDetails#UPCOMING_BOXES} box dates: skipped boxes still ahead (marked), the open
	 * box, then the dates after it on the subscription's schedule (its interval as it is now).
	 */
	private List<SubscriptionDetails.UpcomingBox> upcoming(SubscriptionRow subscription, BoxRow open,
			List<LocalDate> skipped) {
		List<SubscriptionDetails.UpcomingBox> boxes = new ArrayList<>();
		skipped.stream()
			.filter(date -> !date.isBefore(rules.today()) && date.isBefore(open.shipDate()))
			.sorted()
			.forEach(date -> boxes.add(new SubscriptionDetails.UpcomingBox(date, true)));
		LocalDate date = open.shipDate();
		while (boxes.size() < SubscriptionDetails.UPCOMING_BOXES) {
			boxes.add(new SubscriptionDetails.UpcomingBox(date, false));
			date = subscription.dateAfter(date);
		}
		return List.copyOf(boxes.subList(0, SubscriptionDetails.UPCOMING_BOXES));
	}

	/**
	 * The subscriber's live subscription as the recommender sees it: the first active one whose next box is still
	 * open for changes, else the first active one (its box being packed, {@link SubscriberContext#nextShipmentLocked()});
	 * empty when none is active.
	 */
	@Transactional(readOnly = true)
	public Optional<SubscriberContext> contextOf(long subscriberId) {
		List<SubscriberContext> active = contexts(subscriberId, null);
		return active.stream().filter(SubscriberContext::nextShipmentOpen).findFirst()
			.or(() -> active.stream().findFirst());
	}

	/**
	 * One subscription of the subscriber as the recommender sees it (see {@link #contextOf(long)}); empty when it is
	 * not the subscriber's or not active.
	 */
	@Transactional(readOnly = true)
	public Optional<SubscriberContext> contextOf(long subscriberId, long subscriptionId) {
		return contexts(subscriberId, subscriptionId).stream().findFirst();
	}

	/** The subscriber's active subscriptions (or the one named) as the offer widgets read them: one statement. */
	private List<SubscriberContext> contexts(long subscriberId, Long subscriptionId) {
		return rows.activeContexts(subscriberId, subscriptionId).stream().map(row -> {
			boolean locked = row.shipDate() != null && rules.cutoff().isLocked(row.shipDate(), rules.now());
			return new SubscriberContext(subscriberId, row.subscriptionId(), row.planId(), row.quantity(),
					row.startedOn(), row.boxId(), row.shipDate(), Set.copyOf(row.addOns()), locked,
					Set.copyOf(row.swaps().values()), Set.copyOf(row.swaps().keySet()));
		}).toList();
	}

	/**
	 * Every open box of an active subscription that is still before its cutoff now and locks at or before
	 * {@code until}: the boxes a reminder is due for. Skipped and shipped boxes are not open.
	 */
	@Transactional(readOnly = true)
	public List<OpenBox> openBoxesLockingBy(Instant until) {
		Cutoff cutoff = rules.cutoff();
		LocalDate first = rules.earliestOpenDate();
		LocalDate last = until.plus(Duration.ofHours(cutoff.hours())).atZone(cutoff.zone()).toLocalDate();
		if (last.isBefore(first)) {
			return List.of();
		}
		return jdbc.query("""
				select s.subscriber_id, s.id, sh.id, sh.ship_date from shipment sh
				join subscription s on s.id = sh.subscription_id
				where s.status = 'ACTIVE' and sh.status = 'OPEN' and sh.ship_date between ? and ?
				order by sh.ship_date, sh.id""",
				(row, n) -> new OpenBox(row.getLong(1), row.getLong(2), row.getLong(3),
						row.getDate(4).toLocalDate(), cutoff.locksAt(row.getDate(4).toLocalDate())),
				Date.valueOf(first), Date.valueOf(last))
			.stream()
			.filter(box -> !cutoff.isLocked(box.shipDate(), rules.now()) && !box.locksAt().isAfter(until))
			.toList();
	}

	private NextShipment toNextShipment(SubscriptionRow subscription, PlanSummary plan, BoxRow shipment,
			CatalogView view, BoxContents box) {
		Map<Long, ProductSummary> products = view
			.products(shipment.lines().stream().map(LineRow::productId).distinct().toList());
		List<NextShipment.Line> lines = new ArrayList<>();
		BigDecimal quantity = BigDecimal.valueOf(subscription.quantity());
		lines.add(new NextShipment.Line(true, null, plan.name(), subscription.quantity(), plan.price(),
				plan.price().multiply(quantity), null));
		for (LineRow line : shipment.lines()) {
			ProductSummary product = products.get(line.productId());
			lines.add(new NextShipment.Line(false, line.productId(), product == null ? "" : product.name(),
					line.quantity(), line.unitPrice(), line.amount(), line.id()));
		}
		List<NextShipment.Swap> swapLines = box.swapped()
			.stream()
			.map(slot -> new NextShipment.Swap(slot.held().name(), slot.plannedProduct().name(),
					slot.planned().quantity() * subscription.quantity(),
					BoxContents.difference(slot, slot.plannedProduct(), subscription.quantity()).negate()))
			.toList();
		BigDecimal total = lines.stream().map(NextShipment.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
			.add(swapLines.stream().map(NextShipment.Swap::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
		List<PlanContent> contents = box.slots()
			.stream()
			.map(slot -> new PlanContent(slot.held().id(), slot.held().name(), slot.planned().quantity()))
			.toList();
		Cutoff cutoff = rules.cutoff();
		return new NextShipment(shipment.id(), subscription.id(), shipment.shipDate(),
				LocalDateTime.ofInstant(cutoff.locksAt(shipment.shipDate()), cutoff.zone()),
				cutoff.isLocked(shipment.shipDate(), rules.now()), shipment.shipDate(), List.copyOf(lines), total,
				contents, swapLines);
	}

	/**
	 * A subscriber's subscriptions, live ones first, each with its plan and next box: two statements whatever the
	 * count, read as rows ({@link SubscriptionRows}), not entities, and outside a transaction.
	 */
	public List<SubscriptionSummary> subscriptionsOf(long subscriberId) {
		List<SubscriptionRow> own = rows.subscriptionsOf(subscriberId);
		if (own.isEmpty()) {
			return List.of();
		}
		List<Long> planIds = own.stream().map(SubscriptionRow::planId).distinct().toList();
		CatalogView view = catalog.view(planIds, List.of());
		Map<Long, PlanSummary> plans = view.plans(planIds);
		Map<Long, OpenBoxRow> openBoxes = rows.openBoxesOf(subscriberId);
		return own.stream()
			.map(subscription -> summarize(subscription, plans.get(subscription.planId()),
					openBoxes.get(subscription.id()),
					SubscriptionSwaps.box(view, subscription.planId(), subscription.swaps())))
			.sorted(Comparator.comparing(SubscriptionSummary::status))
			.toList();
	}

	@Transactional(readOnly = true)
	public long countActive() {
		return subscriptions.countByStatus(SubscriptionStatus.ACTIVE);
	}

	/**
	 * Records subscriptions as they stand, each live one with its open next shipment.
	 * @return the new subscriptions' ids, in the order given
	 */
	@Transactional
	public List<Long> importSubscriptions(List<NewSubscription> newSubscriptions) {
		List<Long> ids = BatchInsert.insertReturningIds(jdbc, """
				insert into subscription (subscriber_id, plan_id, quantity, interval_count, interval_unit, status,
				  started_on, next_shipment_date, paused_until, cancelled_on, cancel_reason, anchor_day, external_id,
				  version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", newSubscriptions, (statement, subscription) -> {
			statement.setLong(1, subscription.subscriberId());
			statement.setLong(2, subscription.planId());
			statement.setInt(3, subscription.quantity());
			statement.setInt(4, subscription.interval().count());
			statement.setString(5, subscription.interval().unit().name());
			statement.setString(6, subscription.status().name());
			statement.setDate(7, Date.valueOf(subscription.startedOn()));
			BatchInsert.setDate(statement, 8, subscription.nextShipmentDate());
			BatchInsert.setDate(statement, 9, subscription.pausedUntil());
			BatchInsert.setDate(statement, 10, subscription.cancelledOn());
			statement.setString(11, subscription.cancelReason());
			LocalDate anchor = subscription.nextShipmentDate() != null ? subscription.nextShipmentDate()
					: subscription.startedOn();
			statement.setInt(12, anchor.getDayOfMonth());
			statement.setString(13, subscription.externalId());
		});
		record OpenShipment(long subscriptionId, LocalDate shipDate) {
		}
		List<OpenShipment> shipments = new ArrayList<>();
		for (int i = 0; i < newSubscriptions.size(); i++) {
			NewSubscription subscription = newSubscriptions.get(i);
			if (subscription.status() != SubscriptionStatus.CANCELLED && subscription.nextShipmentDate() != null) {
				shipments.add(new OpenShipment(ids.get(i), subscription.nextShipmentDate()));
			}
		}
		BatchInsert.insert(jdbc,
				"insert into shipment (subscription_id, ship_date, status, version) values (?, ?, 'OPEN', 0)",
				shipments, (statement, shipment) -> {
					statement.setLong(1, shipment.subscriptionId());
					statement.setDate(2, Date.valueOf(shipment.shipDate()));
				});
		return ids;
	}

	private SubscriptionSummary summarize(SubscriptionRow subscription, PlanSummary plan, OpenBoxRow openBox,
			BoxContents box) {
		BigDecimal price = plan.price()
			.add(box.swapDifferencePerBox())
			.multiply(BigDecimal.valueOf(subscription.quantity()));
		Cutoff cutoff = rules.cutoff();
		LocalDateTime locksAt = openBox == null ? null
				: LocalDateTime.ofInstant(cutoff.locksAt(openBox.shipDate()), cutoff.zone());
		BigDecimal total = openBox == null ? null : price.add(openBox.addOnTotal());
		return new SubscriptionSummary(subscription.id(), plan.name(), plan.familyName(), subscription.quantity(),
				subscription.interval(), subscription.status(), subscription.startedOn(),
				subscription.nextShipmentDate(), subscription.pausedUntil(), subscription.cancelledOn(), price, locksAt,
				total, openBox != null && cutoff.isLocked(openBox.shipDate(), rules.now()), subscription.version());
	}

}
