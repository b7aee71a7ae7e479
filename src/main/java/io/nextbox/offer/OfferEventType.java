package io.nextbox.offer;

public enum OfferEventType {

	IMPRESSION, ACCEPT, UNDO, DISMISS, SHIPPED

}
