package io.nextbox.offer;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class OfferNotFoundException extends RuntimeException {

	public OfferNotFoundException(long id) {
		super("No offer " + id);
	}

}
