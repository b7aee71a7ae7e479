package io.nextbox.subscription;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.nextbox.catalog.PlanContent;
import io.nextbox.catalog.ProductSummary;

/**
 * What one box of a subscription holds: its plan's contents with the subscription's swaps applied, and what each
 * product can be swapped for. Pure (the catalogue is given), so the pages, the swap action and the shipment run agree
 * and a unit test reaches every rule.
 */
final class BoxContents {

	/** One product of the plan and the product the box holds in its place. */
	record Slot(PlanContent planned, ProductSummary plannedProduct, ProductSummary held) {

		boolean swapped() {
			return held.id() != planned.productId();
		}

	}

	private final List<Slot> slots;

	private final Map<Long, ProductSummary> products;

	/**
	 * @param contents the plan's contents
	 * @param swaps the subscription's swaps, from the plan's product to the one shipped instead
	 * @param products every product the store has (retired ones too)
	 */
	BoxContents(List<PlanContent> contents, Map<Long, Long> swaps, Map<Long, ProductSummary> products) {
		this.products = products;
		List<Slot> found = new ArrayList<>();
		for (PlanContent content : contents) {
			ProductSummary planned = products.get(content.productId());
			if (planned == null) {
				continue;
			}
			ProductSummary held = Optional.ofNullable(swaps.get(content.productId()))
				.map(products::get)
				.orElse(planned);
			found.add(new Slot(content, planned, held));
		}
		this.slots = List.copyOf(found);
	}

	List<Slot> slots() {
		return slots;
	}

	Optional<Slot> slot(Long planProductId) {
		return slots.stream().filter(slot -> planProductId != null && slot.planned().productId() == planProductId)
			.findFirst();
	}

	/** The products swapped in, and those they replace. */
	List<Slot> swapped() {
		return slots.stream().filter(Slot::swapped).toList();
	}

	/**
	 * What the product of this slot can become: the plan's own product (a swap back) unless it is what the box holds,
	 * and every product of its category that is sold, in stock and not in the box already, by price then name.
	 */
	List<ProductSummary> alternatives(Slot slot) {
		Set<Long> inBox = slots.stream().map(other -> other.held().id()).collect(Collectors.toSet());
		List<ProductSummary> options = new ArrayList<>();
		if (slot.swapped()) {
			options.add(slot.plannedProduct());
		}
		products.values()
			.stream()
			.filter(product -> product.category() == slot.plannedProduct().category())
			.filter(product -> !product.retired() && product.inStock())
			.filter(product -> !inBox.contains(product.id()) && product.id() != slot.planned().productId())
			.sorted(Comparator.comparing(ProductSummary::price).thenComparing(ProductSummary::name))
			.forEach(options::add);
		return options;
	}

	/** What a delivery of {@code boxes} boxes costs more (or less, negative) with {@code to} in the slot. */
	static BigDecimal difference(Slot slot, ProductSummary to, int boxes) {
		return to.price()
			.subtract(slot.held().price())
			.multiply(BigDecimal.valueOf((long) slot.planned().quantity() * boxes));
	}

	/** What the swaps add to the plan's price of one box (negative: take off). */
	BigDecimal swapDifferencePerBox() {
		return slots.stream()
			.filter(Slot::swapped)
			.map(slot -> slot.held().price().subtract(slot.plannedProduct().price())
				.multiply(BigDecimal.valueOf(slot.planned().quantity())))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
