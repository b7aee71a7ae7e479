package io.nextbox.recommendation;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Says on {@code /actuator/health/readiness} whether the recommender's model is built yet. The application is ready
 * before it: every page answers while the model builds in the background, and the offer widgets show no cards until
 * it is built (seconds for the demo store, a minute or two for a million orders). The status stays UP either way,
 * so a load balancer sends traffic as soon as the pages can answer; the {@code model} detail says which it is.
 */
@Component("recommendations")
class RecommenderHealth implements HealthIndicator {

	private final RecommendationService recommendations;

	RecommenderHealth(RecommendationService recommendations) {
		this.recommendations = recommendations;
	}

	@Override
	public Health health() {
		return Health.up()
			.withDetail("model", recommendations.isReady() ? "built" : "building: offer widgets show no cards yet")
			.build();
	}

}
