package io.nextbox.recommendation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nextbox.catalog.Interval;
import io.nextbox.catalog.PlanSummary;
import io.nextbox.catalog.ProductCategory;
import io.nextbox.catalog.ProductSummary;
import io.nextbox.ordering.PastOrder;
import io.nextbox.recommendation.engine.Blend;
import io.nextbox.recommendation.engine.Profile;
import io.nextbox.recommendation.engine.Ranker;
import io.nextbox.recommendation.engine.Signals;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of reason, said only when it is true. */
class ReasonsTests {

	private static final long GUJI = 1;

	private static final long FILTERS = 2;

	private static final long BISCUITS = 3;

	private static final long HONEY = 4;

	private static final long NEW = 5;

	private static final long SPECULOOS = 6;

	private static final Map<Long, ProductSummary> PRODUCTS = Map.of(GUJI, product(GUJI, "Ethiopia Guji"), FILTERS,
			product(FILTERS, "V60 Filter Papers"), BISCUITS,
			product(BISCUITS, "Oat Biscuits", ProductCategory.TREATS), HONEY, product(HONEY, "Wildflower Honey"), NEW,
			product(NEW, "Stroopwafels"), SPECULOOS, product(SPECULOOS, "Speculoos", ProductCategory.TREATS));

	private static final PlanSummary FILTER_250 = plan(10, "Filter Coffee 250 g", 1);

	private static final PlanSummary FILTER_500 = plan(11, "Filter Coffee 500 g", 2);

	private static final LocalDate START = LocalDate.of(2026, 1, 1);

	private static final int TODAY = (int) START.plusDays(100).toEpochDay();

	private final List<PastOrder> orders = new ArrayList<>();

	@Test
	void aHabitSaysHowOftenItWasAdded() {
		for (int week = 0; week < 6; week++) {
			order(1, week * 7, week == 2 ? new long[] { GUJI } : new long[] { GUJI, BISCUITS });
		}
		assertThat(reason(1, BISCUITS, Blend.of(0.6, 0.2, 0.2))).isEqualTo("You added Oat Biscuits to 5 of your last 6 boxes.");
	}

	@Test
	void aComplementNamesWhatItWasBoughtWithAndHowOften() {
		order(1, 0, GUJI);
		for (int subscriber = 2; subscriber <= 6; subscriber++) {
			order(subscriber, subscriber, GUJI, FILTERS);
		}
		assertThat(reason(1, FILTERS, Blend.of(0.4, 0.5, 0.1)))
			.isEqualTo("Subscribers who get Ethiopia Guji often add V60 Filter Papers: 5 boxes held both.");
	}

	@Test
	void twoBoxesTogetherAreNotOften() {
		order(1, 0, GUJI);
		order(2, 1, GUJI, FILTERS);
		order(3, 2, GUJI, FILTERS);
		order(4, 3, FILTERS);
		// the complement carries most of the score, but two boxes are too few to say "often"
		assertThat(reason(1, FILTERS, Blend.of(0.2, 0.75, 0.05))).isEqualTo("V60 Filter Papers, for your next box.");
	}

	@Test
	void aSignalCarryingLessThanAQuarterOfTheScoreIsNotNamed() {
		order(1, 0, GUJI);
		for (int subscriber = 2; subscriber <= 6; subscriber++) {
			order(subscriber, subscriber, GUJI, FILTERS);
		}
		// the complement is real, but with a tiny weight it carries under a quarter of the score
		String reason = reason(1, FILTERS, Blend.of(0.0, 0.05, 0.95));
		assertThat(reason).isEqualTo("Popular with Filter Coffee 250 g subscribers.");
	}

	@Test
	void popularityIsTheReasonForANewcomer() {
		for (int subscriber = 2; subscriber <= 6; subscriber++) {
			order(subscriber, subscriber, HONEY);
		}
		assertThat(reason(1, HONEY, Blend.of(0.5, 0.3, 0.2))).isEqualTo("Popular with Filter Coffee 250 g subscribers.");
	}

	@Test
	void aProductNobodyBoughtYetIsNewInTheShop() {
		order(2, 1, HONEY);
		assertThat(reason(1, NEW, Blend.of(0.5, 0.3, 0.2))).isEqualTo("New in the shop: Stroopwafels.");
	}

