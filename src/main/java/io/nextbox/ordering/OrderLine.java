package io.nextbox.ordering;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "order_line")
class OrderLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private OrderLineKind kind;

	@Column(name = "plan_id")
	private Long planId;

	@Column(name = "product_id")
	private Long productId;

	@Column(name = "offer_id")
	private Long offerId;

	private int quantity;

	@Column(name = "replaces_product_id")
	private Long replacesProductId;

	@Column(name = "unit_price")
	private BigDecimal unitPrice;

	protected OrderLine() {
	}

	OrderLineKind getKind() {
		return kind;
	}

	Long getPlanId() {
		return planId;
	}

	Long getProductId() {
		return productId;
	}

	Long getReplacesProductId() {
		return replacesProductId;
	}

	int getQuantity() {
		return quantity;
	}

	BigDecimal getUnitPrice() {
		return unitPrice;
	}

}
