package io.nextbox.ordering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A past order as the subscriber reads it. */
public record OrderView(long id, String orderNumber, Instant orderedAt, BigDecimal total, List<Line> lines,
		OrderProgress progress) {

	/** {@code replaces}: the name of the plan's product this one was shipped in place of (a swap), else null. */
	public record Line(boolean plan, String name, int quantity, BigDecimal unitPrice, BigDecimal amount,
			String replaces) {

		public Line(boolean plan, String name, int quantity, BigDecimal unitPrice, BigDecimal amount) {
			this(plan, name, quantity, unitPrice, amount, null);
		}

	}

}
