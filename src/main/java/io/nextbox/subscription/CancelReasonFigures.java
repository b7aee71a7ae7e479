package io.nextbox.subscription;

/**
 * The cancel flow for one reason over a range: visits that chose it, save offers shown to them, visits that took one
 * (saved), and cancellations that went through.
 */
public record CancelReasonFigures(CancelReason reason, long attempts, long offersShown, long saved, long cancelled) {

	/** Visits saved per visit; 0 without visits. */
	public double saveRate() {
		return attempts == 0 ? 0 : (double) saved / attempts;
	}

	CancelReasonFigures plus(CancelReasonFigures other) {
		return new CancelReasonFigures(null, attempts + other.attempts, offersShown + other.offersShown,
				saved + other.saved, cancelled + other.cancelled);
	}

}
