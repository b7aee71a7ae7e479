package io.nextbox.subscription;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An add-on in a shipment, at the price the subscriber saw. */
@Entity
@Table(name = "shipment_line")
class ShipmentLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "product_id")
	private Long productId;

	@Column(name = "offer_id")
	private Long offerId;

	private int quantity;

	@Column(name = "unit_price")
	private BigDecimal unitPrice;

	@Column(name = "added_at")
	private Instant addedAt;

	@Column(name = "claim_key")
	private String claimKey;

	protected ShipmentLine() {
	}

	ShipmentLine(Long productId, Long offerId, int quantity, BigDecimal unitPrice, Instant addedAt) {
		this.productId = productId;
		this.offerId = offerId;
		this.quantity = quantity;
		this.unitPrice = unitPrice;
		this.addedAt = addedAt;
	}

	ShipmentLine(Long productId, Long offerId, int quantity, BigDecimal unitPrice, Instant addedAt, String claimKey) {
		this(productId, offerId, quantity, unitPrice, addedAt);
		this.claimKey = claimKey;
	}

	ShipmentLine copy() {
		return new ShipmentLine(productId, offerId, quantity, unitPrice, addedAt, claimKey);
	}

	Long getId() {
		return id;
	}

	Long getProductId() {
		return productId;
	}

	Long getOfferId() {
		return offerId;
	}

	int getQuantity() {
		return quantity;
	}

	BigDecimal getUnitPrice() {
		return unitPrice;
	}

	void changeQuantity(int quantity) {
		this.quantity = quantity;
	}

	String getClaimKey() {
		return claimKey;
	}

	BigDecimal amount() {
		return unitPrice.multiply(BigDecimal.valueOf(quantity));
	}

}
