package io.nextbox.subscription;

public enum CancelReason {

	TOO_MUCH_PRODUCT, TOO_EXPENSIVE, TASTE, MOVING, OTHER

}
