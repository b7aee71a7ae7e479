package io.nextbox.account;

import java.time.Instant;

/** A subscriber to register with a login. */
public record NewSubscriber(String email, String firstName, String lastName, Instant createdAt) {
}
