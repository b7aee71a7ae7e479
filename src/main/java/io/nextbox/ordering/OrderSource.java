package io.nextbox.ordering;

public enum OrderSource {

	/** A shipment the processor turned into an order. */
	SHIPMENT,
	/** A past order imported from a CSV file. */
	IMPORT,
	/** Generated history of the demo store. */
	DEMO

}
