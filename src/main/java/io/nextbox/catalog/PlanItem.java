package io.nextbox.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
class PlanItem {

	@Column(name = "product_id")
	private Long productId;

	private int quantity;

	protected PlanItem() {
	}

	PlanItem(Long productId, int quantity) {
		this.productId = productId;
		this.quantity = quantity;
	}

	Long getProductId() {
		return productId;
	}

	int getQuantity() {
		return quantity;
	}

}
