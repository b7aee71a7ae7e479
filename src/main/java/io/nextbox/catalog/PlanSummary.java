package io.nextbox.catalog;

import java.math.BigDecimal;

public record PlanSummary(long id, String sku, String name, long familyId, String familyName, int tier,
		BigDecimal price, Interval defaultInterval, boolean retired) {
}
