package io.nextbox.subscription;

import java.math.BigDecimal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** The next box of a subscription: its lines, total, ship date and cutoff. */
public record NextShipment(long id, long subscriptionId, LocalDate shipDate, LocalDateTime locksAt, boolean locked,
		LocalDate reopensOn, List<Line> lines, BigDecimal total) {

	public record Line(boolean plan, Long productId, String name, int quantity, BigDecimal unitPrice,
			BigDecimal amount) {
	}

	public List<Line> addOns() {
		return lines.stream().filter(line -> !line.plan()).toList();
	}

}
