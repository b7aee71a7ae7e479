package io.nextbox.offer;

import java.util.List;

/** What is wrong with a draft: the field, a message key and its values. */
public record OfferProblem(String field, String code, List<Object> arguments) {

	static OfferProblem of(String field, String code, Object... arguments) {
		return new OfferProblem(field, code, List.of(arguments));
	}

}
