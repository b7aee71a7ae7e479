package io.nextbox.subscription;

import java.util.Objects;

/**
 * Who asks for a change to a subscription: the subscriber themselves, or the store, a staff member acting for the
 * subscriber. {@code email} names the person either way. The store is not bound by the portal's self-service
 * switches (it is the store), but by every hard rule: the cutoff, the quantity limits, valid dates.
 */
public record Actor(String email, boolean store) {

	public Actor {
		Objects.requireNonNull(email, "email");
	}

	public static Actor subscriber(String email) {
		return new Actor(email, false);
	}

	public static Actor store(String staffEmail) {
		return new Actor(staffEmail, true);
	}

}
