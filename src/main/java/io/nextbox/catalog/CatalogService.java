package io.nextbox.catalog;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.nextbox.audit.AuditArea;
import io.nextbox.audit.AuditLog;
import io.nextbox.shared.Fresh;
import io.nextbox.shared.Like;
import io.nextbox.shared.Paging;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
public class CatalogService {

	private final ProductRepository products;

	private final PlanRepository plans;

	private final PlanFamilyRepository families;

	private final Clock clock;

	private final AuditLog audit;

	private final Fresh<CatalogView> view = new Fresh<>(this::readView);

	CatalogService(ProductRepository products, PlanRepository plans, PlanFamilyRepository families, Clock clock,
			AuditLog audit) {
		this.products = products;
		this.plans = plans;
		this.families = families;
		this.clock = clock;
		this.audit = audit;
	}

	@Transactional
	public long createFamily(String name, String description) {
		changed();
		return families.save(new PlanFamily(name, description)).getId();
	}

	@Transactional
	public long createProduct(NewProduct product) {
		changed();
		if (products.existsBySku(product.sku())) {
			throw new DuplicateSkuException(product.sku());
		}
		Product saved = products.save(new Product(product, clock.instant()));
		audit.created(AuditArea.PRODUCTS, saved.getId(), label(product.name(), product.sku()), draftOf(saved));
		return saved.getId();
	}

	@Transactional
	public void updateProduct(long id, NewProduct product) {
		changed();
		if (products.existsBySkuAndIdNot(product.sku(), id)) {
			throw new DuplicateSkuException(product.sku());
		}
		Product saved = products.findById(id).orElseThrow(() -> new ProductNotFoundException(id));
		NewProduct before = draftOf(saved);
		saved.revise(product);
		audit.updated(AuditArea.PRODUCTS, id, label(product.name(), product.sku()), before, draftOf(saved));
	}

	/**
	 * Retires a product: it is never offered again; orders that hold it keep it. Retiring it again (a second click,
	 * a second tab) changes and records nothing: the conditional update lets one request do it.
	 */
	@Transactional
	public void retireProduct(long id) {
		changed();
		ProductSummary before = products.findById(id)
			.map(Product::toSummary)
			.orElseThrow(() -> new ProductNotFoundException(id));
		if (products.retire(id) == 1) {
			audit.statusChanged(AuditArea.PRODUCTS, id, label(before.name(), before.sku()), state(false), state(true));
		}
	}

	@Transactional(readOnly = true)
	public Optional<ProductSummary> product(long id) {
		return products.findById(id).map(Product::toSummary);
	}

	@Transactional(readOnly = true)
	public Optional<NewProduct> productDraft(long id) {
		return products.findById(id).map(CatalogService::draftOf);
	}

	static NewProduct draftOf(Product product) {
		ProductSummary summary = product.toSummary();
		return new NewProduct(summary.sku(), summary.name(), product.getDescription(), summary.imageUrl(),
				summary.category(), summary.price(), summary.inStock(), summary.addOnEligible());
	}

	/** How the audit log names a product or plan. */
	static String label(String name, String sku) {
		return name + " (" + sku + ")";
	}

	private static String state(boolean retired) {
		return retired ? "RETIRED" : "LIVE";
	}

	/** Products whose name or SKU contains {@code query} (literally), by name, a page at a time. */
	@Transactional(readOnly = true)
	public Page<ProductSummary> searchProducts(String query, int page, int size) {
		String like = Like.containing(query == null ? "" : query.trim().toLowerCase(Locale.ROOT));
		return Paging.pageOrLast(page, size, Sort.by("name"), pageable -> products.search(like, pageable))
			.map(Product::toSummary);
	}

	@Transactional
	public long createPlan(NewPlan plan) {
		changed();
		if (plans.existsBySku(plan.sku()) || products.existsBySku(plan.sku())) {
			throw new DuplicateSkuException(plan.sku());
		}
		PlanFamily family = families.findById(plan.familyId())
			.orElseThrow(() -> new IllegalArgumentException("No plan family " + plan.familyId()));
		Plan saved = plans.save(new Plan(family, plan));
		audit.created(AuditArea.PLANS, saved.getId(), label(plan.name(), plan.sku()), saved.toNewPlan());
		return saved.getId();
	}

	@Transactional
	public void updatePlan(long id, NewPlan plan) {
		changed();
		if (plans.existsBySkuAndIdNot(plan.sku(), id) || products.existsBySku(plan.sku())) {
			throw new DuplicateSkuException(plan.sku());
		}
		PlanFamily family = families.findById(plan.familyId())
			.orElseThrow(() -> new IllegalArgumentException("No plan family " + plan.familyId()));
		Plan saved = plans.findById(id).orElseThrow(() -> new PlanNotFoundException(id));
		NewPlan before = saved.toNewPlan();
		saved.revise(family, plan);
		audit.updated(AuditArea.PLANS, id, label(plan.name(), plan.sku()), before, saved.toNewPlan());
	}

	/**
	 * Creates ({@code id} null) or updates a plan, in a new family when {@code newFamily} names one: all in one
	 * transaction, so a refused plan leaves no new family behind.
	 */
	@Transactional
	public long savePlan(Long id, String newFamily, NewPlan plan) {
		long familyId = newFamily == null ? plan.familyId() : createFamily(newFamily, "");
		NewPlan inFamily = new NewPlan(familyId, plan.sku(), plan.name(), plan.description(), plan.tier(),
				plan.price(), plan.defaultInterval(), plan.items());
		if (id == null) {
			return createPlan(inFamily);
		}
		updatePlan(id, inFamily);
		return id;
	}

