package io.nextbox.offer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** An offer to create. An add-on names a product, an upgrade a target plan. */
public record NewOffer(String name, OfferKind kind, Long productId, Long targetPlanId, DiscountType discountType,
		BigDecimal discountValue, OfferStatus status, int priority, LocalDate startsOn, LocalDate endsOn,
		int minOrders, int minTenureDays, boolean excludeExisting, Set<Placement> placements,
		Set<Long> targetPlanIds, Set<Long> targetFamilyIds) {

	public static NewOffer activeAddOn(String name, long productId, int priority, Set<Placement> placements) {
		return new NewOffer(name, OfferKind.ADD_ON, productId, null, DiscountType.NONE, BigDecimal.ZERO,
				OfferStatus.ACTIVE, priority, null, null, 0, 0, true, placements, Set.of(), Set.of());
	}

	public static NewOffer activeUpgrade(String name, long targetPlanId, int priority, Set<Placement> placements) {
		return new NewOffer(name, OfferKind.UPGRADE, null, targetPlanId, DiscountType.NONE, BigDecimal.ZERO,
				OfferStatus.ACTIVE, priority, null, null, 0, 0, true, placements, Set.of(), Set.of());
	}

	public NewOffer withDiscount(DiscountType type, BigDecimal value) {
		return new NewOffer(name, kind, productId, targetPlanId, type, value, status, priority, startsOn, endsOn,
				minOrders, minTenureDays, excludeExisting, placements, targetPlanIds, targetFamilyIds);
	}

	public NewOffer forFamilies(Set<Long> familyIds) {
		return new NewOffer(name, kind, productId, targetPlanId, discountType, discountValue, status, priority,
				startsOn, endsOn, minOrders, minTenureDays, excludeExisting, placements, targetPlanIds, familyIds);
	}

	public NewOffer forPlans(Set<Long> planIds) {
		return new NewOffer(name, kind, productId, targetPlanId, discountType, discountValue, status, priority,
				startsOn, endsOn, minOrders, minTenureDays, excludeExisting, placements, planIds, targetFamilyIds);
	}

}
