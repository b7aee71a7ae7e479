package io.nextbox.engagement;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.Interval;
import io.nextbox.catalog.IntervalUnit;
import io.nextbox.offer.Placement;
import io.nextbox.subscription.SubscriptionService;
import io.nextbox.subscription.SubscriptionSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The upgrade cards accepted, with the prices before and after (table {@code upgrade_accepted}). */
@Service
public class AcceptedUpgrades {

	private final JdbcTemplate jdbc;

	private final SubscriptionService subscriptions;

	private final CatalogService catalog;

	AcceptedUpgrades(JdbcTemplate jdbc, SubscriptionService subscriptions, CatalogService catalog) {
		this.jdbc = jdbc;
		this.subscriptions = subscriptions;
		this.catalog = catalog;
	}

	/**
	 * Applies an upgrade card's plan change and records the price per delivery before and after it, in the caller's
	 * transaction; the claim's key makes it once.
	 */
	void apply(Claim claim, Runnable planChange, Instant at) {
		SubscriptionSummary before = subscriptions.details(claim.getSubscriberId(), claim.getSubscriptionId())
			.subscription();
		planChange.run();
		BigDecimal newPrice = catalog.plan(claim.getTargetPlanId())
			.orElseThrow()
			.price()
			.multiply(BigDecimal.valueOf(before.quantity()));
		Interval interval = before.interval();
		jdbc.update("insert into upgrade_accepted (claim_key, offer_id, placement, subscription_id, previous_price, "
				+ "new_price, interval_count, interval_unit, accepted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				claim.getKey(), claim.getOfferId(), claim.getPlacement().name(), claim.getSubscriptionId(),
				before.pricePerShipment(), newPrice, interval.count(), interval.unit().name(), Timestamp.from(at));
	}

	/** Upgrades accepted from {@code from} (inclusive) to {@code to} (exclusive), at one placement or all. */
	@Transactional(readOnly = true)
	public List<AcceptedUpgrade> between(Instant from, Instant to, Placement placement) {
		List<Object> arguments = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
		if (placement != null) {
			arguments.add(placement.name());
		}
		return jdbc.query("select offer_id, placement, subscription_id, previous_price, new_price, interval_count, "
				+ "interval_unit, accepted_at from upgrade_accepted where accepted_at >= ? and accepted_at < ?"
				+ (placement == null ? "" : " and placement = ?") + " order by accepted_at",
				(row, n) -> new AcceptedUpgrade(row.getLong(1), Placement.valueOf(row.getString(2)), row.getLong(3),
						row.getBigDecimal(4), row.getBigDecimal(5),
						new Interval(row.getInt(6), IntervalUnit.valueOf(row.getString(7))),
						row.getTimestamp(8).toInstant()),
				arguments.toArray());
	}

}
