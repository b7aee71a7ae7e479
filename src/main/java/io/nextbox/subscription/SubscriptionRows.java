package io.nextbox.subscription;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nextbox.catalog.Interval;
import io.nextbox.catalog.IntervalUnit;
import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The portal's read model of a subscriber's subscriptions: rows read by plain JDBC into records, without entities or
 * a JPA session. A page that only shows subscriptions paid a third of its cost to Hibernate (opening the session and
 * transaction, building the entities and their collections); these queries cost what the statements do.
 */
@Component
class SubscriptionRows {

	private final JdbcTemplate jdbc;

	private final EntityManager entities;

	SubscriptionRows(JdbcTemplate jdbc, EntityManager entities) {
		this.jdbc = jdbc;
		this.entities = entities;
	}

	/** A subscription as the pages show it; {@code swaps}: from the plan's product to the one shipped instead. */
	record SubscriptionRow(long id, long planId, int quantity, Interval interval, SubscriptionStatus status,
			LocalDate startedOn, LocalDate nextShipmentDate, LocalDate pausedUntil, LocalDate cancelledOn,
			long version, int anchorDay, Map<Long, Long> swaps) {

		/** The ship date after {@code shipDate} on the subscription's schedule ({@link Subscription#dateAfter}). */
		LocalDate dateAfter(LocalDate shipDate) {
			return interval.after(shipDate, anchorDay);
		}

		boolean is(SubscriptionStatus status) {
			return this.status == status;
		}

	}

	/** A subscription's open box: its ship date and what its add-on lines cost. */
	record OpenBoxRow(long subscriptionId, LocalDate shipDate, BigDecimal addOnTotal) {
	}

	/** An open or skipped box of a subscription with its add-on lines. */
	record BoxRow(long id, LocalDate shipDate, ShipmentStatus status, List<LineRow> lines) {

		BigDecimal addOnTotal() {
			return lines.stream().map(LineRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

	}

	/** An add-on line of a box ({@link ShipmentLine}). */
	record LineRow(long id, long productId, int quantity, BigDecimal unitPrice) {

		BigDecimal amount() {
			return unitPrice.multiply(BigDecimal.valueOf(quantity));
		}

	}

	/** The subscriber's subscriptions, newest first, each with its swaps: one statement. */
	List<SubscriptionRow> subscriptionsOf(long subscriberId) {
		return subscriptions("s.subscriber_id = ?", subscriberId);
	}

	/** The subscriber's own subscription with its swaps (one statement); anyone else's is not found. */
	SubscriptionRow owned(long subscriberId, long subscriptionId) {
		return subscriptions("s.id = ? and s.subscriber_id = ?", subscriptionId, subscriberId).stream()
			.findFirst()
			.orElseThrow(() -> new SubscriptionNotFoundException(subscriptionId));
	}

	private List<SubscriptionRow> subscriptions(String where, Object... arguments) {
		flushPendingChanges();
		Map<Long, SubscriptionRow> found = new LinkedHashMap<>();
		Map<Long, Map<Long, Long>> swaps = new HashMap<>();
		jdbc.query("""
				select s.id, s.plan_id, s.quantity, s.interval_count, s.interval_unit, s.status, s.started_on,
				       s.next_shipment_date, s.paused_until, s.cancelled_on, s.version, s.anchor_day,
				       w.from_product_id, w.to_product_id
				from subscription s left join subscription_swap w on w.subscription_id = s.id
				where %s
				order by s.started_on desc, s.id desc""".formatted(where), (ResultSet row) -> {
			long id = row.getLong(1);
			if (!found.containsKey(id)) {
				found.put(id, new SubscriptionRow(id, row.getLong(2), row.getInt(3),
						new Interval(row.getInt(4), IntervalUnit.valueOf(row.getString(5))),
						SubscriptionStatus.valueOf(row.getString(6)), date(row, 7), date(row, 8), date(row, 9),
						date(row, 10), row.getLong(11), row.getInt(12), Map.of()));
				swaps.put(id, new HashMap<>());
			}
			long from = row.getLong(13);
			if (!row.wasNull()) {
				swaps.get(id).put(from, row.getLong(14));
			}
		}, arguments);
		return found.values()
			.stream()
			.map(s -> new SubscriptionRow(s.id(), s.planId(), s.quantity(), s.interval(), s.status(), s.startedOn(),
					s.nextShipmentDate(), s.pausedUntil(), s.cancelledOn(), s.version(), s.anchorDay(),
					Map.copyOf(swaps.get(s.id()))))
			.toList();
	}

	/** The subscription's open and skipped boxes with their add-on lines, by ship date: one statement. */
	List<BoxRow> openAndSkippedBoxes(long subscriptionId) {
		flushPendingChanges();
		Map<Long, BoxRow> boxes = new LinkedHashMap<>();
		jdbc.query("""
				select sh.id, sh.ship_date, sh.status, l.id, l.product_id, l.quantity, l.unit_price
				from shipment sh left join shipment_line l on l.shipment_id = sh.id
				where sh.subscription_id = ? and sh.status in ('OPEN', 'SKIPPED')
				order by sh.ship_date, sh.id, l.id""", (ResultSet row) -> {
			BoxRow box = boxes.computeIfAbsent(row.getLong(1), id -> {
				try {
					return new BoxRow(id, date(row, 2), ShipmentStatus.valueOf(row.getString(3)), new ArrayList<>());
				}
				catch (SQLException failure) {
					throw new IllegalStateException(failure);
				}
			});
			long lineId = row.getLong(4);
			if (!row.wasNull()) {
				box.lines().add(new LineRow(lineId, row.getLong(5), row.getInt(6), row.getBigDecimal(7)));
			}
		}, subscriptionId);
		return boxes.values()
			.stream()
			.map(box -> new BoxRow(box.id(), box.shipDate(), box.status(), List.copyOf(box.lines())))
			.toList();
	}

	/** The subscription's latest {@code limit} timeline entries, newest first: one statement. */
	List<SubscriptionDetails.TimelineItem> timeline(long subscriptionId, int limit, ZoneId zone) {
		return jdbc.query("""
				select occurred_at, actor, by_store, kind, detail from subscription_event
				where subscription_id = ? order by occurred_at desc, id desc limit ?""",
				(row, n) -> new SubscriptionDetails.TimelineItem(
						LocalDateTime.ofInstant(row.getTimestamp(1).toInstant(), zone), row.getString(2),
						row.getBoolean(3), row.getString(4), TimelineEntry.values(row.getString(5))),
				subscriptionId, limit);
	}

	/**
	 * Inside a transaction that changed entities, writes those changes first so these statements see them (a JPA
	 * query does the same before it runs); outside one, or with nothing changed, this costs nothing.
	 */
	private void flushPendingChanges() {
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			entities.flush();
		}
	}

