package io.nextbox.platform;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * Where HTTP sessions live, {@code nextbox.sessions}: {@code memory} (the default, one instance) or {@code jdbc}
 * (the database, for several instances). Anything else fails the start rather than silently picking one.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreChoice {

	static final List<String> STORES = List.of("memory", "jdbc");

	SessionStoreChoice(@Value("${nextbox.sessions:memory}") String store) {
		if (!STORES.contains(store)) {
			throw new IllegalStateException("nextbox.sessions must be one of " + STORES + ", not '" + store + "'");
		}
	}

}
