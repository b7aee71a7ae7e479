package io.nextbox.catalog.web;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.nextbox.catalog.Interval;
import io.nextbox.catalog.IntervalUnit;
import io.nextbox.catalog.NewPlan;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The plan form: what the box holds, its price, its tier in its family and its usual interval. */
public class PlanForm {

	private Long familyId;

	@Size(max = 80, message = "{plan.family.size}")
	private String newFamily = "";

	@NotBlank(message = "{plan.sku.required}")
	@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,63}", message = "{plan.sku.pattern}")
	private String sku;

	@NotBlank(message = "{plan.name.required}")
	@Size(max = 120, message = "{plan.name.size}")
	private String name;

	@Size(max = 1000, message = "{plan.description.size}")
	private String description = "";

	@NotNull(message = "{plan.tier.range}")
	@Min(value = 1, message = "{plan.tier.range}")
	@Max(value = 20, message = "{plan.tier.range}")
	private Integer tier = 1;

	@NotNull(message = "{plan.price.required}")
	@DecimalMin(value = "0.01", message = "{plan.price.range}")
	@Digits(integer = 8, fraction = 2, message = "{plan.price.range}")
	private BigDecimal price;

	@NotNull(message = "{plan.interval.range}")
	@Min(value = 1, message = "{plan.interval.range}")
	@Max(value = 12, message = "{plan.interval.range}")
	private Integer intervalCount = 4;

	@NotNull(message = "{plan.interval.range}")
	private IntervalUnit intervalUnit = IntervalUnit.WEEK;

	@NotEmpty(message = "{plan.products.required}")
	private Set<Long> productIds = new HashSet<>();

	static PlanForm of(NewPlan plan) {
		PlanForm form = new PlanForm();
		form.familyId = plan.familyId();
		form.sku = plan.sku();
		form.name = plan.name();
		form.description = plan.description();
		form.tier = plan.tier();
		form.price = plan.price();
		form.intervalCount = plan.defaultInterval().count();
		form.intervalUnit = plan.defaultInterval().unit();
		form.productIds = new HashSet<>(plan.items().keySet());
		return form;
	}

	NewPlan toPlan(long family, Map<Long, Integer> previousQuantities) {
		Map<Long, Integer> items = new HashMap<>();
		productIds.forEach(product -> items.put(product, previousQuantities.getOrDefault(product, 1)));
		return new NewPlan(family, sku.trim(), name.trim(), description == null ? "" : description.trim(), tier, price,
				new Interval(intervalCount, intervalUnit), items);
	}

	public Long getFamilyId() {
		return familyId;
	}

	public void setFamilyId(Long familyId) {
		this.familyId = familyId;
	}

	public String getNewFamily() {
		return newFamily;
	}

	public void setNewFamily(String newFamily) {
		this.newFamily = newFamily == null ? "" : newFamily.trim();
	}

	public String getSku() {
		return sku;
	}

	public void setSku(String sku) {
		this.sku = sku == null ? null : sku.trim().toUpperCase(Locale.ROOT);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Integer getTier() {
		return tier;
	}

	public void setTier(Integer tier) {
		this.tier = tier;
	}

	public BigDecimal getPrice() {
		return price;
	}

	public void setPrice(BigDecimal price) {
		this.price = price;
	}

	public Integer getIntervalCount() {
		return intervalCount;
	}

	public void setIntervalCount(Integer intervalCount) {
		this.intervalCount = intervalCount;
	}

	public IntervalUnit getIntervalUnit() {
		return intervalUnit;
	}

	public void setIntervalUnit(IntervalUnit intervalUnit) {
		this.intervalUnit = intervalUnit;
	}

	public Set<Long> getProductIds() {
		return productIds;
	}

	public void setProductIds(Set<Long> productIds) {
		this.productIds = productIds == null ? new HashSet<>() : productIds;
	}

}
