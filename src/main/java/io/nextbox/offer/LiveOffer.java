package io.nextbox.offer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/** An active offer for a placement, with what decides who may see it. */
public record LiveOffer(long id, String name, OfferKind kind, Long productId, Long targetPlanId,
		DiscountType discountType, BigDecimal discountValue, int priority, int minOrders, int minTenureDays,
		boolean excludeExisting, Set<Long> targetPlanIds, Set<Long> targetFamilyIds) {

	/** Whether the offer is aimed at this plan: no plan or family chosen, or this plan or its family among them. */
	public boolean targetsPlan(long planId, long familyId) {
		return targetPlanIds.isEmpty() && targetFamilyIds.isEmpty() || targetPlanIds.contains(planId)
				|| targetFamilyIds.contains(familyId);
	}

	/** The price after the offer's discount, never below zero. */
	public BigDecimal priceFrom(BigDecimal listPrice) {
		BigDecimal price = switch (discountType) {
			case NONE -> listPrice;
			case PERCENT -> listPrice.subtract(listPrice.multiply(discountValue).divide(BigDecimal.valueOf(100), 2,
					RoundingMode.HALF_UP));
			case FIXED -> listPrice.subtract(discountValue);
		};
		return price.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
	}

}
