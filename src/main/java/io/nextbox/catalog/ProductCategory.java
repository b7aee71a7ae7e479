package io.nextbox.catalog;

public enum ProductCategory {

	COFFEE, TEA, GEAR, TREATS

}
