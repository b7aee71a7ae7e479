package io.nextbox.ordering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "orders")
class Order {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "order_number")
	private String orderNumber;

	@Column(name = "subscriber_id")
	private Long subscriberId;

	@Column(name = "subscription_id")
	private Long subscriptionId;

	@Column(name = "shipment_id")
	private Long shipmentId;

	@Column(name = "ordered_at")
	private Instant orderedAt;

	private BigDecimal total;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private OrderSource source;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "order_id", nullable = false)
	private List<OrderLine> lines = new ArrayList<>();

	protected Order() {
	}

	Long getId() {
		return id;
	}

	String getOrderNumber() {
		return orderNumber;
	}

	Instant getOrderedAt() {
		return orderedAt;
	}

	BigDecimal getTotal() {
		return total;
	}

	List<OrderLine> getLines() {
		return lines;
	}

}
