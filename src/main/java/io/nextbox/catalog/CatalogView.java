package io.nextbox.catalog;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole catalogue as pages show it (plans with their families, products, what each plan's box holds), read in
 * three queries and kept for at most five seconds ({@link io.nextbox.shared.Fresh}), like the store settings: a
 * portal page names plans and products without a query of its own. A change made here shows at once, another
 * instance's within five seconds. What decides something (the price an add-on is locked at, whether a plan can be
 * chosen or a product is in stock) reads {@link CatalogService} in its transaction instead.
 */
public final class CatalogView {

	private final Map<Long, PlanSummary> plans;

	private final Map<Long, ProductSummary> products;

	private final Map<Long, Map<Long, Integer>> contents;

	CatalogView(Map<Long, PlanSummary> plans, Map<Long, ProductSummary> products,
			Map<Long, Map<Long, Integer>> contents) {
		this.plans = Map.copyOf(plans);
		this.products = Map.copyOf(products);
		this.contents = Map.copyOf(contents);
	}

	public Optional<PlanSummary> plan(long id) {
		return Optional.ofNullable(plans.get(id));
	}

	/** The plans of these ids that exist, by id. */
	public Map<Long, PlanSummary> plans(Collection<Long> ids) {
		return pick(plans, ids);
	}

	/** The plans of a family that can still be chosen, by tier (as {@link CatalogService#plansInFamily}). */
	public List<PlanSummary> plansInFamily(long familyId) {
		return plans.values()
			.stream()
			.filter(plan -> plan.familyId() == familyId && !plan.retired())
			.sorted(Comparator.comparingInt(PlanSummary::tier).thenComparingLong(PlanSummary::id))
			.toList();
	}

	/** The products of these ids that exist, by id. */
	public Map<Long, ProductSummary> products(Collection<Long> ids) {
		return pick(products, ids);
	}

	/** Every product, retired ones included, by id. */
	public Map<Long, ProductSummary> allProducts() {
		return products;
	}

	/** What one box of a plan holds, by product name (as {@link CatalogService#contentsOf}). */
	public List<PlanContent> contentsOf(long planId) {
		return contents.getOrDefault(planId, Map.of())
			.entrySet()
			.stream()
			.filter(item -> products.containsKey(item.getKey()))
			.map(item -> new PlanContent(item.getKey(), products.get(item.getKey()).name(), item.getValue()))
			.sorted(Comparator.comparing(PlanContent::name))
			.toList();
	}

	boolean holds(Collection<Long> planIds, Collection<Long> productIds) {
		return plans.keySet().containsAll(planIds) && products.keySet().containsAll(productIds);
	}

	private static <T> Map<Long, T> pick(Map<Long, T> all, Collection<Long> ids) {
		Map<Long, T> picked = new LinkedHashMap<>();
		for (Long id : ids) {
			T value = all.get(id);
			if (value != null) {
				picked.put(id, value);
			}
		}
		return picked;
	}

}
