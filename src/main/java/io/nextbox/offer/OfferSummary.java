package io.nextbox.offer;

import java.time.LocalDate;
import java.util.Set;

/** An offer as the merchant's list shows it, with its take rate (accepts per impression) over the last 30 days. */
public record OfferSummary(long id, String name, OfferKind kind, OfferStatus status, Set<Placement> placements,
		int priority, Long productId, Long targetPlanId, LocalDate startsOn, LocalDate endsOn, double takeRate,
		long impressions) {
}
