package io.nextbox.account;

public record SubscriberSummary(long id, String email, String name) {
}
