package io.nextbox.demo;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nextbox.demo.*}: whether to seed the demo store on first start, how many subscribers it has, the seed
 * its history grows from and, for reproducible benchmarks, the day it treats as today (default: the clock's).
 */
@ConfigurationProperties("nextbox.demo")
public record DemoProperties(boolean enabled, int subscribers, long seed, LocalDate today) {

	public DemoProperties {
		if (subscribers < 1) {
			subscribers = 2000;
		}
		if (seed == 0) {
			seed = 20261125L;
		}
	}

}
