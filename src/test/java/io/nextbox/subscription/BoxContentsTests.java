package io.nextbox.subscription;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.nextbox.catalog.PlanContent;
import io.nextbox.catalog.ProductCategory;
import io.nextbox.catalog.ProductSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a box can be swapped for, and what a swap does to its price. */
class BoxContentsTests {

	private static final ProductSummary GUJI = coffee(1, "Guji", "15.50", true, false);

	private static final ProductSummary KENYA = coffee(2, "Kenya", "16.50", true, false);

	private static final ProductSummary BRAZIL = coffee(3, "Brazil", "12.50", true, false);

	private static final ProductSummary SOLD_OUT = coffee(4, "Sold out", "14.00", false, false);

	private static final ProductSummary RETIRED = coffee(5, "Retired", "14.00", true, true);

	private static final ProductSummary ASSAM = new ProductSummary(6, "TEA-ASSAM", "Assam", null,
			ProductCategory.TEA, new BigDecimal("9.00"), true, true, false);

	private static final Map<Long, ProductSummary> CATALOGUE = Stream.of(GUJI, KENYA, BRAZIL, SOLD_OUT, RETIRED, ASSAM)
		.collect(Collectors.toMap(ProductSummary::id, Function.identity()));

	@Test
	void aCoffeeCanBecomeAnotherCoffeeSoldAndInStockCheapestFirst() {
		BoxContents box = new BoxContents(List.of(new PlanContent(1, "Guji", 1)), Map.of(), CATALOGUE);
		assertThat(box.alternatives(box.slots().get(0))).containsExactly(BRAZIL, KENYA);
	}

	@Test
	void aSwappedCoffeeCanGoBackFirstAndNeverTurnsIntoOneTheBoxHoldsAlready() {
		BoxContents box = new BoxContents(List.of(new PlanContent(1, "Guji", 1), new PlanContent(3, "Brazil", 1)),
				Map.of(1L, 2L), CATALOGUE);
		BoxContents.Slot guji = box.slot(1L).orElseThrow();
		assertThat(guji.held()).isEqualTo(KENYA);
		assertThat(box.alternatives(guji)).containsExactly(GUJI);
		assertThat(box.alternatives(box.slot(3L).orElseThrow())).as("Guji is out of the box").containsExactly(GUJI);
	}

	@Test
	void theDifferenceIsPerDeliveryFromWhatTheBoxHoldsNow() {
		BoxContents box = new BoxContents(List.of(new PlanContent(1, "Guji", 2)), Map.of(1L, 2L), CATALOGUE);
		BoxContents.Slot slot = box.slots().get(0);
		assertThat(box.swapDifferencePerBox()).isEqualByComparingTo("2.00");
		assertThat(BoxContents.difference(slot, BRAZIL, 3)).isEqualByComparingTo("-24.00");
		assertThat(BoxContents.difference(slot, GUJI, 1)).isEqualByComparingTo("-2.00");
	}

	private static ProductSummary coffee(long id, String name, String price, boolean inStock, boolean retired) {
		return new ProductSummary(id, "COF-" + id, name, null, ProductCategory.COFFEE, new BigDecimal(price), inStock,
				true, retired);
	}

}
