package io.nextbox.subscription;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.PlanSummary;
import io.nextbox.catalog.ProductSummary;
import io.nextbox.store.StoreSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding an add-on to a subscription's next box, changing its quantity and taking it out again, until the box's
 * cutoff. The caller's transaction decides: the widget claims its key and adds the line in one. Like every action
 * on a subscription, each locks the subscription's row first, so a line never lands in a box that a skip is moving
 * on. Every removal publishes {@link AddOnRemoved} in the same transaction, so the widget frees the claim that made
 * the line.
 */
@Service
public class NextBoxAddOns {

	/** A box holds at most this many add-on lines. */
	public static final int MAX_ADD_ON_LINES = 10;

	private final SubscriptionRepository subscriptions;

	private final ShipmentRepository shipments;

	private final ShipmentBook book;

	private final ShipmentRules rules;

	private final CatalogService catalog;

	private final TimelineRepository timeline;

	private final Timeline record;

	private final ApplicationEventPublisher events;

	private final JdbcTemplate jdbc;

	NextBoxAddOns(SubscriptionRepository subscriptions, ShipmentRepository shipments, ShipmentBook book,
			ShipmentRules rules, CatalogService catalog, TimelineRepository timeline, Timeline record,
			ApplicationEventPublisher events, JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.record = record;
		this.subscriptions = subscriptions;
		this.shipments = shipments;
		this.book = book;
		this.rules = rules;
		this.catalog = catalog;
		this.timeline = timeline;
		this.events = events;
	}

	/** What the box looks like after a change: for the total shown elsewhere on the page. */
	public record BoxChange(long subscriptionId, long shipmentId, Long lineId, BigDecimal total) {
	}

