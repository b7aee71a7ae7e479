package io.nextbox.engagement;

import java.math.BigDecimal;
import java.time.Instant;

import io.nextbox.offer.OfferKind;
import io.nextbox.offer.Placement;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

/** The key a card carries: who may click it, for which box and offer, at which price. */
@Entity
@Table(name = "offer_claim")
class Claim implements Persistable<String> {

	@Id
	@Column(name = "claim_key")
	private String key;

	@Column(name = "subscriber_id")
	private Long subscriberId;

	@Column(name = "subscription_id")
	private Long subscriptionId;

	@Column(name = "shipment_id")
	private Long shipmentId;

	@Column(name = "offer_id")
	private Long offerId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Placement placement;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private OfferKind kind;

	@Column(name = "product_id")
	private Long productId;

	@Column(name = "target_plan_id")
	private Long targetPlanId;

	@Column(name = "unit_price")
	private BigDecimal unitPrice;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private ClaimStatus status;

	@Column(name = "shipment_line_id")
	private Long shipmentLineId;

	@Column(name = "issued_at")
	private Instant issuedAt;

	@Column(name = "decided_at")
	private Instant decidedAt;

	/** The card's reason line as it was shown, so a card brought back by Undo shows it again. */
	@Column(name = "reason")
	private String reason;

	static final int MAX_REASON = 500;

	/** Made here and not yet stored: saving inserts it without reading it first. */
	@Transient
	private boolean fresh = true;

	protected Claim() {
	}

	Claim(String key, long subscriberId, long subscriptionId, Long shipmentId, long offerId, Placement placement,
			OfferKind kind, Long productId, Long targetPlanId, BigDecimal unitPrice, Instant issuedAt, String reason) {
		this.key = key;
		this.reason = reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
		this.subscriberId = subscriberId;
		this.subscriptionId = subscriptionId;
		this.shipmentId = shipmentId;
		this.offerId = offerId;
		this.placement = placement;
		this.kind = kind;
		this.productId = productId;
		this.targetPlanId = targetPlanId;
		this.unitPrice = unitPrice;
		this.status = ClaimStatus.ISSUED;
		this.issuedAt = issuedAt;
	}

	/** A claim made by a signed card's click, already decided ({@code ACCEPTED} or {@code REFUSED}). */
	static Claim decided(String key, CardKeys.Facts card, ClaimStatus status, Instant at) {
		Claim claim = new Claim(key, card.subscriberId(), card.subscriptionId(), card.shipmentId(), card.offerId(),
				card.placement(), card.kind(), card.productId(), card.targetPlanId(), card.price(), card.shownAt(),
				card.reason());
		claim.status = status;
		claim.decidedAt = at;
		return claim;
	}

	@Override
	public String getId() {
		return key;
	}

	@Override
	public boolean isNew() {
		return fresh;
	}

	@PostLoad
	@PostPersist
	void stored() {
		fresh = false;
	}

	String getKey() {
		return key;
	}

	Long getSubscriberId() {
		return subscriberId;
	}

	Long getSubscriptionId() {
		return subscriptionId;
	}

	Long getShipmentId() {
		return shipmentId;
	}

	Long getOfferId() {
		return offerId;
	}

	Placement getPlacement() {
		return placement;
	}

	OfferKind getKind() {
		return kind;
	}

	Long getProductId() {
		return productId;
	}

	Long getTargetPlanId() {
		return targetPlanId;
	}

	String getReason() {
		return reason;
	}

	BigDecimal getUnitPrice() {
		return unitPrice;
	}

	ClaimStatus getStatus() {
		return status;
	}

	Instant getIssuedAt() {
		return issuedAt;
	}

	Instant getDecidedAt() {
		return decidedAt;
	}

	Long getShipmentLineId() {
		return shipmentLineId;
	}

	/** A card shown again at another price since this claim was undone: added anew at the price now shown. */
	void priced(BigDecimal price) {
		this.unitPrice = price;
	}

	void madeLine(long lineId, long shipmentId) {
		this.shipmentLineId = lineId;
		this.shipmentId = shipmentId;
	}

}
