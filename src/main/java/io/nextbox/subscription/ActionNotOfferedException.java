package io.nextbox.subscription;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The merchant has switched this self-service action off; the page does not show it either. */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class ActionNotOfferedException extends RuntimeException {

	public ActionNotOfferedException(String action) {
		super("The portal does not offer " + action);
	}

}
