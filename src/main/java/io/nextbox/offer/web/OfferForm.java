package io.nextbox.offer.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import io.nextbox.offer.DiscountType;
import io.nextbox.offer.OfferDraft;
import io.nextbox.offer.OfferKind;
import io.nextbox.offer.Placement;
import org.springframework.format.annotation.DateTimeFormat;

/** The offer form: every field an object, so a malformed value is a binding error next to its field. */
public class OfferForm {

	private String name;

	private OfferKind kind = OfferKind.ADD_ON;

	private Long productId;

	private Long targetPlanId;

	private DiscountType discountType = DiscountType.NONE;

	private BigDecimal discountValue;

	private Set<Placement> placements = new HashSet<>(Set.of(Placement.DASHBOARD, Placement.NEXT_SHIPMENT));

	private Set<Long> targetPlanIds = new HashSet<>();

	private Set<Long> targetFamilyIds = new HashSet<>();

	private Integer minOrders = 0;

	private Integer minTenureDays = 0;

	private boolean excludeExisting = true;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate startsOn;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate endsOn;

	private Integer priority = 0;

	static OfferForm of(OfferDraft draft) {
		OfferForm form = new OfferForm();
		form.name = draft.name();
		form.kind = draft.kind();
		form.productId = draft.productId();
		form.targetPlanId = draft.targetPlanId();
		form.discountType = draft.discountType();
		form.discountValue = draft.discountType() == DiscountType.NONE ? null : draft.discountValue();
		form.placements = new HashSet<>(draft.placements());
		form.targetPlanIds = new HashSet<>(draft.targetPlanIds());
		form.targetFamilyIds = new HashSet<>(draft.targetFamilyIds());
		form.minOrders = draft.minOrders();
		form.minTenureDays = draft.minTenureDays();
		form.excludeExisting = draft.excludeExisting();
		form.startsOn = draft.startsOn();
		form.endsOn = draft.endsOn();
		form.priority = draft.priority();
		return form;
	}

	OfferDraft toDraft() {
		return new OfferDraft(name, kind, productId, targetPlanId, discountType, discountValue,
				placements == null ? Set.of() : placements, targetPlanIds == null ? Set.of() : targetPlanIds,
				targetFamilyIds == null ? Set.of() : targetFamilyIds, minOrders, minTenureDays, excludeExisting,
				startsOn, endsOn, priority);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public OfferKind getKind() {
		return kind;
	}

	public void setKind(OfferKind kind) {
		this.kind = kind;
	}

	public Long getProductId() {
		return productId;
	}

	public void setProductId(Long productId) {
		this.productId = productId;
	}

	public Long getTargetPlanId() {
		return targetPlanId;
	}

	public void setTargetPlanId(Long targetPlanId) {
		this.targetPlanId = targetPlanId;
	}

	public DiscountType getDiscountType() {
		return discountType;
	}

	public void setDiscountType(DiscountType discountType) {
		this.discountType = discountType;
	}

	public BigDecimal getDiscountValue() {
		return discountValue;
	}

	public void setDiscountValue(BigDecimal discountValue) {
		this.discountValue = discountValue;
	}

	public Set<Placement> getPlacements() {
		return placements;
	}

	public void setPlacements(Set<Placement> placements) {
		this.placements = placements;
	}

	public Set<Long> getTargetPlanIds() {
		return targetPlanIds;
	}

	public void setTargetPlanIds(Set<Long> targetPlanIds) {
		this.targetPlanIds = targetPlanIds;
	}

	public Set<Long> getTargetFamilyIds() {
		return targetFamilyIds;
	}

	public void setTargetFamilyIds(Set<Long> targetFamilyIds) {
		this.targetFamilyIds = targetFamilyIds;
	}

	public Integer getMinOrders() {
		return minOrders;
	}

	public void setMinOrders(Integer minOrders) {
		this.minOrders = minOrders;
	}

	public Integer getMinTenureDays() {
		return minTenureDays;
	}

	public void setMinTenureDays(Integer minTenureDays) {
		this.minTenureDays = minTenureDays;
	}

	public boolean isExcludeExisting() {
		return excludeExisting;
	}

	public void setExcludeExisting(boolean excludeExisting) {
		this.excludeExisting = excludeExisting;
	}

	public LocalDate getStartsOn() {
		return startsOn;
	}

	public void setStartsOn(LocalDate startsOn) {
		this.startsOn = startsOn;
	}

	public LocalDate getEndsOn() {
		return endsOn;
	}

	public void setEndsOn(LocalDate endsOn) {
		this.endsOn = endsOn;
	}

	public Integer getPriority() {
		return priority;
	}

	public void setPriority(Integer priority) {
		this.priority = priority;
	}

}