	/**
	 * Retires a plan: no one can move to it any more; subscriptions on it and past orders keep it. Retiring it again
	 * changes and records nothing.
	 */
	@Transactional
	public void retirePlan(long id) {
		changed();
		PlanSummary before = plans.findById(id)
			.map(Plan::toSummary)
			.orElseThrow(() -> new PlanNotFoundException(id));
		if (plans.retire(id) == 1) {
			audit.statusChanged(AuditArea.PLANS, id, label(before.name(), before.sku()), state(false), state(true));
		}
	}

	@Transactional(readOnly = true)
	public Optional<NewPlan> planDraft(long id) {
		return plans.findById(id).map(Plan::toNewPlan);
	}

	/** The plan families, by name: id to name. */
	@Transactional(readOnly = true)
	public Map<Long, String> families() {
		Map<Long, String> byName = new LinkedHashMap<>();
		families.findAll(Sort.by("name")).forEach(family -> byName.put(family.getId(), family.getName()));
		return byName;
	}

	/** Plans by id, in one query, for pages that list many subscriptions. */
	@Transactional(readOnly = true)
	public Map<Long, PlanSummary> plans(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return plans.findWithFamilyByIdIn(ids)
			.stream()
			.map(Plan::toSummary)
			.collect(Collectors.toMap(PlanSummary::id, Function.identity()));
	}

	@Transactional(readOnly = true)
	public Optional<PlanSummary> plan(long id) {
		return plans.findWithFamilyByIdIn(List.of(id)).stream().findFirst().map(Plan::toSummary);
	}

	/** The plans of a family that can still be chosen, by tier. */
	@Transactional(readOnly = true)
	public List<PlanSummary> plansInFamily(long familyId) {
		return plans.findLiveInFamily(familyId).stream().map(Plan::toSummary).toList();
	}

	/** What each plan's box holds, by plan id: the products that come with the plan. */
	@Transactional(readOnly = true)
	public Map<Long, Set<Long>> planContents() {
		return plans.findAll().stream().collect(Collectors.toMap(Plan::getId, Plan::productIds));
	}

	/** What one box of a plan holds: its products with their quantities, by product name. */
	@Transactional(readOnly = true)
	public List<PlanContent> contentsOf(long planId) {
		Map<Long, Integer> items = plans.findById(planId).map(Plan::toNewPlan).map(NewPlan::items).orElse(Map.of());
		Map<Long, ProductSummary> named = products(items.keySet());
		return items.entrySet()
			.stream()
			.filter(item -> named.containsKey(item.getKey()))
			.map(item -> new PlanContent(item.getKey(), named.get(item.getKey()).name(), item.getValue()))
			.sorted(Comparator.comparing(PlanContent::name))
			.toList();
	}

	/** Every plan, retired ones included, by id. */
	@Transactional(readOnly = true)
	public Map<Long, PlanSummary> allPlans() {
		return plans.findAll().stream().map(Plan::toSummary).collect(Collectors.toMap(PlanSummary::id, Function.identity()));
	}

	/** Every SKU the store knows, plans' and products', to read order history by. */
	@Transactional(readOnly = true)
	public Map<String, SkuRef> skus() {
		Map<String, SkuRef> skus = new HashMap<>();
		products.findAll().forEach(product -> skus.put(product.getSku(), new SkuRef(false, product.getId())));
		plans.findAll().forEach(plan -> skus.put(plan.getSku(), new SkuRef(true, plan.getId())));
		return skus;
	}

	/** Every product, retired ones included, by id. */
	@Transactional(readOnly = true)
	public Map<Long, ProductSummary> allProducts() {
		return products.findAll()
			.stream()
			.map(Product::toSummary)
			.collect(Collectors.toMap(ProductSummary::id, Function.identity()));
	}

	/** Products by id, in one query. */
	@Transactional(readOnly = true)
	public Map<Long, ProductSummary> products(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return products.findAllById(ids)
			.stream()
			.map(Product::toSummary)
			.collect(Collectors.toMap(ProductSummary::id, Function.identity()));
	}

	/**
	 * The catalogue as pages show it, at most five seconds old (see {@link CatalogView}), holding these plans and
	 * products: one that is newer than the view (made on another instance a moment ago) has it read again.
	 */
	public CatalogView view(Collection<Long> planIds, Collection<Long> productIds) {
		CatalogView current = view.get();
		if (!current.holds(planIds, productIds)) {
			view.forget();
			current = view.get();
		}
		return current;
	}

	private CatalogView readView() {
		Map<Long, PlanSummary> plansById = new HashMap<>();
		Map<Long, Map<Long, Integer>> contents = new HashMap<>();
		for (Plan plan : plans.findAllWithFamilyAndItems()) {
			plansById.put(plan.getId(), plan.toSummary());
			contents.put(plan.getId(), Map.copyOf(plan.toNewPlan().items()));
		}
		return new CatalogView(plansById, allProducts(), contents);
	}

	/** Pages see a change here at once: the view is read again now and once the change has committed. */
	private void changed() {
		view.forget();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					view.forget();
				}

			});
		}
	}

	@Transactional(readOnly = true)
	public long countProducts() {
		return products.countByRetiredFalse();
	}

	@Transactional(readOnly = true)
	public long countPlans() {
		return plans.countByRetiredFalse();
	}

}