	@Test
	void thePriorSaysHowManyRecentBoxesHeldTheCategory() {
		for (int week = 0; week < 6; week++) {
			order(1, week * 7, week % 3 == 0 ? new long[] { GUJI } : new long[] { GUJI, BISCUITS });
		}
		order(2, 3, SPECULOOS);
		// Speculoos was bought once, by someone else: its signals come mostly from the subscriber's Oat Biscuits
		assertThat(reason(1, SPECULOOS, Blend.of(0.6, 0.2, 0.2), 0))
			.isEqualTo("4 of your last 6 boxes held treats: try Speculoos.");
	}

	@Test
	void thePriorSaysNothingOfACategoryRarelyHeld() {
		for (int week = 0; week < 6; week++) {
			order(1, week * 7, week < 2 ? new long[] { GUJI, BISCUITS } : new long[] { GUJI });
		}
		order(2, 3, SPECULOOS);
		assertThat(reason(1, SPECULOOS, Blend.of(0.6, 0.2, 0.2), 0)).isEqualTo("Speculoos, for your next box.");
	}

	@Test
	void whatExplorationAndPriorityAddIsNeverAReason() {
		order(1, 0, GUJI);
		order(2, 1, HONEY);
		// popularity is the only signal, but the lift carries over three quarters of the score
		String reason = reason(1, HONEY, Blend.of(0, 0, 1), 2.0);
		assertThat(reason).isEqualTo("Wildflower Honey, for your next box.");
	}

	@Test
	void aProductNobodyBoughtYetIsNewInTheShopWhateverLiftsIt() {
		order(1, 0, BISCUITS);
		assertThat(reason(1, NEW, Blend.of(0.6, 0.2, 0.2), 0.3)).isEqualTo("New in the shop: Stroopwafels.");
	}

	@Test
	void anUpgradeNamesTheFitOrTheMovesThatCarryItsScore() {
		ProductSummary guji = PRODUCTS.get(GUJI);
		assertThat(Reasons.forUpgrade(FILTER_250, FILTER_500, 0.05, 0.1, guji, 0.4))
			.isEqualTo("You often add Ethiopia Guji, and Filter Coffee 500 g includes it.");
		assertThat(Reasons.forUpgrade(FILTER_250, FILTER_500, 0.3, 0.6, guji, 0.05))
			.isEqualTo("60% of Filter Coffee 250 g subscribers moved up to Filter Coffee 500 g.");
		assertThat(Reasons.forUpgrade(FILTER_250, FILTER_500, 0, 0, null, 0))
			.isEqualTo("Filter Coffee 500 g puts more in every box.");
	}

	private String reason(long subscriber, long product, Blend blend) {
		return reason(subscriber, product, blend, 0);
	}

	private String reason(long subscriber, long product, Blend blend, double lift) {
		RecommendationModel model = new RecommendationModel(Map.of(FILTER_250.id(), Set.of()), blend,
				RecommendationModel.facts(PRODUCTS));
		orders.forEach(model::add);
		Integer item = model.item(product);
		Ranker.Context context = model.context(subscriber, FILTER_250.id(), TODAY);
		Signals signals = Signals.of(item == null ? Signals.NO_ITEM : item,
				RecommendationModel.facts(PRODUCTS.get(product)), context);
		Profile profile = context.profile();
		return Reasons.forAddOn(PRODUCTS.get(product), signals, lift, model, profile, FILTER_250, PRODUCTS,
				model.history(subscriber));
	}

	private void order(long subscriber, int day, long... addOns) {
		orders.add(new PastOrder(orders.size() + 1, subscriber, START.plusDays(day), FILTER_250.id(),
				Arrays.stream(addOns).boxed().toList()));
	}

	private static ProductSummary product(long id, String name) {
		return product(id, name, ProductCategory.GEAR);
	}

	private static ProductSummary product(long id, String name, ProductCategory category) {
		return new ProductSummary(id, "SKU-" + id, name, "", category, BigDecimal.ONE, true, true, false);
	}

	private static PlanSummary plan(long id, String name, int tier) {
		return new PlanSummary(id, "PLAN-" + id, name, 1, "Filter", tier, BigDecimal.TEN, Interval.weeks(2), false);
	}

}
