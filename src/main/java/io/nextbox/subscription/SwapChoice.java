package io.nextbox.subscription;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a subscriber can swap one product of the plan for: the products of its category that are sold and in stock
 * (the plan's own product among them, to swap back), each with what a delivery costs more or less than now.
 * {@code appliesFrom}: the first box the swap changes (null while paused: the first box after the pause).
 */
public record SwapChoice(SubscriptionSummary subscription, BoxItem item, List<Option> options,
		LocalDate appliesFrom) {

	/** The option of this product, if it is one. */
	public java.util.Optional<Option> option(Long productId) {
		return options.stream().filter(option -> productId != null && option.productId() == productId).findFirst();
	}

	/**
	 * A product to swap in: {@code difference} is what a delivery (the subscription's quantity of boxes) costs more
	 * (positive) or less than now; {@code planProduct}: the plan's own product, a swap back.
	 */
	public record Option(long productId, String name, String imageUrl, BigDecimal price, BigDecimal difference,
			boolean planProduct) {

		public boolean more() {
			return difference.signum() > 0;
		}

		public boolean less() {
			return difference.signum() < 0;
		}

	}

}
