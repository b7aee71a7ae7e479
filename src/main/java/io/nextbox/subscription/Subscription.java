package io.nextbox.subscription;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.nextbox.catalog.Interval;
import io.nextbox.catalog.IntervalUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A subscriber on a plan. Its state changes only through the methods below, each of which leaves it consistent;
 * the rules that decide whether a change is allowed live in {@link SubscriptionActions}.
 */
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

	@Column(name = "anchor_day")
	private int anchorDay;

	@Column(name = "paused_until")
	private LocalDate pausedUntil;

	@Column(name = "cancelled_on")
	private LocalDate cancelledOn;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "cancel_reason")
	private CancelReason cancelReason;

	@Column(name = "cancel_note")
	private String cancelNote;

	@Version
	private long version;

	/** Read only here: {@link SubscriptionSwaps} keeps them. Fetched with the subscription where a query says so. */
	@OneToMany(fetch = FetchType.LAZY)
	@JoinColumn(name = "subscription_id", insertable = false, updatable = false)
	private Set<SubscriptionSwap> swaps = new HashSet<>();

	protected Subscription() {
	}

	Long getId() {
		return id;
	}

	long getVersion() {
		return version;
	}

	/** The swaps of this subscription, from the plan's product to the one shipped instead. */
	Map<Long, Long> swaps() {
		return swaps.stream()
			.collect(Collectors.toMap(SubscriptionSwap::getFromProductId, SubscriptionSwap::getToProductId));
	}

	Long getSubscriberId() {
		return subscriberId;
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

	boolean is(SubscriptionStatus candidate) {
		return status == candidate;
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

	CancelReason getCancelReason() {
		return cancelReason;
	}

	/** The date after {@code shipDate} on this subscription's schedule. */
	LocalDate dateAfter(LocalDate shipDate) {
		return getInterval().after(shipDate, anchorDay);
	}

	/** Sets when the next box ships; a date the subscriber chose becomes the new anchor of the schedule. */
	void scheduleNext(LocalDate date, boolean newAnchor) {
		nextShipmentDate = date;
		if (newAnchor) {
			anchorDay = date.getDayOfMonth();
		}
	}

	void pause(LocalDate until) {
		status = SubscriptionStatus.PAUSED;
		pausedUntil = until;
		nextShipmentDate = until;
	}

	void activate(LocalDate nextDate) {
		status = SubscriptionStatus.ACTIVE;
		pausedUntil = null;
		cancelledOn = null;
		cancelReason = null;
		cancelNote = null;
		scheduleNext(nextDate, true);
	}

	void cancel(LocalDate on, CancelReason reason, String note) {
		status = SubscriptionStatus.CANCELLED;
		cancelledOn = on;
		cancelReason = reason;
		cancelNote = note;
		pausedUntil = null;
		nextShipmentDate = null;
	}

	void changeInterval(Interval interval) {
		intervalCount = interval.count();
		intervalUnit = interval.unit();
	}

	void changeQuantity(int quantity) {
		this.quantity = quantity;
	}

	void changePlan(long planId) {
		this.planId = planId;
	}

}
