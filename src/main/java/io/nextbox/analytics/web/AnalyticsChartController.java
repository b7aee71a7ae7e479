package io.nextbox.analytics.web;

import java.util.Map;

import io.nextbox.analytics.AnalyticsTrends;
import io.nextbox.analytics.ChartSeries;
import io.nextbox.analytics.DateRange;
import io.nextbox.analytics.InvalidFilterException;
import io.nextbox.analytics.OfferAnalytics;
import io.nextbox.analytics.OfferTimeline;
import io.nextbox.analytics.Placements;
import io.nextbox.analytics.StoreTimeline;
import io.nextbox.offer.Placement;
import io.nextbox.store.StoreSettingsService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data the analytics charts draw ({@code js/charts.js}), as JSON, for the same filters as the pages: the store's
 * offers together, or one offer. Merchants only, like every {@code /admin} path.
 */
@RestController
class AnalyticsChartController {

	private final OfferAnalytics analytics;

	private final AnalyticsTrends trends;

	private final StoreSettingsService settings;

	AnalyticsChartController(OfferAnalytics analytics, AnalyticsTrends trends, StoreSettingsService settings) {
		this.analytics = analytics;
		this.trends = trends;
		this.settings = settings;
	}

	@GetMapping("/admin/analytics/chart.json")
	ChartSeries store(@RequestParam(required = false) String range, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String placement) {
		DateRange dates = DateRange.parse(range, from, to, analytics.today());
		Placement where = Placements.parse(placement);
		StoreTimeline timeline = trends.storeWide(dates, where);
		return ChartSeries.of(timeline.weekly(), settings.current().currency(), timeline.periods());
	}

	@GetMapping("/admin/analytics/offers/{id}/chart.json")
	ChartSeries offer(@PathVariable long id, @RequestParam(required = false) String range,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String placement) {
		DateRange dates = DateRange.parse(range, from, to, analytics.today());
		OfferTimeline timeline = analytics.timeline(id, dates, Placements.parse(placement));
		return ChartSeries.of(timeline.weekly(), settings.current().currency(), timeline.periods());
	}

	/** A filter the page would refuse: 422 with the message key per field. */
	@ExceptionHandler(InvalidFilterException.class)
	ResponseEntity<Map<String, String>> refused(InvalidFilterException invalid) {
		return ResponseEntity.unprocessableContent().body(invalid.problems());
	}

}
