package io.nextbox.demo;

import java.util.List;

/**
 * What kind of drinker a demo subscriber is. Each persona buys a brewer once, keeps buying what it consumes,
 * and leans to some treats: the structure the recommender is meant to find.
 */
enum Persona {

	POUR_OVER(DemoCatalog.FILTER, 25, "GEAR-V60", "GEAR-V60-FILTERS", 0.40,
			List.of("TRT-OAT-BISCUITS", "TRT-DARK-CHOCOLATE", "TRT-SHORTBREAD"),
			List.of("COF-KEN-NYERI", "COF-RWA-HUYE", "COF-COL-HUILA", "COF-GUA-ANTIGUA")),
	AEROPRESS(DemoCatalog.FILTER, 15, "GEAR-AEROPRESS", "GEAR-AEROPRESS-FILTERS", 0.25,
			List.of("TRT-STROOPWAFELS", "TRT-DARK-CHOCOLATE", "TRT-OAT-BISCUITS"),
			List.of("COF-COL-HUILA", "COF-BRA-CERRADO", "COF-PER-CAJAMARCA", "COF-SUM-MANDHELING")),
	CHEMEX(DemoCatalog.FILTER, 8, "GEAR-CHEMEX", "GEAR-CHEMEX-FILTERS", 0.30,
			List.of("TRT-SHORTBREAD", "TRT-OAT-BISCUITS"), List.of("COF-RWA-HUYE", "COF-ETH-GUJI", "COF-DECAF-SWISS")),
	ESPRESSO(DemoCatalog.ESPRESSO, 22, "GEAR-GRINDER", "GEAR-DESCALER", 0.12,
			List.of("TRT-BISCOTTI", "TRT-VANILLA-SYRUP", "TRT-DARK-CHOCOLATE"),
			List.of("COF-DARK-ESPRESSO", "COF-BRA-CERRADO", "COF-COLD-BREW")),
	TEA(DemoCatalog.TEA, 22, "GEAR-INFUSER", "TRT-HONEY-WILDFLOWER", 0.35,
			List.of("TRT-SHORTBREAD", "TRT-OAT-BISCUITS", "TRT-HONEY-MANUKA"),
			List.of("TEA-CHAMOMILE", "TEA-OOLONG", "TEA-SENCHA")),
	MATCHA(DemoCatalog.TEA, 8, "GEAR-MATCHA-WHISK", "TEA-MATCHA", 0.30, List.of("TRT-HONEY-WILDFLOWER", "TRT-SHORTBREAD"),
			List.of("TEA-SENCHA", "TEA-JASMINE"));

	final DemoCatalog.Family family;

	final int weight;

	/** Bought once, early. */
	final String brewer;

	/** Bought again and again once the brewer is at home. */
	final String consumable;

	final double consumableRate;

	final List<String> treats;

	/** What an "extra bag" buyer of this persona adds. */
	final List<String> extras;

	Persona(DemoCatalog.Family family, int weight, String brewer, String consumable, double consumableRate,
			List<String> treats, List<String> extras) {
		this.family = family;
		this.weight = weight;
		this.brewer = brewer;
		this.consumable = consumable;
		this.consumableRate = consumableRate;
		this.treats = treats;
		this.extras = extras;
	}

}
