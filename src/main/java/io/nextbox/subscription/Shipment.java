package io.nextbox.subscription;

import java.math.BigDecimal;
import java.time.Duration;
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

	private static final Duration FIRST_RETRY = Duration.ofMinutes(15);

	private static final Duration LONGEST_RETRY = Duration.ofHours(24);

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

	@Column(name = "failure_count")
	private int failureCount;

	@Column(name = "failure_reason")
	private String failureReason;

	@Column(name = "failed_at")
	private Instant failedAt;

	@Column(name = "retry_at")
	private Instant retryAt;

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

	int getFailureCount() {
		return failureCount;
	}

	String getFailureReason() {
		return failureReason;
	}

	Instant getFailedAt() {
		return failedAt;
	}

	Instant getRetryAt() {
		return retryAt;
	}

	/**
	 * Records that processing this box failed at {@code now}: it stays open and is not tried again before
	 * {@link #retryDelay(int) a delay} that grows with every failure in a row.
	 */
	void failed(String reason, Instant now) {
		failureCount++;
		failureReason = reason;
		failedAt = now;
		retryAt = now.plus(retryDelay(failureCount));
	}

	/** 15 minutes after the first failure, then four times as long after each next one, at most a day. */
	static Duration retryDelay(int failures) {
		Duration delay = FIRST_RETRY;
		for (int i = 1; i < failures && delay.compareTo(LONGEST_RETRY) < 0; i++) {
			delay = delay.multipliedBy(4);
		}
		return delay.compareTo(LONGEST_RETRY) < 0 ? delay : LONGEST_RETRY;
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

	Optional<ShipmentLine> claimedLine(String claimKey) {
		return lines.stream().filter(line -> claimKey != null && claimKey.equals(line.getClaimKey())).findFirst();
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
	/**
	 * Takes this box's add-on lines out and returns them as new lines for another box. Flush before adding them
	 * there: the old rows still hold their claim keys, which are unique, until the flush deletes them.
	 */
	List<ShipmentLine> takeLines() {
		List<ShipmentLine> moving = lines.stream().map(ShipmentLine::copy).toList();
		lines.clear();
		return moving;
	}

	void addLines(List<ShipmentLine> moved) {
		lines.addAll(moved);
	}

}
