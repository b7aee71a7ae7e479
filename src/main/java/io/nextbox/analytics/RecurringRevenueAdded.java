package io.nextbox.analytics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import io.nextbox.engagement.AcceptedUpgrade;
import io.nextbox.engagement.AcceptedUpgrades;
import io.nextbox.offer.Placement;
import org.springframework.stereotype.Service;

/**
 * The recurring revenue per month that accepted upgrades add (MRR added): per upgrade, the new plan's
 * monthly-equivalent price per delivery less the old one's, at the subscription's interval
 * ({@link AcceptedUpgrade#deliveriesPerMonth}); added up per offer, per offer and placement, and in total.
 */
@Service
public class RecurringRevenueAdded {

	private final AcceptedUpgrades upgrades;

	private final Clock clock;

	RecurringRevenueAdded(AcceptedUpgrades upgrades, Clock clock) {
		this.upgrades = upgrades;
		this.clock = clock;
	}

	public Monthly over(DateRange range, Placement placement) {
		ZoneId zone = clock.getZone();
		Map<Long, BigDecimal> perOffer = new HashMap<>();
		Map<Long, Map<Placement, BigDecimal>> perPlacement = new HashMap<>();
		BigDecimal total = BigDecimal.ZERO;
		for (AcceptedUpgrade upgrade : upgrades.between(range.start(zone), range.end(zone), placement)) {
			BigDecimal added = upgrade.monthlyRecurringAdded();
			perOffer.merge(upgrade.offerId(), added, BigDecimal::add);
			perPlacement.computeIfAbsent(upgrade.offerId(), id -> new EnumMap<>(Placement.class))
				.merge(upgrade.placement(), added, BigDecimal::add);
			total = total.add(added);
		}
		return new Monthly(perOffer, perPlacement, total);
	}

	/** MRR added per offer, per offer and placement, and in total; zero where no upgrade was accepted. */
	public record Monthly(Map<Long, BigDecimal> perOffer, Map<Long, Map<Placement, BigDecimal>> perPlacement,
			BigDecimal total) {

		public BigDecimal of(long offerId) {
			return perOffer.getOrDefault(offerId, BigDecimal.ZERO);
		}

		public BigDecimal of(long offerId, Placement placement) {
			return perPlacement.getOrDefault(offerId, Map.of()).getOrDefault(placement, BigDecimal.ZERO);
		}

	}

}
