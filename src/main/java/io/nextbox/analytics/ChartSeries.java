package io.nextbox.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What a chart draws, as JSON: one label per day or week (its first day), and per period the impressions, the
 * accepts and the net revenue (add-ons shipped, so net of undos and cancelled boxes), in the store's currency.
 */
public record ChartSeries(boolean weekly, String currency, List<LocalDate> starts, List<String> labels,
		List<Long> impressions, List<Long> accepts, List<BigDecimal> netRevenue) {

	private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	public static ChartSeries of(boolean weekly, String currency, List<OfferTimeline.Period> periods) {
		return new ChartSeries(weekly, currency, periods.stream().map(OfferTimeline.Period::start).toList(),
				periods.stream().map(period -> LABEL.format(period.start())).toList(),
				periods.stream().map(period -> period.figures().impressions()).toList(),
				periods.stream().map(period -> period.figures().accepts()).toList(),
				periods.stream().map(period -> period.figures().addOnRevenue()).toList());
	}

}
