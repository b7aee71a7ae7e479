package io.nextbox.reminder;

import org.springframework.context.ApplicationContext;

/** A signed reminder link for tests outside this package (the browser tests open its confirmation page). */
public final class ReminderLinksForTests {

	private ReminderLinksForTests() {
	}

	public static String unsubscribe(ApplicationContext context, long subscriberId) {
		return "/email/unsubscribe?t=" + context.getBean(ReminderTokens.class).sign(ActionToken.unsubscribe(subscriberId));
	}

}
