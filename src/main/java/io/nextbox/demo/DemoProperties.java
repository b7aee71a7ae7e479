package io.nextbox.demo;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nextbox.demo.*}: whether to seed the demo store on first start, how many subscribers it has, the seed
 * its history grows from, for reproducible benchmarks the day it treats as today (default: the clock's), and whether
 * its last 90 days include offers shown, taken, undone and shipped ({@code offer-history}, default true; the tests
 * turn it off, as they count each subscriber's offer events).
 */
@ConfigurationProperties("nextbox.demo")
public record DemoProperties(boolean enabled, int subscribers, long seed, LocalDate today, Boolean offerHistory) {

	public DemoProperties {
		if (subscribers < 1) {
			subscribers = 2000;
		}
		if (seed == 0) {
			seed = 20261125L;
		}
		if (offerHistory == null) {
			offerHistory = true;
		}
	}

}
