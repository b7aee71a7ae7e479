package io.nextbox.subscription;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such subscription for this subscriber: someone else's id answers exactly like an unknown one. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class SubscriptionNotFoundException extends RuntimeException {

	public SubscriptionNotFoundException(long id) {
		super("No subscription " + id + " for this subscriber");
	}

}
