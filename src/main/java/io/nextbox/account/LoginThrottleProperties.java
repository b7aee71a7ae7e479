package io.nextbox.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nextbox.login.*}: how many failed password logins an account, and a client address, may have within their
 * windows before further attempts are refused until the oldest failure leaves the window.
 */
@ConfigurationProperties("nextbox.login")
public record LoginThrottleProperties(@DefaultValue("10") int maxFailuresPerAccount,
		@DefaultValue("15m") Duration accountWindow, @DefaultValue("100") int maxFailuresPerAddress,
		@DefaultValue("1h") Duration addressWindow) {

	public LoginThrottleProperties {
		if (maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1) {
			throw new IllegalArgumentException("nextbox.login.max-failures-per-* must be at least 1");
		}
		if (accountWindow.isNegative() || accountWindow.isZero() || addressWindow.isNegative()
				|| addressWindow.isZero()) {
			throw new IllegalArgumentException("nextbox.login.*-window must be positive");
		}
	}

}
