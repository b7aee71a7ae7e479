package io.nextbox.support;

/** The demo store's logins, as printed at start. */
public final class DemoLogins {

	public static final String MERCHANT = "merchant@nextbox.test";

	public static final String MERCHANT_PASSWORD = "nextbox-merchant";

	public static final String SUBSCRIBER_PASSWORD = "nextbox-subscriber";

	private DemoLogins() {
	}

	public static String subscriber(int number) {
		return "subscriber" + number + "@nextbox.test";
	}

}