	/** The first open box of each of the subscriber's subscriptions, by subscription id: one statement. */
	Map<Long, OpenBoxRow> openBoxesOf(long subscriberId) {
		flushPendingChanges();
		Map<Long, Long> firstBox = new HashMap<>();
		Map<Long, OpenBoxRow> boxes = new HashMap<>();
		jdbc.query("""
				select sh.subscription_id, sh.id, sh.ship_date, l.quantity, l.unit_price
				from subscription s join shipment sh on sh.subscription_id = s.id
				left join shipment_line l on l.shipment_id = sh.id
				where s.subscriber_id = ? and sh.status = 'OPEN'
				order by sh.subscription_id, sh.ship_date, sh.id""", (ResultSet row) -> {
			long subscriptionId = row.getLong(1);
			long shipmentId = row.getLong(2);
			Long first = firstBox.putIfAbsent(subscriptionId, shipmentId);
			if (first != null && first != shipmentId) {
				return; // a later open box of the same subscription
			}
			OpenBoxRow box = boxes.get(subscriptionId);
			BigDecimal total = box == null ? BigDecimal.ZERO : box.addOnTotal();
			BigDecimal unitPrice = row.getBigDecimal(5);
			if (unitPrice != null) {
				total = total.add(unitPrice.multiply(BigDecimal.valueOf(row.getInt(4))));
			}
			boxes.put(subscriptionId, new OpenBoxRow(subscriptionId, date(row, 3), total));
		}, subscriberId);
		return boxes;
	}

	private static LocalDate date(ResultSet row, int column) throws SQLException {
		Date date = row.getDate(column);
		return date == null ? null : date.toLocalDate();
	}


	/** An active subscription as the offer widgets read it: its open box (if any), that box's add-ons, its swaps. */
	record ContextRow(long subscriptionId, long planId, int quantity, LocalDate startedOn, Long boxId,
			LocalDate shipDate, Set<Long> addOns, Map<Long, Long> swaps) {
	}

	/**
	 * The subscriber's active subscriptions (or the one named), latest started first, each with its open box (the
	 * earliest, as {@link ShipmentBook#open} reads it), that box's add-ons and the subscription's swaps: one read, as
	 * every offer widget asks for it (through the entities it was three statements and a third of the widget's time).
	 */
	List<ContextRow> activeContexts(long subscriberId, Long subscriptionId) {
		Map<Long, ContextRows> bySubscription = new LinkedHashMap<>();
		String sql = """
				select s.id, s.plan_id, s.quantity, s.started_on, sh.id, sh.ship_date, l.product_id,
				       w.from_product_id, w.to_product_id
				from subscription s
				left join shipment sh on sh.subscription_id = s.id and sh.status = 'OPEN'
				left join shipment_line l on l.shipment_id = sh.id
				left join subscription_swap w on w.subscription_id = s.id
				where s.subscriber_id = ? and s.status = 'ACTIVE'%s
				order by s.started_on desc, s.id, sh.ship_date, sh.id""".formatted(subscriptionId == null ? "" : " and s.id = ?");
		Object[] arguments = subscriptionId == null ? new Object[] { subscriberId }
				: new Object[] { subscriberId, subscriptionId };
		jdbc.query(sql, (ResultSet row) -> {
			bySubscription.computeIfAbsent(row.getLong(1), id -> new ContextRows()).add(row);
		}, arguments);
		return bySubscription.values().stream().map(ContextRows::row).toList();
	}

	/** The rows of one subscription in {@link #activeContexts}: a box's lines times the subscription's swaps. */
	private static final class ContextRows {

		private long subscriptionId;

		private long planId;

		private int quantity;

		private LocalDate startedOn;

		private Long boxId;

		private LocalDate shipDate;

		private final Set<Long> addOns = new HashSet<>();

		private final Map<Long, Long> swaps = new HashMap<>();

		void add(ResultSet row) throws SQLException {
			subscriptionId = row.getLong(1);
			planId = row.getLong(2);
			quantity = row.getInt(3);
			startedOn = row.getObject(4, LocalDate.class);
			Long box = row.getObject(5, Long.class);
			if (box != null && boxId == null) {
				boxId = box;
				shipDate = row.getObject(6, LocalDate.class);
			}
			Long product = row.getObject(7, Long.class);
			if (product != null && box != null && box.equals(boxId)) {
				addOns.add(product);
			}
			Long from = row.getObject(8, Long.class);
			if (from != null) {
				swaps.put(from, row.getLong(9));
			}
		}

		ContextRow row() {
			return new ContextRow(subscriptionId, planId, quantity, startedOn, boxId, shipDate, addOns, swaps);
		}

	}

}
