package io.nextbox.subscription;

public enum SubscriptionStatus {

	ACTIVE, PAUSED, CANCELLED

}
