package io.nextbox.analytics;

import java.math.BigDecimal;
import java.util.Collection;

import io.nextbox.offer.OfferEventTally;
import io.nextbox.offer.OfferKind;

/**
 * What offers did over a range, outside the holdout. Add-on revenue is the sum of {@code SHIPPED} add-ons (so net of
 * undos and cancelled boxes, which never ship); upgrade revenue is the per-delivery price of the accepted upgrades.
 */
public record Figures(long impressions, long reached, long accepts, long undone, long dismissed, long shipped,
		BigDecimal addOnRevenue, long upgrades, BigDecimal upgradeRevenue) {

	public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO);

	/** Accepts per impression; 0 without impressions. */
	public double takeRate() {
		return impressions == 0 ? 0 : (double) accepts / impressions;
	}

	/** Shipped add-ons per impression; 0 without impressions. */
	public double netTakeRate() {
		return impressions == 0 ? 0 : (double) shipped / impressions;
	}

	static Figures of(Collection<OfferEventTally> tallies, OfferKind kind) {
		Figures figures = NONE;
		for (OfferEventTally tally : tallies) {
			figures = figures.with(tally, kind);
		}
		return figures;
	}

	Figures with(OfferEventTally tally, OfferKind kind) {
		BigDecimal amount = tally.amount() == null ? BigDecimal.ZERO : tally.amount();
		return switch (tally.type()) {
			case IMPRESSION -> new Figures(impressions + tally.events(), reached + tally.subscribers(), accepts,
					undone, dismissed, shipped, addOnRevenue, upgrades, upgradeRevenue);
			case ACCEPT -> kind == OfferKind.UPGRADE
					? new Figures(impressions, reached, accepts + tally.events(), undone, dismissed, shipped,
							addOnRevenue, upgrades + tally.events(), upgradeRevenue.add(amount))
					: new Figures(impressions, reached, accepts + tally.events(), undone, dismissed, shipped,
							addOnRevenue, upgrades, upgradeRevenue);
			case UNDO -> new Figures(impressions, reached, accepts, undone + tally.events(), dismissed, shipped,
					addOnRevenue, upgrades, upgradeRevenue);
			case DISMISS -> new Figures(impressions, reached, accepts, undone, dismissed + tally.events(), shipped,
					addOnRevenue, upgrades, upgradeRevenue);
			case SHIPPED -> new Figures(impressions, reached, accepts, undone, dismissed, shipped + tally.events(),
					addOnRevenue.add(amount), upgrades, upgradeRevenue);
		};
	}

	/** The sum of two figures; {@code reached} is the caller's, as subscribers do not add up. */
	Figures plus(Figures other, long reachedTogether) {
		return new Figures(impressions + other.impressions, reachedTogether, accepts + other.accepts,
				undone + other.undone, dismissed + other.dismissed, shipped + other.shipped,
				addOnRevenue.add(other.addOnRevenue), upgrades + other.upgrades,
				upgradeRevenue.add(other.upgradeRevenue));
	}

}
