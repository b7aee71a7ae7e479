package io.nextbox.offer;

import java.util.List;

/** A draft the rules refuse; nothing was saved. */
public class InvalidOfferException extends RuntimeException {

	private final transient List<OfferProblem> problems;

	public InvalidOfferException(List<OfferProblem> problems) {
		super(problems.size() + " problems with the offer");
		this.problems = List.copyOf(problems);
	}

	public List<OfferProblem> problems() {
		return problems;
	}

}
