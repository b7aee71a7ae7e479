package io.nextbox.subscription;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.PlanSummary;
import io.nextbox.shared.BatchInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class SubscriptionService {

	private final SubscriptionRepository subscriptions;

	private final CatalogService catalog;

	private final JdbcTemplate jdbc;

	SubscriptionService(SubscriptionRepository subscriptions, CatalogService catalog, JdbcTemplate jdbc) {
		this.subscriptions = subscriptions;
		this.catalog = catalog;
		this.jdbc = jdbc;
	}

	/** A subscriber's subscriptions, live ones first, each with its plan; two queries whatever the count. */
	@Transactional(readOnly = true)
	public List<SubscriptionSummary> subscriptionsOf(long subscriberId) {
		List<Subscription> own = subscriptions.findBySubscriberIdOrderByStartedOnDesc(subscriberId);
		Map<Long, PlanSummary> plans = catalog.plans(own.stream().map(Subscription::getPlanId).distinct().toList());
		return own.stream()
			.map(subscription -> summarize(subscription, plans.get(subscription.getPlanId())))
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
				  started_on, next_shipment_date, paused_until, cancelled_on, cancel_reason, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", newSubscriptions, (statement, subscription) -> {
			statement.setLong(1, subscription.subscriberId());
			statement.setLong(2, subscription.planId());
			statement.setInt(3, subscription.quantity());
			statement.setInt(4, subscription.interval().count());
			statement.setString(5, subscription.interval().unit().name());
			statement.setString(6, subscription.status().name());
			statement.setDate(7, Date.valueOf(subscription.startedOn()));
			setDate(statement, 8, subscription.nextShipmentDate());
			setDate(statement, 9, subscription.pausedUntil());
			setDate(statement, 10, subscription.cancelledOn());
			statement.setString(11, subscription.cancelReason());
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

	private static void setDate(PreparedStatement statement, int index, LocalDate date)
			throws SQLException {
		if (date == null) {
			statement.setNull(index, Types.DATE);
		}
		else {
			statement.setDate(index, Date.valueOf(date));
		}
	}

	private static SubscriptionSummary summarize(Subscription subscription, PlanSummary plan) {
		BigDecimal price = plan.price().multiply(BigDecimal.valueOf(subscription.getQuantity()));
		return new SubscriptionSummary(subscription.getId(), plan.name(), plan.familyName(),
				subscription.getQuantity(), subscription.getInterval(), subscription.getStatus(),
				subscription.getStartedOn(), subscription.getNextShipmentDate(), subscription.getPausedUntil(),
				subscription.getCancelledOn(), price);
	}

}
