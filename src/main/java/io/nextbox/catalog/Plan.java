package io.nextbox.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "plan")
class Plan {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "family_id")
	private PlanFamily family;

	private String sku;

	private String name;

	private String description;

	private int tier;

	private BigDecimal price;

	@Column(name = "interval_count")
	private int intervalCount;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "interval_unit")
	private IntervalUnit intervalUnit;

	private boolean retired;

	@ElementCollection
	@CollectionTable(name = "plan_item", joinColumns = @JoinColumn(name = "plan_id"))
	private List<PlanItem> items = new ArrayList<>();

	protected Plan() {
	}

	Plan(PlanFamily family, NewPlan plan) {
		this.family = family;
		this.sku = plan.sku();
		this.name = plan.name();
		this.description = plan.description();
		this.tier = plan.tier();
		this.price = plan.price();
		this.intervalCount = plan.defaultInterval().count();
		this.intervalUnit = plan.defaultInterval().unit();
		plan.items().forEach((productId, quantity) -> items.add(new PlanItem(productId, quantity)));
	}

	Long getId() {
		return id;
	}

	String getSku() {
		return sku;
	}

	void revise(PlanFamily family, NewPlan plan) {
		this.family = family;
		this.sku = plan.sku();
		this.name = plan.name();
		this.description = plan.description();
		this.tier = plan.tier();
		this.price = plan.price();
		this.intervalCount = plan.defaultInterval().count();
		this.intervalUnit = plan.defaultInterval().unit();
		this.items.clear();
		plan.items().forEach((productId, quantity) -> items.add(new PlanItem(productId, quantity)));
	}

	NewPlan toNewPlan() {
		Map<Long, Integer> contents = new HashMap<>();
		items.forEach(item -> contents.put(item.getProductId(), item.getQuantity()));
		return new NewPlan(family.getId(), sku, name, description, tier, price,
				new Interval(intervalCount, intervalUnit), contents);
	}

	Set<Long> productIds() {
		return items.stream().map(PlanItem::getProductId).collect(Collectors.toUnmodifiableSet());
	}

	PlanSummary toSummary() {
		return new PlanSummary(id, sku, name, family.getId(), family.getName(), tier, price,
				new Interval(intervalCount, intervalUnit), retired);
	}

}
