package io.nextbox.analytics;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import io.nextbox.subscription.CancelAttempts;
import io.nextbox.subscription.CancelReasonFigures;
import org.springframework.stereotype.Service;

/** Reads the cancel flow's record from the subscription module for a date range in the store's time zone. */
@Service
public class CancelFlowFigures {

	private final CancelAttempts attempts;

	private final Clock clock;

	CancelFlowFigures(CancelAttempts attempts, Clock clock) {
		this.attempts = attempts;
		this.clock = clock;
	}

	public CancelFlowReport report(DateRange range) {
		ZoneId zone = clock.getZone();
		List<CancelReasonFigures> reasons = attempts.perReason(range.start(zone), range.end(zone));
		return new CancelFlowReport(range, reasons, CancelAttempts.total(reasons));
	}

}
