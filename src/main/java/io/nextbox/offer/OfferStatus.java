package io.nextbox.offer;

public enum OfferStatus {

	DRAFT, ACTIVE, PAUSED, ENDED

}
