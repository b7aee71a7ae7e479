package io.nextbox.catalog;

import java.math.BigDecimal;

public record ProductSummary(long id, String sku, String name, String imageUrl, ProductCategory category,
		BigDecimal price, boolean inStock, boolean addOnEligible, boolean retired) {
}
