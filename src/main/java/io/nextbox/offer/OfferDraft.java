package io.nextbox.offer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** An offer as the merchant writes it, before the rules have checked it. Any field may be missing. */
public record OfferDraft(String name, OfferKind kind, Long productId, Long targetPlanId, DiscountType discountType,
		BigDecimal discountValue, Set<Placement> placements, Set<Long> targetPlanIds, Set<Long> targetFamilyIds,
		Integer minOrders, Integer minTenureDays, boolean excludeExisting, LocalDate startsOn, LocalDate endsOn,
		Integer priority) {
}
