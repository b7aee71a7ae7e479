package io.nextbox.catalog;

public enum IntervalUnit {

	DAY, WEEK, MONTH

}
