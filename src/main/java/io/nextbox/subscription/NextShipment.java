package io.nextbox.subscription;

import java.math.BigDecimal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import io.nextbox.catalog.PlanContent;

/**
 * The next box of a subscription: its lines, total, ship date and cutoff, and what one box of its plan holds
 * ({@code planContents}, per box: times the subscription's quantity for a delivery, with the subscriber's swaps in
 * place of the plan's products) and the swaps' differences in price ({@code swaps}, in the total).
 */
public record NextShipment(long id, long subscriptionId, LocalDate shipDate, LocalDateTime locksAt, boolean locked,
		LocalDate reopensOn, List<Line> lines, BigDecimal total, List<PlanContent> planContents, List<Swap> swaps) {

	public NextShipment(long id, long subscriptionId, LocalDate shipDate, LocalDateTime locksAt, boolean locked,
			LocalDate reopensOn, List<Line> lines, BigDecimal total, List<PlanContent> planContents) {
		this(id, subscriptionId, shipDate, locksAt, locked, reopensOn, lines, total, planContents, List.of());
	}

	/** A product of the plan swapped for another: {@code amount} is what the delivery costs more (or less). */
	public record Swap(String name, String replaces, int quantity, BigDecimal amount) {
	}

	public NextShipment(long id, long subscriptionId, LocalDate shipDate, LocalDateTime locksAt, boolean locked,
			LocalDate reopensOn, List<Line> lines, BigDecimal total) {
		this(id, subscriptionId, shipDate, locksAt, locked, reopensOn, lines, total, List.of());
	}

	/** A line of the box: the plan's ({@code plan}, no {@code lineId}) or an add-on's. */
	public record Line(boolean plan, Long productId, String name, int quantity, BigDecimal unitPrice,
			BigDecimal amount, Long lineId) {

		public Line(boolean plan, Long productId, String name, int quantity, BigDecimal unitPrice,
				BigDecimal amount) {
			this(plan, productId, name, quantity, unitPrice, amount, null);
		}

	}

	public List<Line> addOns() {
		return lines.stream().filter(line -> !line.plan()).toList();
	}

}
