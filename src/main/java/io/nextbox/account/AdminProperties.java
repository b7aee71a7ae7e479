package io.nextbox.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nextbox.admin.email} and {@code nextbox.admin.password} (env {@code NEXTBOX_ADMIN_EMAIL},
 * {@code NEXTBOX_ADMIN_PASSWORD}): the first merchant, created on a start where the store has none.
 */
@ConfigurationProperties("nextbox.admin")
record AdminProperties(String email, String password) {

	boolean given() {
		return hasText(email) || hasText(password);
	}

	static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
