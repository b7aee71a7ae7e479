package io.nextbox.offer;

public enum DiscountType {

	NONE, PERCENT, FIXED

}
