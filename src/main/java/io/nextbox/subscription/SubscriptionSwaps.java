package io.nextbox.subscription;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.CatalogView;
import io.nextbox.catalog.PlanContent;
import io.nextbox.catalog.ProductSummary;
import io.nextbox.ordering.NewOrder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.springframework.stereotype.Component;

/** The swaps of subscriptions: reads them into a {@link BoxContents}, keeps them, and turns them into order lines. */
@Component
class SubscriptionSwaps {

	private final SubscriptionSwapRepository swaps;

	private final CatalogService catalog;

	private final EntityManager entities;

	SubscriptionSwaps(SubscriptionSwapRepository swaps, CatalogService catalog, EntityManager entities) {
		this.swaps = swaps;
		this.catalog = catalog;
		this.entities = entities;
	}

	/** The subscription's swaps, from the plan's product to the one shipped instead. */
	Map<Long, Long> of(long subscriptionId) {
		return byFrom(swaps.findBySubscriptionId(subscriptionId));
	}

	/** The box of a subscription as a page shows it, from the catalogue view. */
	static BoxContents box(CatalogView view, long planId, Map<Long, Long> swaps) {
		return new BoxContents(view.contentsOf(planId), swaps, view.allProducts());
	}

	/**
	 * The box of a subscription as the catalogue is now (read in this transaction, not the view): what a swap
	 * decides and a shipment ships by. {@code extra}: another product to know about (the one a swap asks for).
	 */
	BoxContents current(Subscription subscription, Long extra) {
		List<PlanContent> contents = catalog.contentsOf(subscription.getPlanId());
		Map<Long, Long> current = of(subscription.getId());
		Set<Long> ids = new HashSet<>(current.values());
		contents.forEach(content -> ids.add(content.productId()));
		if (extra != null) {
			ids.add(extra);
		}
		return new BoxContents(contents, current, catalog.products(ids));
	}

	/**
	 * Puts {@code to} in place of the plan's product {@code from} from the box of {@code appliesFrom} on; the plan's
	 * own product takes the swap away. The subscription's version moves on, so a repeat of the request is known.
	 */
	void swap(Subscription subscription, long from, long to, LocalDate appliesFrom, Instant now, Actor actor) {
		SubscriptionSwap existing = swaps.findBySubscriptionId(subscription.getId())
			.stream()
			.filter(swap -> swap.getFromProductId() == from)
			.findFirst()
			.orElse(null);
		if (to == from) {
			if (existing != null) {
				swaps.delete(existing);
			}
		}
		else if (existing != null) {
			existing.swapTo(to, appliesFrom, now, actor.email());
		}
		else {
			swaps.save(new SubscriptionSwap(subscription.getId(), from, to, appliesFrom, now, actor.email()));
		}
		entities.lock(subscription, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
	}

	/** A new plan's box holds other products: the swaps of the old one end. */
	void clear(Subscription subscription) {
		swaps.deleteAllOf(subscription.getId());
	}

	/**
	 * The order lines of a box's swaps: each product shipped in place of the plan's, priced at the difference, for
	 * {@code boxes} boxes. A product swapped in that is no longer sold or in stock is not shipped: the plan's own is.
	 */
	List<NewOrder.Line> orderLines(Subscription subscription, int boxes) {
		if (swaps.findBySubscriptionId(subscription.getId()).isEmpty()) {
			return List.of();
		}
		List<NewOrder.Line> lines = new ArrayList<>();
		for (BoxContents.Slot slot : current(subscription, null).swapped()) {
			ProductSummary held = slot.held();
			if (held.retired() || !held.inStock()) {
				continue;
			}
			BigDecimal difference = held.price().subtract(slot.plannedProduct().price());
			lines.add(NewOrder.Line.swap(held.id(), slot.planned().productId(),
					slot.planned().quantity() * boxes, difference));
		}
		return lines;
	}

	private static Map<Long, Long> byFrom(List<SubscriptionSwap> found) {
		return found.stream()
			.collect(Collectors.toMap(SubscriptionSwap::getFromProductId, SubscriptionSwap::getToProductId));
	}

}
