package io.nextbox.engagement;

import java.util.List;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nextbox.offer.Placement;

/**
 * The widget's latency as a Micrometer timer {@code nextbox.widget} with a percentile histogram (Prometheus:
 * {@code nextbox_widget_seconds_bucket}), tagged by placement and outcome: {@code cards} when it showed some,
 * {@code empty} when none (no pick, holdout, a recommender that failed or was slow), {@code error} when it threw.
 */
final class WidgetTimer {

	private final MeterRegistry meters;

	WidgetTimer(MeterRegistry meters) {
		this.meters = meters;
	}

	<T> List<T> time(Placement placement, Supplier<List<T>> widget) {
		Timer.Sample sample = Timer.start(meters);
		String outcome = "error";
		try {
			List<T> cards = widget.get();
			outcome = cards.isEmpty() ? "empty" : "cards";
			return cards;
		}
		finally {
			sample.stop(Timer.builder("nextbox.widget")
				.description("Time to answer a widget request: pick the offers and record their impressions")
				.tag("placement", placement.name())
				.tag("outcome", outcome)
				.publishPercentileHistogram()
				.register(meters));
		}
	}

}
