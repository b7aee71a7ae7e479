package io.nextbox.account;

import java.util.List;
import java.util.Map;

/** Subscribers by normalised email, and the emails among them that were created just now. */
public record Customers(Map<String, Long> ids, List<String> created) {
}
