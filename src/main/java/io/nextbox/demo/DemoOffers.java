package io.nextbox.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

import io.nextbox.offer.DiscountType;
import io.nextbox.offer.OfferKind;
import io.nextbox.offer.Placement;

/**
 * The demo store's live offers, and how readily its subscribers take each: read once by the loader to create the
 * offers and by {@link DemoOfferHistory} to grow their last 90 days.
 */
final class DemoOffers {

	private static final Set<Placement> EVERYWHERE = Set.of(Placement.DASHBOARD, Placement.NEXT_SHIPMENT,
			Placement.POST_PURCHASE);

	private static final Set<Placement> UPGRADE_PLACES = Set.of(Placement.DASHBOARD, Placement.POST_PURCHASE);

	/**
	 * One offer. An add-on names its product ({@code sku}) and, if it is not for everyone, the plan family it is for;
	 * an upgrade names its target plan ({@code sku}) and the plan it is offered on ({@code fromPlan}).
	 * {@code takeRate} is the chance that an impression on the dashboard is accepted by a subscriber who has no
	 * particular taste for it; {@code null} family and plan mean every subscriber.
	 */
	record Spec(String name, OfferKind kind, String sku, String family, String fromPlan, int priority,
			Set<Placement> placements, DiscountType discountType, BigDecimal discount, double takeRate) {

		Spec discounted(DiscountType type, String value) {
			return new Spec(name, kind, sku, family, fromPlan, priority, placements, type, new BigDecimal(value),
					takeRate);
		}

		boolean isUpgrade() {
			return kind == OfferKind.UPGRADE;
		}

		/** What one unit costs a subscriber who takes it: the list price after the discount. */
		BigDecimal price() {
			BigDecimal list = isUpgrade() ? DemoCatalog.plan(sku).unitPrice() : DemoCatalog.product(sku).unitPrice();
			BigDecimal price = switch (discountType) {
				case NONE -> list;
				case PERCENT -> list.subtract(list.multiply(discount).divide(BigDecimal.valueOf(100), 2,
						RoundingMode.HALF_UP));
				case FIXED -> list.subtract(discount);
			};
			return price.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
		}

	}

	static final List<Spec> LIVE = List.of(addOn("V60 filter papers", "GEAR-V60-FILTERS", "filter", 10, 0.050),
			addOn("AeroPress filters", "GEAR-AEROPRESS-FILTERS", "filter", 10, 0.040),
			addOn("Chemex filters", "GEAR-CHEMEX-FILTERS", "filter", 10, 0.030),
			addOn("An extra bag of Kenya Nyeri", "COF-KEN-NYERI", "filter", 5, 0.045)
				.discounted(DiscountType.PERCENT, "10"),
			addOn("Almond biscotti", "TRT-BISCOTTI", "espresso", 5, 0.035),
			addOn("Vanilla syrup", "TRT-VANILLA-SYRUP", "espresso", 5, 0.025),
			addOn("Machine descaler", "GEAR-DESCALER", "espresso", 3, 0.020),
			addOn("Wildflower honey", "TRT-HONEY-WILDFLOWER", "tea", 10, 0.040),
			addOn("Manuka honey", "TRT-HONEY-MANUKA", "tea", 3, 0.010),
			addOn("Tea infuser", "GEAR-INFUSER", "tea", 3, 0.015),
			addOn("Oat biscuits", "TRT-OAT-BISCUITS", null, 1, 0.025),
			addOn("Dark chocolate", "TRT-DARK-CHOCOLATE", null, 1, 0.030),
			addOn("Butter shortbread", "TRT-SHORTBREAD", null, 1, 0.020),
			upgrade("Go up to 500 g", "PLAN-FILTER-500", "PLAN-FILTER-250", 8),
			upgrade("Add monthly gear", "PLAN-FILTER-500-GEAR", "PLAN-FILTER-500", 4),
			upgrade("Espresso by the kilo", "PLAN-ESPRESSO-1000", "PLAN-ESPRESSO-500", 8),
			upgrade("Explore five teas", "PLAN-TEA-5", "PLAN-TEA-3", 8),
			new Spec("Stay: biscuits on us", OfferKind.ADD_ON, "TRT-OAT-BISCUITS", null, null, 5,
					Set.of(Placement.CANCEL_FLOW), DiscountType.FIXED, new BigDecimal("5.50"), 0.30));

	private DemoOffers() {
	}

	private static Spec addOn(String name, String sku, String family, int priority, double takeRate) {
		return new Spec(name, OfferKind.ADD_ON, sku, family, null, priority, EVERYWHERE, DiscountType.NONE,
				BigDecimal.ZERO, takeRate);
	}

	/** Upgrades are accepted where the order history moves up a tier, so they carry no take rate of their own. */
	private static Spec upgrade(String name, String targetPlan, String fromPlan, int priority) {
		return new Spec(name, OfferKind.UPGRADE, targetPlan, null, fromPlan, priority, UPGRADE_PLACES,
				DiscountType.NONE, BigDecimal.ZERO, 0);
	}

}
