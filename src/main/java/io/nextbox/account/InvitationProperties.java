package io.nextbox.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nextbox.invitations.*}: how many invitations a batch sends a minute (shared by every instance), and how many
 * times a failed send is tried before the subscriber counts as failed.
 */
@ConfigurationProperties("nextbox.invitations")
public record InvitationProperties(@DefaultValue("120") int perMinute, @DefaultValue("3") int maxAttempts) {

	public InvitationProperties {
		if (perMinute < 1 || perMinute > 60_000) {
			throw new IllegalArgumentException("nextbox.invitations.per-minute must be from 1 to 60000");
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("nextbox.invitations.max-attempts must be at least 1");
		}
	}

}
