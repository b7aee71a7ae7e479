package io.nextbox.subscription;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nextbox.catalog.Interval;
import io.nextbox.catalog.IntervalUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The portal's read model of a subscriber's subscriptions: rows read by plain JDBC into records, without entities or
 * a JPA session. A page that only shows subscriptions paid a third of its cost to Hibernate (opening the session and
 * transaction, building the entities and their collections); these queries cost what the statements do.
 */
@Component
class SubscriptionRows {

	private final JdbcTemplate jdbc;

	SubscriptionRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A subscription as the pages show it; {@code swaps}: from the plan's product to the one shipped instead. */
	record SubscriptionRow(long id, long planId, int quantity, Interval interval, SubscriptionStatus status,
			LocalDate startedOn, LocalDate nextShipmentDate, LocalDate pausedUntil, LocalDate cancelledOn,
			long version, Map<Long, Long> swaps) {

		static SubscriptionRow of(Subscription subscription) {
			return new SubscriptionRow(subscription.getId(), subscription.getPlanId(), subscription.getQuantity(),
					subscription.getInterval(), subscription.getStatus(), subscription.getStartedOn(),
					subscription.getNextShipmentDate(), subscription.getPausedUntil(), subscription.getCancelledOn(),
					subscription.getVersion(), subscription.swaps());
		}

	}

	/** A subscription's open box: its ship date and what its add-on lines cost. */
	record OpenBoxRow(long subscriptionId, LocalDate shipDate, BigDecimal addOnTotal) {
	}

	/** The subscriber's subscriptions, newest first, each with its swaps: one statement. */
	List<SubscriptionRow> subscriptionsOf(long subscriberId) {
		record Builder(long id, long planId, int quantity, Interval interval, SubscriptionStatus status,
				LocalDate startedOn, LocalDate nextShipmentDate, LocalDate pausedUntil, LocalDate cancelledOn,
				long version, Map<Long, Long> swaps) {
		}
		Map<Long, Builder> found = new LinkedHashMap<>();
		jdbc.query("""
				select s.id, s.plan_id, s.quantity, s.interval_count, s.interval_unit, s.status, s.started_on,
				       s.next_shipment_date, s.paused_until, s.cancelled_on, s.version, w.from_product_id, w.to_product_id
				from subscription s left join subscription_swap w on w.subscription_id = s.id
				where s.subscriber_id = ?
				order by s.started_on desc, s.id desc""", (ResultSet row) -> {
			Builder subscription = found.get(row.getLong(1));
			if (subscription == null) {
				subscription = new Builder(row.getLong(1), row.getLong(2), row.getInt(3),
						new Interval(row.getInt(4), IntervalUnit.valueOf(row.getString(5))),
						SubscriptionStatus.valueOf(row.getString(6)), date(row, 7), date(row, 8), date(row, 9),
						date(row, 10), row.getLong(11), new HashMap<>());
				found.put(subscription.id(), subscription);
			}
			long from = row.getLong(12);
			if (!row.wasNull()) {
				subscription.swaps().put(from, row.getLong(13));
			}
		}, subscriberId);
		return found.values()
			.stream()
			.map(s -> new SubscriptionRow(s.id(), s.planId(), s.quantity(), s.interval(), s.status(), s.startedOn(),
					s.nextShipmentDate(), s.pausedUntil(), s.cancelledOn(), s.version(), Map.copyOf(s.swaps())))
			.toList();
	}

	/** The first open box of each of the subscriber's subscriptions, by subscription id: one statement. */
	Map<Long, OpenBoxRow> openBoxesOf(long subscriberId) {
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

}
