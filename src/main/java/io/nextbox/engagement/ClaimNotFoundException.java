package io.nextbox.engagement;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such key for this subscriber: another subscriber's key answers exactly like a made-up one. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ClaimNotFoundException extends RuntimeException {

	public ClaimNotFoundException() {
		super("No such offer card for this subscriber");
	}

}
