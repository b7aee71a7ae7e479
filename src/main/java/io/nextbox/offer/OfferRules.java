package io.nextbox.offer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nextbox.catalog.PlanSummary;
import io.nextbox.catalog.ProductSummary;

/**
 * The rules a merchant's offer must keep, each with the message that explains it. An impossible offer (an
 * upgrade to a lower tier, a discount above the price, an end before the start, a retired product, a plan or
 * family that does not exist) is never saved. Pure, so a table test reaches every rule.
 */
final class OfferRules {

	static final int MAX_NAME = 120;

	static final int MAX_PRIORITY = 100;

	private OfferRules() {
	}

	/**
	 * {@code plans} holds at least the target plan and every targeted plan that exists, {@code families} every plan
	 * family of the store.
	 */
	static List<OfferProblem> check(OfferDraft draft, Map<Long, ProductSummary> products,
			Map<Long, PlanSummary> plans, Set<Long> families) {
		List<OfferProblem> problems = new ArrayList<>();
		if (draft.targetPlanIds().stream().anyMatch(id -> id == null || !plans.containsKey(id))) {
			problems.add(OfferProblem.of("targetPlanIds", "offer.targetPlans.unknown"));
		}
		if (draft.targetFamilyIds().stream().anyMatch(id -> id == null || !families.contains(id))) {
			problems.add(OfferProblem.of("targetFamilyIds", "offer.targetFamilies.unknown"));
		}
		if (draft.name() == null || draft.name().isBlank()) {
			problems.add(OfferProblem.of("name", "offer.name.required"));
		}
		else if (draft.name().trim().length() > MAX_NAME) {
			problems.add(OfferProblem.of("name", "offer.name.size", MAX_NAME));
		}
		BigDecimal price = null;
		if (draft.kind() == null) {
			problems.add(OfferProblem.of("kind", "offer.kind.required"));
		}
		else if (draft.kind() == OfferKind.ADD_ON) {
			ProductSummary product = draft.productId() == null ? null : products.get(draft.productId());
			if (product == null) {
				problems.add(OfferProblem.of("productId", "offer.product.required"));
			}
			else if (product.retired()) {
				problems.add(OfferProblem.of("productId", "offer.product.retired", product.name()));
			}
			else if (!product.addOnEligible()) {
				problems.add(OfferProblem.of("productId", "offer.product.notAddOn", product.name()));
			}
			else {
				price = product.price();
			}
		}
		else {
			PlanSummary target = draft.targetPlanId() == null ? null : plans.get(draft.targetPlanId());
			if (target == null) {
				problems.add(OfferProblem.of("targetPlanId", "offer.target.required"));
			}
			else if (target.retired()) {
				problems.add(OfferProblem.of("targetPlanId", "offer.target.retired", target.name()));
			}
			else {
				price = target.price();
				for (Long planId : draft.targetPlanIds()) {
					PlanSummary from = planId == null ? null : plans.get(planId);
					if (from != null && (from.familyId() != target.familyId() || from.tier() >= target.tier())) {
						problems.add(OfferProblem.of("targetPlanIds", "offer.target.notUpgrade", target.name()));
						break;
					}
				}
				for (Long familyId : draft.targetFamilyIds()) {
					if (familyId != null && familyId != target.familyId()) {
						problems.add(OfferProblem.of("targetFamilyIds", "offer.target.otherFamily", target.familyName()));
						break;
					}
				}
			}
		}
		checkDiscount(draft, price, problems);
		if (draft.placements() == null || draft.placements().isEmpty()) {
			problems.add(OfferProblem.of("placements", "offer.placements.required"));
		}
		else if (!Placement.forOffers().containsAll(draft.placements())) {
			problems.add(OfferProblem.of("placements", "offer.placements.required"));
		}
		if (draft.minOrders() == null || draft.minOrders() < 0 || draft.minOrders() > 1000) {
			problems.add(OfferProblem.of("minOrders", "offer.minOrders.range"));
		}
		if (draft.minTenureDays() == null || draft.minTenureDays() < 0 || draft.minTenureDays() > 3650) {
			problems.add(OfferProblem.of("minTenureDays", "offer.minTenure.range"));
		}
		if (draft.priority() == null || Math.abs(draft.priority()) > MAX_PRIORITY) {
			problems.add(OfferProblem.of("priority", "offer.priority.range", MAX_PRIORITY));
		}
		if (draft.startsOn() != null && draft.endsOn() != null && draft.endsOn().isBefore(draft.startsOn())) {
			problems.add(OfferProblem.of("endsOn", "offer.dates.order"));
		}
		return problems;
	}

	private static void checkDiscount(OfferDraft draft, BigDecimal price, List<OfferProblem> problems) {
		DiscountType type = draft.discountType() == null ? DiscountType.NONE : draft.discountType();
		BigDecimal value = draft.discountValue() == null ? BigDecimal.ZERO : draft.discountValue();
		if (type == DiscountType.NONE) {
			return;
		}
		if (value.signum() <= 0) {
			problems.add(OfferProblem.of("discountValue", "offer.discount.positive"));
		}
		else if (type == DiscountType.PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0) {
			problems.add(OfferProblem.of("discountValue", "offer.discount.percent"));
		}
		else if (type == DiscountType.FIXED && price != null && value.compareTo(price) > 0) {
			problems.add(OfferProblem.of("discountValue", "offer.discount.abovePrice",
					price.setScale(2, RoundingMode.HALF_UP).toPlainString()));
		}
		else if (value.scale() > 2) {
			problems.add(OfferProblem.of("discountValue", "offer.discount.cents"));
		}
	}

}
