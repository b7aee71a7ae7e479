package io.nextbox.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nextbox.login.link-requests-per-hour-per-*}: how many sign-in links a client address, and an email address,
 * may request within an hour; beyond that a request is answered 429 and sends nothing.
 */
@ConfigurationProperties("nextbox.login")
public record LinkRequestLimitProperties(@DefaultValue("5") int linkRequestsPerHourPerAddress,
		@DefaultValue("5") int linkRequestsPerHourPerEmail) {

	public LinkRequestLimitProperties {
		if (linkRequestsPerHourPerAddress < 1 || linkRequestsPerHourPerEmail < 1) {
			throw new IllegalArgumentException("nextbox.login.link-requests-per-hour-per-* must be at least 1");
		}
	}

}
