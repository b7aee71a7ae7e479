package io.nextbox.offer;

public enum OfferKind {

	ADD_ON, UPGRADE

}
