package io.nextbox.subscription;

/** What an action did, as a message key and its values, for the confirmation on the page. */
public record Outcome(String code, Object... arguments) {
}
