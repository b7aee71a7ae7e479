package io.nextbox.analytics;

import java.util.List;

import io.nextbox.subscription.CancelReasonFigures;

/** The cancel flow over a range: per reason chosen, and all reasons together. */
public record CancelFlowReport(DateRange range, List<CancelReasonFigures> reasons, CancelReasonFigures total) {

	public boolean empty() {
		return total.attempts() == 0;
	}

}
