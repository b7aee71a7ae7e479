package io.nextbox.subscription;

import java.time.LocalDate;

import io.nextbox.catalog.Interval;
import io.nextbox.catalog.IntervalUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "subscription")
class Subscription {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "subscriber_id")
	private Long subscriberId;

	@Column(name = "plan_id")
	private Long planId;

	private int quantity;

	@Column(name = "interval_count")
	private int intervalCount;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "interval_unit")
	private IntervalUnit intervalUnit;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private SubscriptionStatus status;

	@Column(name = "started_on")
	private LocalDate startedOn;

	@Column(name = "next_shipment_date")
	private LocalDate nextShipmentDate;

	@Column(name = "paused_until")
	private LocalDate pausedUntil;

	@Column(name = "cancelled_on")
	private LocalDate cancelledOn;

	@Column(name = "cancel_reason")
	private String cancelReason;

	@Column(name = "cancel_note")
	private String cancelNote;

	@Version
	private long version;

	protected Subscription() {
	}

	Long getId() {
		return id;
	}

	Long getPlanId() {
		return planId;
	}

	int getQuantity() {
		return quantity;
	}

	Interval getInterval() {
		return new Interval(intervalCount, intervalUnit);
	}

	SubscriptionStatus getStatus() {
		return status;
	}

	LocalDate getStartedOn() {
		return startedOn;
	}

	LocalDate getNextShipmentDate() {
		return nextShipmentDate;
	}

	LocalDate getPausedUntil() {
		return pausedUntil;
	}

	LocalDate getCancelledOn() {
		return cancelledOn;
	}

}
