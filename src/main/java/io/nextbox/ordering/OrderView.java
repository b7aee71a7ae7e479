package io.nextbox.ordering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A past order as the subscriber reads it. */
public record OrderView(long id, String orderNumber, Instant orderedAt, BigDecimal total, List<Line> lines,
		OrderProgress progress) {

	public record Line(boolean plan, String name, int quantity, BigDecimal unitPrice, BigDecimal amount) {
	}

}
