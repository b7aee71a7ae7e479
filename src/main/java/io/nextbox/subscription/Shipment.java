package io.nextbox.subscription;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A box of a subscription: the next one while open, then skipped or processed. */
@Entity
@Table(name = "shipment")
class Shipment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "subscription_id")
	private Long subscriptionId;

	@Column(name = "ship_date")
	private LocalDate shipDate;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private ShipmentStatus status;

	@Column(name = "processed_at")
	private Instant processedAt;

	@Version
	private long version;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "shipment_id", nullable = false)
	@OrderBy("id")
	private List<ShipmentLine> lines = new ArrayList<>();

	protected Shipment() {
	}

	static Shipment open(long subscriptionId, LocalDate shipDate) {
		Shipment shipment = new Shipment();
		shipment.subscriptionId = subscriptionId;
		shipment.shipDate = shipDate;
		shipment.status = ShipmentStatus.OPEN;
		return shipment;
	}

	Long getId() {
		return id;
	}

	Long getSubscriptionId() {
		return subscriptionId;
	}

	LocalDate getShipDate() {
		return shipDate;
	}

	ShipmentStatus getStatus() {
		return status;
	}

	List<ShipmentLine> getLines() {
		return lines;
	}

	BigDecimal addOnTotal() {
		return lines.stream().map(ShipmentLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	ShipmentLine addLine(ShipmentLine line) {
		lines.add(line);
		return line;
	}

	Optional<ShipmentLine> line(long lineId) {
		return lines.stream().filter(line -> line.getId() != null && line.getId() == lineId).findFirst();
	}

	boolean removeLine(long lineId) {
		return lines.removeIf(line -> line.getId() != null && line.getId() == lineId);
	}

	boolean holds(long productId) {
		return lines.stream().anyMatch(line -> line.getProductId() == productId);
	}

	void skip() {
		status = ShipmentStatus.SKIPPED;
	}

	void reopen() {
		status = ShipmentStatus.OPEN;
	}

	void moveTo(LocalDate date) {
		shipDate = date;
	}

	/** Moves this shipment's add-on lines into {@code other}: a skipped box's add-ons go with the next one. */
	void moveLinesTo(Shipment other) {
		lines.forEach(line -> other.lines.add(line.copy()));
		lines.clear();
	}

}
