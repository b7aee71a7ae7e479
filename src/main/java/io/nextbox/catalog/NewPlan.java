package io.nextbox.catalog;

import java.math.BigDecimal;
import java.util.Map;

/** A plan to create; {@code items} maps product ids to the quantity each box holds. */
public record NewPlan(long familyId, String sku, String name, String description, int tier, BigDecimal price,
		Interval defaultInterval, Map<Long, Integer> items) {
}
