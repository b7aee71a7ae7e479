package io.nextbox.account;

import java.time.Duration;

import io.nextbox.account.LoginThrottle.Attempt;
import io.nextbox.account.LoginThrottle.Kind;
import io.nextbox.account.LoginThrottle.Limit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Limits requests for sign-in links, per client address and per email address, in the same table and by the same
 * slots as failed logins ({@link LoginThrottle}), so the limits hold across instances. Every request counts, for an
 * address with an account or without one alike, so the answer reveals nothing.
 */
@Service
@EnableConfigurationProperties(LinkRequestLimitProperties.class)
public class LinkRequestLimits {

	static final Duration WINDOW = Duration.ofHours(1);

	private final LoginThrottle throttle;

	private final LinkRequestLimitProperties limits;

	LinkRequestLimits(LoginThrottle throttle, LinkRequestLimitProperties limits) {
		this.throttle = throttle;
		this.limits = limits;
	}

	/** The same limits with other numbers (tests reach a limit they control with it). */
	LinkRequestLimits with(LinkRequestLimitProperties other) {
		return new LinkRequestLimits(throttle, other);
	}

	/**
	 * Counts one request for a link to {@code email} from {@code clientAddress}, or refuses it (then it counts
	 * against neither) with the wait until one of the hour's requests leaves the window.
	 */
	public Attempt request(String email, String clientAddress) {
		return throttle.takeBoth(
				new Limit(Kind.LINK_ADDRESS, LoginThrottle.addressKey(clientAddress),
						limits.linkRequestsPerHourPerAddress(), WINDOW),
				new Limit(Kind.LINK_EMAIL, LoginThrottle.accountKey(email), limits.linkRequestsPerHourPerEmail(),
						WINDOW));
	}

}