	/**
	 * Puts one of {@code productId} into the next box at {@code unitPrice}, the price the subscriber saw. Refused
	 * ({@link ActionRefusedException}) past the cutoff, when the box already holds the product, or when it is full.
	 * <p>
	 * The widget's one click, so in plain SQL, four statements: the subscription's row lock, the open box with its
	 * lines in one read, the line, the box's version (as an entity's change of its lines would). Through the entities
	 * it took six, with a flush cascading over the box's lines and a second update setting the new line's box. Nothing
	 * in the caller's persistence context is changed: a caller that read the box as an entity before (staff adding a
	 * product) reads only its date afterwards.
	 */
	@Transactional
	public BoxChange add(long subscriberId, long subscriptionId, long productId, Long offerId, BigDecimal unitPrice,
			String claimKey) {
		LockedSubscription subscription = jdbc
			.query("select status, plan_id, quantity from subscription where id = ? and subscriber_id = ? for update",
					(row, n) -> new LockedSubscription(row.getString(1), row.getLong(2), row.getInt(3)), subscriptionId,
					subscriberId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new SubscriptionNotFoundException(subscriptionId));
		if (!SubscriptionStatus.ACTIVE.name().equals(subscription.status())) {
			throw new ActionRefusedException(null, "refused.notActive");
		}
		// the open box (the earliest, as ShipmentBook.open reads it) and its lines, in one read
		List<BoxRow> rows = jdbc.query("""
				select sh.id, sh.ship_date, l.product_id, l.quantity, l.unit_price
				from shipment sh left join shipment_line l on l.shipment_id = sh.id
				where sh.subscription_id = ? and sh.status = 'OPEN'
				order by sh.ship_date, sh.id, l.id""",
				(row, n) -> new BoxRow(row.getLong(1), row.getObject(2, LocalDate.class),
						row.getObject(3, Long.class), row.getInt(4), row.getBigDecimal(5)),
				subscriptionId);
		if (rows.isEmpty()) {
			throw new ActionRefusedException(null, "refused.noNextShipment");
		}
		long boxId = rows.get(0).shipmentId();
		LocalDate shipDate = rows.get(0).shipDate();
		List<BoxRow> lines = rows.stream().filter(row -> row.shipmentId() == boxId && row.productId() != null).toList();
		if (rules.cutoff().isLocked(shipDate, rules.now())) {
			throw new ActionRefusedException(null, "refused.locked", SubscriptionActions.day(shipDate));
		}
		if (lines.stream().anyMatch(line -> line.productId() == productId)) {
			throw new ActionRefusedException(null, "refused.alreadyInBox");
		}
		if (lines.size() >= MAX_ADD_ON_LINES) {
			throw new ActionRefusedException(null, "refused.boxFull", MAX_ADD_ON_LINES);
		}
		KeyHolder key = new GeneratedKeyHolder();
		OffsetDateTime now = OffsetDateTime.ofInstant(rules.now(), ZoneOffset.UTC);
		jdbc.update(connection -> {
			PreparedStatement insert = connection.prepareStatement("insert into shipment_line (shipment_id, product_id, "
					+ "offer_id, quantity, unit_price, added_at, claim_key) values (?, ?, ?, 1, ?, ?, ?)",
					new String[] { "id" });
			insert.setLong(1, boxId);
			insert.setLong(2, productId);
			insert.setObject(3, offerId, Types.BIGINT);
			insert.setBigDecimal(4, unitPrice);
			insert.setObject(5, now);
			insert.setString(6, claimKey);
			return insert;
		}, key);
		// the box changed: as an entity's change of its lines does, so an edit of the box read before fails
		jdbc.update("update shipment set version = version + 1 where id = ?", boxId);
		BigDecimal addOns = lines.stream()
			.map(line -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
			.reduce(unitPrice, BigDecimal::add);
		return new BoxChange(subscriptionId, boxId, key.getKey().longValue(),
				total(subscription.planId(), subscription.quantity(), addOns));
	}

	private record LockedSubscription(String status, long planId, int quantity) {
	}

	private record BoxRow(long shipmentId, LocalDate shipDate, Long productId, int quantity, BigDecimal unitPrice) {
	}

	/**
	 * Puts one of a product into the next box at its catalog price, for a caller without a card (store staff acting
	 * for the subscriber), and records it in the timeline. Refused like {@link #add}, and for a retired product. The
	 * same product again while its line is still in the box (a double click, a second tab) changes nothing and
	 * answers as its adding did.
	 */
	@Transactional
	public Outcome addProduct(long subscriberId, long subscriptionId, Long productId, Actor actor) {
		ProductSummary product = productId == null ? null : catalog.products(List.of(productId)).get(productId);
		if (product == null) {
			throw new ActionRefusedException("productId", "refused.unknownProduct");
		}
		if (product.retired() || !product.inStock()) {
			throw new ActionRefusedException("productId", "refused.productUnavailable", product.name());
		}
		Subscription subscription = subscriptions.lockOwned(subscriberId, subscriptionId);
		Optional<Shipment> open = book.open(subscription);
		if (open.isPresent() && open.get().holds(productId)) {
			Optional<String[]> added = lastChange(subscriptionId, TimelineKind.ADD_ON_ADDED, productId);
			if (added.isPresent() && open.get().getShipDate().toString().equals(added.get()[2])) {
				return new Outcome("outcome.addOnAdded", added.get()[0], added.get()[1]);
			}
		}
		add(subscriberId, subscriptionId, productId, null, product.price(), null);
		Shipment box = book.open(subscription).orElseThrow();
		String day = SubscriptionActions.day(box.getShipDate());
		record(subscription, actor, TimelineKind.ADD_ON_ADDED, product.name(), day, box.getShipDate(), productId);
		return new Outcome("outcome.addOnAdded", product.name(), day);
	}

	/**
	 * Takes the add-on line a widget card added out of its box again, until the cutoff: the widget's undo. The line
	 * is found by its claim key, which travels with it when a skip moves it to another box.
	 */
	@Transactional
	public BoxChange remove(long subscriberId, long subscriptionId, String claimKey) {
		Subscription subscription = subscriptions.lockOwned(subscriberId, subscriptionId);
		Shipment box = book.open(subscription)
			.filter(open -> open.claimedLine(claimKey).isPresent())
			.orElseThrow(() -> new ActionRefusedException(null, "refused.notInBox"));
		requireBeforeCutoff(box);
		take(subscriberId, subscription, box, box.claimedLine(claimKey).orElseThrow());
		return new BoxChange(subscriptionId, box.getId(), null, total(subscription, box));
	}

	/**
	 * Takes an add-on line out of the next box from the next-box page, until the cutoff, and records it in the
	 * timeline. Once only: a line already taken out (a double click, a second tab) changes nothing and answers
	 * as its removal did.
	 */
	@Transactional
	public Outcome removeLine(long subscriberId, long subscriptionId, long lineId, Actor actor) {
		Subscription subscription = subscriptions.lockOwned(subscriberId, subscriptionId);
		Optional<Shipment> open = book.open(subscription);
		Optional<ShipmentLine> found = open.flatMap(box -> box.line(lineId));
		if (found.isEmpty()) {
			return lastChange(subscriptionId, TimelineKind.ADD_ON_REMOVED, lineId)
				.map(values -> new Outcome("outcome.addOnRemoved", values[0], values[1]))
				.orElseThrow(() -> new ActionRefusedException(null, "refused.notInBox"));
		}
		Shipment box = open.get();
		requireBeforeCutoff(box);
		String name = productName(found.get());
		String day = SubscriptionActions.day(box.getShipDate());
		record(subscription, actor, TimelineKind.ADD_ON_REMOVED, name, day, lineId);
		take(subscriberId, subscription, box, found.get());
		return new Outcome("outcome.addOnRemoved", name, day);
	}

	/**
	 * Changes how many of an add-on the next box holds, at the price locked when it was added. Offered when the
	 * store lets subscribers change quantities, within its largest quantity; the same quantity again changes
	 * nothing and answers the same.
	 */
	@Transactional
	public Outcome changeLineQuantity(long subscriberId, long subscriptionId, long lineId, Integer quantity,
			Actor actor) {
		Subscription subscription = subscriptions.lockOwned(subscriberId, subscriptionId);
		StoreSettings settings = rules.settings();
		if (!settings.portalActions().changeQuantity() && !actor.store()) {
			throw new ActionNotOfferedException("changeQuantity");
		}
		Shipment box = book.open(subscription)
			.filter(open -> open.line(lineId).isPresent())
			.orElseThrow(() -> new ActionRefusedException(null, "refused.notInBox"));
		requireBeforeCutoff(box);
		if (quantity == null || quantity < 1 || quantity > settings.maxQuantity()) {
			throw new ActionRefusedException("quantity", "refused.quantityRange", 1, settings.maxQuantity());
		}
		ShipmentLine line = box.line(lineId).orElseThrow();
		String name = productName(line);
		int before = line.getQuantity();
		if (before != quantity) {
			line.changeQuantity(quantity);
			record(subscription, actor, TimelineKind.ADD_ON_QUANTITY_CHANGED, name, before, quantity, lineId);
		}
		return new Outcome("outcome.addOnQuantityChanged", quantity, name);
	}

	private void take(long subscriberId, Subscription subscription, Shipment box, ShipmentLine line) {
		box.removeLine(line.getId());
		shipments.flush();
		events.publishEvent(new AddOnRemoved(subscriberId, subscription.getId(), box.getId(), line.getId(),
				line.getProductId(), line.getOfferId(), line.getClaimKey(), line.getUnitPrice(), rules.now()));
	}

	private void requireBeforeCutoff(Shipment box) {
		if (rules.isLocked(box)) {
			throw new ActionRefusedException(null, "refused.locked", SubscriptionActions.day(box.getShipDate()));
		}
	}

	private Optional<String[]> lastChange(long subscriptionId, TimelineKind kind, long lineId) {
		return timeline
			.findFirstBySubscriptionIdAndKindAndDetailEndingWithOrderByIdDesc(subscriptionId, kind.name(),
					TimelineEntry.SEPARATOR + lineId)
			.map(TimelineEntry::values);
	}

	private String productName(ShipmentLine line) {
		ProductSummary product = catalog.products(List.of(line.getProductId())).get(line.getProductId());
		return product == null ? "" : product.name();
	}

	private void record(Subscription subscription, Actor actor, TimelineKind kind, Object... values) {
		record.record(subscription, actor, kind, values);
	}

	/** The next box's total (plan and add-ons), when the subscription has one. */
	@Transactional(readOnly = true)
	public Optional<BigDecimal> nextBoxTotal(long subscriberId, long subscriptionId) {
		Subscription subscription = subscriptions.lockOwned(subscriberId, subscriptionId);
		return book.open(subscription).map(box -> total(subscription, box));
	}

	private BigDecimal total(Subscription subscription, Shipment box) {
		return total(subscription.getPlanId(), subscription.getQuantity(), box.addOnTotal());
	}

	private BigDecimal total(long planId, int quantity, BigDecimal addOns) {
		// the total the page shows: the plan's price from the catalogue view, no query of its own
		PlanSummary plan = catalog.view(List.of(planId), List.of()).plan(planId).orElseThrow();
		return plan.price().multiply(BigDecimal.valueOf(quantity)).add(addOns);
	}


}
