package io.nextbox.offer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "offer")
class Offer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private OfferKind kind;

	@Column(name = "product_id")
	private Long productId;

	@Column(name = "target_plan_id")
	private Long targetPlanId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "discount_type")
	private DiscountType discountType;

	@Column(name = "discount_value")
	private BigDecimal discountValue;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private OfferStatus status;

	private int priority;

	@Column(name = "starts_on")
	private LocalDate startsOn;

	@Column(name = "ends_on")
	private LocalDate endsOn;

	@Column(name = "min_orders")
	private int minOrders;

	@Column(name = "min_tenure_days")
	private int minTenureDays;

	@Column(name = "exclude_existing")
	private boolean excludeExisting;

	@Column(name = "created_at")
	private Instant createdAt;

	@Version
	private long version;

	@ElementCollection
	@BatchSize(size = 100)
	@CollectionTable(name = "offer_placement", joinColumns = @JoinColumn(name = "offer_id"))
	@Column(name = "placement")
	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Set<Placement> placements = new HashSet<>();

	// the targeting of every offer a query found is read in one statement, not one per offer
	@ElementCollection
	@BatchSize(size = 100)
	@CollectionTable(name = "offer_target_plan", joinColumns = @JoinColumn(name = "offer_id"))
	@Column(name = "plan_id")
	private Set<Long> targetPlanIds = new HashSet<>();

	// the targeting of every offer a query found is read in one statement, not one per offer
	@ElementCollection
	@BatchSize(size = 100)
	@CollectionTable(name = "offer_target_family", joinColumns = @JoinColumn(name = "offer_id"))
	@Column(name = "family_id")
	private Set<Long> targetFamilyIds = new HashSet<>();

	protected Offer() {
	}

	Offer(NewOffer offer, Instant createdAt) {
		this.name = offer.name();
		this.kind = offer.kind();
		this.productId = offer.productId();
		this.targetPlanId = offer.targetPlanId();
		this.discountType = offer.discountType();
		this.discountValue = offer.discountValue();
		this.status = offer.status();
		this.priority = offer.priority();
		this.startsOn = offer.startsOn();
		this.endsOn = offer.endsOn();
		this.minOrders = offer.minOrders();
		this.minTenureDays = offer.minTenureDays();
		this.excludeExisting = offer.excludeExisting();
		this.placements.addAll(offer.placements());
		this.targetPlanIds.addAll(offer.targetPlanIds());
		this.targetFamilyIds.addAll(offer.targetFamilyIds());
		this.createdAt = createdAt;
	}

	Long getId() {
		return id;
	}

	/** Replaces what the merchant wrote; the status stays. */
	void revise(NewOffer offer) {
		this.name = offer.name();
		this.kind = offer.kind();
		this.productId = offer.productId();
		this.targetPlanId = offer.targetPlanId();
		this.discountType = offer.discountType();
		this.discountValue = offer.discountValue();
		this.priority = offer.priority();
		this.startsOn = offer.startsOn();
		this.endsOn = offer.endsOn();
		this.minOrders = offer.minOrders();
		this.minTenureDays = offer.minTenureDays();
		this.excludeExisting = offer.excludeExisting();
		this.placements.clear();
		this.placements.addAll(offer.placements());
		this.targetPlanIds.clear();
		this.targetPlanIds.addAll(offer.targetPlanIds());
		this.targetFamilyIds.clear();
		this.targetFamilyIds.addAll(offer.targetFamilyIds());
	}

	void changeStatus(OfferStatus status) {
		this.status = status;
	}

	OfferStatus getStatus() {
		return status;
	}

	OfferDraft toDraft() {
		return new OfferDraft(name, kind, productId, targetPlanId, discountType, discountValue, Set.copyOf(placements),
				Set.copyOf(targetPlanIds), Set.copyOf(targetFamilyIds), minOrders, minTenureDays, excludeExisting,
				startsOn, endsOn, priority);
	}

	OfferSummary toSummary(double takeRate, long impressions) {
		return new OfferSummary(id, name, kind, status, Set.copyOf(placements), priority, productId, targetPlanId,
				startsOn, endsOn, takeRate, impressions);
	}

	boolean isActive() {
		return status == OfferStatus.ACTIVE;
	}

	Set<Placement> placements() {
		return placements;
	}

	boolean runsOn(LocalDate day) {
		return (startsOn == null || !day.isBefore(startsOn)) && (endsOn == null || !day.isAfter(endsOn));
	}

	LiveOffer toLive() {
		return new LiveOffer(id, name, kind, productId, targetPlanId, discountType, discountValue, priority, minOrders,
				minTenureDays, excludeExisting, Set.copyOf(targetPlanIds), Set.copyOf(targetFamilyIds));
	}

}
