package io.nextbox.recommendation;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The randomness exploration draws from: one bean, so a test or a simulation can hand in a seeded one. */
@Configuration(proxyBeanMethods = false)
class RecommendationConfiguration {

	@Bean
	RandomGenerator explorationRandom() {
		// each call draws from the calling thread's own generator: widgets rank on many threads at once
		return () -> ThreadLocalRandom.current().nextLong();
	}

}
