package io.nextbox.subscription;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A product of a subscription's plan ({@code fromProductId}) that its boxes ship another product in place of
 * ({@code toProductId}), from the box of {@code appliesFrom} on (null: the first box after a pause). At most one per
 * product of the plan; swapping back to the plan's own product deletes it.
 */
@Entity
@Table(name = "subscription_swap")
class SubscriptionSwap {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "subscription_id")
	private Long subscriptionId;

	@Column(name = "from_product_id")
	private Long fromProductId;

	@Column(name = "to_product_id")
	private Long toProductId;

	@Column(name = "applies_from")
	private LocalDate appliesFrom;

	@Column(name = "swapped_at")
	private Instant swappedAt;

	private String actor;

	protected SubscriptionSwap() {
	}

	SubscriptionSwap(long subscriptionId, long fromProductId, long toProductId, LocalDate appliesFrom,
			Instant swappedAt, String actor) {
		this.subscriptionId = subscriptionId;
		this.fromProductId = fromProductId;
		this.swappedAt = swappedAt;
		this.actor = actor;
		swapTo(toProductId, appliesFrom, swappedAt, actor);
	}

	Long getSubscriptionId() {
		return subscriptionId;
	}

	long getFromProductId() {
		return fromProductId;
	}

	long getToProductId() {
		return toProductId;
	}

	LocalDate getAppliesFrom() {
		return appliesFrom;
	}

	void swapTo(long productId, LocalDate from, Instant at, String by) {
		this.toProductId = productId;
		this.appliesFrom = from;
		this.swappedAt = at;
		this.actor = by;
	}

}
