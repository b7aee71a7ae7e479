package io.nextbox.subscription;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The subscription is no longer in the state the request names (another change came first, or the request names
 * none), and the request is not a repeat of the change that came first. Nothing was changed.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class SubscriptionChangedException extends RuntimeException {

	public SubscriptionChangedException(long subscriptionId) {
		super("Subscription " + subscriptionId + " is no longer in the state the request acts on");
	}

}
