package io.nextbox.analytics;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/** A column of the analytics table to sort by: names from A, figures from the highest. */
public enum AnalyticsSort {

	NAME(null), IMPRESSIONS(Figures::impressions), REACHED(Figures::reached), ACCEPTS(Figures::accepts),
	UNDONE(Figures::undone), DISMISSED(Figures::dismissed), SHIPPED(Figures::shipped),
	TAKE_RATE(Figures::takeRate), NET_TAKE_RATE(Figures::netTakeRate), ADD_ON_REVENUE(Figures::addOnRevenue),
	UPGRADES(Figures::upgrades), UPGRADE_REVENUE(Figures::upgradeRevenue);

	private final Function<Figures, Comparable<?>> figure;

	AnalyticsSort(Function<Figures, Comparable<?>> figure) {
		this.figure = figure;
	}

	/** The sort named in a link ({@code take-rate}); impressions for none or an unknown name. */
	public static AnalyticsSort parse(String name) {
		if (name == null) {
			return IMPRESSIONS;
		}
		try {
			return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			return IMPRESSIONS;
		}
	}

	public String param() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	Comparator<OfferFigures> comparator() {
		Comparator<OfferFigures> byName = Comparator.comparing(OfferFigures::name, String.CASE_INSENSITIVE_ORDER)
			.thenComparingLong(OfferFigures::offerId);
		if (figure == null) {
			return byName;
		}
		Comparator<OfferFigures> byFigure = Comparator
			.comparing(offer -> (Comparable) figure.apply(offer.figures()));
		return byFigure.reversed().thenComparing(byName);
	}

}
