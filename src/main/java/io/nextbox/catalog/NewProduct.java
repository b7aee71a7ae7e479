package io.nextbox.catalog;

import java.math.BigDecimal;

public record NewProduct(String sku, String name, String description, String imageUrl, ProductCategory category,
		BigDecimal price, boolean inStock, boolean addOnEligible) {
}
