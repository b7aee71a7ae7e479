package io.nextbox.catalog;

/** Another product already has this SKU. */
public class DuplicateSkuException extends RuntimeException {

	public DuplicateSkuException(String sku) {
		super("The SKU " + sku + " is taken");
	}

}
