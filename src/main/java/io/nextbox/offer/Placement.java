package io.nextbox.offer;

public enum Placement {

	DASHBOARD, NEXT_SHIPMENT, POST_PURCHASE, CANCEL_FLOW

}
