package io.nextbox.offer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.nextbox.catalog.Interval;
import io.nextbox.catalog.PlanSummary;
import io.nextbox.catalog.ProductCategory;
import io.nextbox.catalog.ProductSummary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule an offer must keep, as a table: a draft, and the field and message it earns (or none). */
class OfferRulesTests {

	private static final Map<Long, ProductSummary> PRODUCTS = Map.of(
			1L, new ProductSummary(1, "FILTERS", "Filters", null, ProductCategory.GEAR, new BigDecimal("7.00"), true,
					true, false),
			2L, new ProductSummary(2, "OLD", "Old mug", null, ProductCategory.GEAR, new BigDecimal("9.00"), true, true,
					true),
			3L, new ProductSummary(3, "GRINDER", "Grinder", null, ProductCategory.GEAR, new BigDecimal("65.00"), true,
					false, false));

	private static final Map<Long, PlanSummary> PLANS = Map.of(
			10L, plan(10, "Coffee 250 g", 1, 1, "15.00", false), 11L, plan(11, "Coffee 500 g", 1, 2, "28.00", false),
			12L, plan(12, "Coffee retired", 1, 3, "36.00", true), 20L, plan(20, "Tea 3", 2, 1, "16.00", false));

	static Stream<Arguments> drafts() {
		return Stream.of(Arguments.of("a valid add-on", addOn(1L), null, null),
				Arguments.of("a valid upgrade", upgrade(11L, Set.of(10L)), null, null),
				Arguments.of("no name", named(addOn(1L), " "), "name", "offer.name.required"),
				Arguments.of("a name too long", named(addOn(1L), "x".repeat(121)), "name", "offer.name.size"),
				Arguments.of("no kind", kind(addOn(1L), null), "kind", "offer.kind.required"),
				Arguments.of("no product", addOn(null), "productId", "offer.product.required"),
				Arguments.of("a retired product", addOn(2L), "productId", "offer.product.retired"),
				Arguments.of("a product not sold as add-on", addOn(3L), "productId", "offer.product.notAddOn"),
				Arguments.of("no target plan", upgrade(null, Set.of()), "targetPlanId", "offer.target.required"),
				Arguments.of("a retired target", upgrade(12L, Set.of()), "targetPlanId", "offer.target.retired"),
				Arguments.of("an upgrade to a lower tier", upgrade(10L, Set.of(11L)), "targetPlanIds",
						"offer.target.notUpgrade"),
				Arguments.of("an upgrade across families", upgrade(11L, Set.of(20L)), "targetPlanIds",
						"offer.target.notUpgrade"),
				Arguments.of("a targeted plan that does not exist", targeting(addOn(1L), Set.of(99L), Set.of()),
						"targetPlanIds", "offer.targetPlans.unknown"),
				Arguments.of("an empty targeted plan", targeting(upgrade(11L, Set.of()), nullSet(), Set.of()),
						"targetPlanIds", "offer.targetPlans.unknown"),
				Arguments.of("a targeted family that does not exist", targeting(addOn(1L), Set.of(), Set.of(99L)),
						"targetFamilyIds", "offer.targetFamilies.unknown"),
				Arguments.of("an empty targeted family", targeting(upgrade(11L, Set.of()), Set.of(), nullSet()),
						"targetFamilyIds", "offer.targetFamilies.unknown"),
				Arguments.of("a targeted family that exists", targeting(addOn(1L), Set.of(10L), Set.of(2L)), null,
						null),
				Arguments.of("a discount above the price", discount(addOn(1L), DiscountType.FIXED, "7.01"),
						"discountValue", "offer.discount.abovePrice"),
				Arguments.of("a discount of the whole price", discount(addOn(1L), DiscountType.FIXED, "7.00"), null,
						null),
				Arguments.of("above 100 percent", discount(addOn(1L), DiscountType.PERCENT, "101"), "discountValue",
						"offer.discount.percent"),
				Arguments.of("a zero discount", discount(addOn(1L), DiscountType.PERCENT, "0"), "discountValue",
						"offer.discount.positive"),
				Arguments.of("fractions of a cent", discount(addOn(1L), DiscountType.FIXED, "1.005"), "discountValue",
						"offer.discount.cents"),
				Arguments.of("no placement", placements(addOn(1L), Set.of()), "placements",
						"offer.placements.required"),
				Arguments.of("an end before the start", dates(addOn(1L), "2026-12-10", "2026-12-01"), "endsOn",
						"offer.dates.order"),
				Arguments.of("a priority out of range", priority(addOn(1L), 101), "priority", "offer.priority.range"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("drafts")
	void aDraftEarnsTheMessageOfTheRuleItBreaks(String what, OfferDraft draft, String field, String code) {
		var problems = OfferRules.check(draft, PRODUCTS, PLANS, Set.of(1L, 2L));
		if (field == null) {
			assertThat(problems).isEmpty();
		}
		else {
			assertThat(problems).extracting(OfferProblem::field, OfferProblem::code).contains(
					org.assertj.core.groups.Tuple.tuple(field, code));
		}
	}

	private static OfferDraft addOn(Long productId) {
		return new OfferDraft("Filters", OfferKind.ADD_ON, productId, null, DiscountType.NONE, null,
				Set.of(Placement.DASHBOARD), Set.of(), Set.of(), 0, 0, true, null, null, 0);
	}

	private static OfferDraft upgrade(Long target, Set<Long> from) {
		return new OfferDraft("Go big", OfferKind.UPGRADE, null, target, DiscountType.NONE, null,
				Set.of(Placement.DASHBOARD), from, Set.of(), 0, 0, true, null, null, 0);
	}

	private static OfferDraft named(OfferDraft d, String name) {
		return new OfferDraft(name, d.kind(), d.productId(), d.targetPlanId(), d.discountType(), d.discountValue(),
				d.placements(), d.targetPlanIds(), d.targetFamilyIds(), d.minOrders(), d.minTenureDays(),
				d.excludeExisting(), d.startsOn(), d.endsOn(), d.priority());
	}

	private static OfferDraft kind(OfferDraft d, OfferKind kind) {
		return new OfferDraft(d.name(), kind, d.productId(), d.targetPlanId(), d.discountType(), d.discountValue(),
				d.placements(), d.targetPlanIds(), d.targetFamilyIds(), d.minOrders(), d.minTenureDays(),
				d.excludeExisting(), d.startsOn(), d.endsOn(), d.priority());
	}

	private static OfferDraft discount(OfferDraft d, DiscountType type, String value) {
		return new OfferDraft(d.name(), d.kind(), d.productId(), d.targetPlanId(), type, new BigDecimal(value),
				d.placements(), d.targetPlanIds(), d.targetFamilyIds(), d.minOrders(), d.minTenureDays(),
				d.excludeExisting(), d.startsOn(), d.endsOn(), d.priority());
	}

	private static OfferDraft placements(OfferDraft d, Set<Placement> placements) {
		return new OfferDraft(d.name(), d.kind(), d.productId(), d.targetPlanId(), d.discountType(), d.discountValue(),
				placements, d.targetPlanIds(), d.targetFamilyIds(), d.minOrders(), d.minTenureDays(),
				d.excludeExisting(), d.startsOn(), d.endsOn(), d.priority());
	}

	private static OfferDraft dates(OfferDraft d, String start, String end) {
		return new OfferDraft(d.name(), d.kind(), d.productId(), d.targetPlanId(), d.discountType(), d.discountValue(),
				d.placements(), d.targetPlanIds(), d.targetFamilyIds(), d.minOrders(), d.minTenureDays(),
				d.excludeExisting(), LocalDate.parse(start), LocalDate.parse(end), d.priority());
	}

	private static OfferDraft priority(OfferDraft d, int priority) {
		return new OfferDraft(d.name(), d.kind(), d.productId(), d.targetPlanId(), d.discountType(), d.discountValue(),
				d.placements(), d.targetPlanIds(), d.targetFamilyIds(), d.minOrders(), d.minTenureDays(),
				d.excludeExisting(), d.startsOn(), d.endsOn(), priority);
	}

	private static OfferDraft targeting(OfferDraft d, Set<Long> plans, Set<Long> families) {
		return new OfferDraft(d.name(), d.kind(), d.productId(), d.targetPlanId(), d.discountType(), d.discountValue(),
				d.placements(), plans, families, d.minOrders(), d.minTenureDays(), d.excludeExisting(), d.startsOn(),
				d.endsOn(), d.priority());
	}

	/** What a form field sent empty binds to: a set holding null. */
	private static Set<Long> nullSet() {
		Set<Long> set = new java.util.HashSet<>();
		set.add(null);
		return set;
	}

	private static PlanSummary plan(long id, String name, long family, int tier, String price, boolean retired) {
		return new PlanSummary(id, "P" + id, name, family, family == 1 ? "Coffee" : "Tea", tier, new BigDecimal(price),
				Interval.weeks(2), retired);
	}

}
