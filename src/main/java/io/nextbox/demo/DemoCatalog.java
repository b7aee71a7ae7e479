package io.nextbox.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.nextbox.catalog.Interval;
import io.nextbox.catalog.ProductCategory;

/** What the demo store sells: beans, teas, brewing gear and treats, and eight plans in three families. */
final class DemoCatalog {

	static final String STORE_NAME = "Kettle & Crema";

	record Item(String sku, String name, ProductCategory category, String price, boolean inStock, String description) {

		BigDecimal unitPrice() {
			return new BigDecimal(price);
		}

		/** Honey, chocolate and syrup are treats but no biscuits: they have pictures of their own (V41 too). */
		String imageUrl() {
			String picture = sku.startsWith("TRT-HONEY") ? "honey" : sku.contains("CHOCOLATE") ? "chocolate"
					: sku.contains("SYRUP") ? "syrup" : category.name().toLowerCase(Locale.ROOT);
			return "/img/products/" + picture + ".svg";
		}

	}

	record PlanSpec(String sku, String name, int tier, String price, Interval interval, Map<String, Integer> items,
			String description) {

		BigDecimal unitPrice() {
			return new BigDecimal(price);
		}

	}

	record Family(String key, String name, String description, List<PlanSpec> plans) {
	}

	static final List<Item> PRODUCTS = List.of(
			coffee("COF-ETH-GUJI", "Ethiopia Guji", "15.50", "Peach, bergamot and black tea; washed, light roast."),
			coffee("COF-KEN-NYERI", "Kenya Nyeri AA", "16.50", "Blackcurrant and grapefruit with a syrupy body."),
			coffee("COF-COL-HUILA", "Colombia Huila", "14.00", "Red apple, panela and milk chocolate."),
			coffee("COF-BRA-CERRADO", "Brazil Cerrado", "12.50", "Hazelnut and cocoa; a forgiving everyday coffee."),
			coffee("COF-GUA-ANTIGUA", "Guatemala Antigua", "14.50", "Toffee, orange and a touch of spice."),
			coffee("COF-RWA-HUYE", "Rwanda Huye", "16.00", "Red berries and hibiscus, bright and juicy."),
			coffee("COF-SUM-MANDHELING", "Sumatra Mandheling", "15.00", "Earthy, cedar and dark chocolate."),
			coffee("COF-PER-CAJAMARCA", "Peru Cajamarca", "13.50", "Caramel, almond and soft citrus."),
			coffee("COF-DECAF-SWISS", "Swiss Water Decaf", "14.00", "All the chocolate, none of the caffeine."),
			coffee("COF-COLD-BREW", "Cold Brew Blend", "13.00", "Coarse ground for a smooth overnight brew."),
			coffee("COF-HOUSE-ESPRESSO", "House Espresso Blend", "13.50", "Chocolate and cherry; sweet as a flat white."),
			coffee("COF-DARK-ESPRESSO", "Dark Roast Espresso", "13.00", "Bittersweet and bold, Italian style."),
			tea("TEA-ASSAM", "Assam Breakfast", "9.00", "Malty black tea that takes milk well."),
			tea("TEA-EARL-GREY", "Earl Grey Lavender", "10.00", "Bergamot and lavender on Ceylon black tea."),
			tea("TEA-ROOIBOS", "Rooibos Vanilla", "9.50", "Caffeine-free, honeyed and mellow."),
			tea("TEA-SENCHA", "Japanese Sencha", "12.00", "Grassy, sweet and bright green tea."),
			tea("TEA-JASMINE", "Jasmine Pearls", "14.00", "Hand-rolled green tea scented with jasmine."),
			tea("TEA-CHAMOMILE", "Chamomile Blossom", "8.50", "Whole flowers for a calm evening cup."),
			tea("TEA-OOLONG", "Tieguanyin Oolong", "15.00", "Orchid-like and creamy; brews many times."),
			tea("TEA-MATCHA", "Ceremonial Matcha", "22.00", "Stone-ground Uji matcha, 30 g."),
			gear("GEAR-V60", "Hario V60 Dripper", "24.00", true, "The ceramic pour-over cone, size 02."),
			gear("GEAR-V60-FILTERS", "V60 Filter Papers", "7.00", true, "100 paper filters for the V60 02."),
			gear("GEAR-AEROPRESS", "AeroPress Go", "39.00", true, "The travel AeroPress with its own mug."),
			gear("GEAR-AEROPRESS-FILTERS", "AeroPress Filters", "6.00", true, "350 micro-filters."),
			gear("GEAR-CHEMEX", "Chemex Six Cup", "48.00", false, "The glass classic with a wooden collar."),
			gear("GEAR-CHEMEX-FILTERS", "Chemex Bonded Filters", "12.00", true, "100 pre-folded square filters."),
			gear("GEAR-GRINDER", "Hand Grinder", "65.00", true, "Steel burrs, 40 settings, fits in a bag."),
			gear("GEAR-SCALE", "Brewing Scale", "29.00", true, "0.1 g scale with a built-in timer."),
			gear("GEAR-KETTLE", "Gooseneck Kettle", "45.00", true, "Pours slow and steady for pour-over."),
			gear("GEAR-INFUSER", "Tea Infuser Basket", "11.00", true, "Fine steel mesh, fits any mug."),
			gear("GEAR-MATCHA-WHISK", "Bamboo Matcha Whisk", "16.00", true, "100-prong chasen for a smooth froth."),
			gear("GEAR-DESCALER", "Espresso Machine Descaler", "9.00", true, "Two doses; keeps the boiler clean."),
			treat("TRT-OAT-BISCUITS", "Oat Biscuits", "5.50", "Crunchy oat and golden syrup biscuits."),
			treat("TRT-BISCOTTI", "Almond Biscotti", "6.50", "Twice-baked, made for dunking."),
			treat("TRT-DARK-CHOCOLATE", "Dark Chocolate 70%", "5.00", "Single-origin bar from Ecuador."),
			treat("TRT-HONEY-WILDFLOWER", "Wildflower Honey", "9.00", "Raw honey from local meadows."),
			treat("TRT-HONEY-MANUKA", "Manuka Honey", "24.00", "MGO 250+ from New Zealand."),
			treat("TRT-STROOPWAFELS", "Stroopwafels", "4.50", "Caramel waffles to warm on your cup."),
			treat("TRT-SHORTBREAD", "Butter Shortbread", "6.00", "Scottish all-butter fingers."),
			treat("TRT-VANILLA-SYRUP", "Vanilla Syrup", "8.00", "For lattes; made with real vanilla."));

	static final Family FILTER = new Family("filter", "Filter Coffee",
			"Freshly roasted single origins for pour-over, AeroPress and batch brew.",
			List.of(plan("PLAN-FILTER-250", "Filter Coffee 250 g", 1, "15.00", Interval.weeks(2),
					Map.of("COF-ETH-GUJI", 1), "One 250 g bag of our featured single origin."),
					plan("PLAN-FILTER-500", "Filter Coffee 500 g", 2, "28.00", Interval.weeks(2),
							Map.of("COF-ETH-GUJI", 1, "COF-KEN-NYERI", 1), "Two 250 g bags of two origins."),
					plan("PLAN-FILTER-500-GEAR", "Filter Coffee 500 g + monthly gear", 3, "36.00",
							Interval.weeks(2), Map.of("COF-ETH-GUJI", 1, "COF-KEN-NYERI", 1, "GEAR-V60-FILTERS", 1),
							"Two bags plus the filters and small gear you run out of.")));

	static final Family ESPRESSO = new Family("espresso", "Espresso",
			"Blends roasted for espresso machines and moka pots.",
			List.of(plan("PLAN-ESPRESSO-500", "Espresso 500 g", 1, "24.00", Interval.weeks(2),
					Map.of("COF-HOUSE-ESPRESSO", 2), "Two 250 g bags of the house blend."),
					plan("PLAN-ESPRESSO-1000", "Espresso 1 kg", 2, "44.00", Interval.weeks(2),
							Map.of("COF-HOUSE-ESPRESSO", 2, "COF-DARK-ESPRESSO", 2),
							"Four bags: house blend and dark roast.")));

	static final Family TEA = new Family("tea", "Tea", "Loose-leaf teas from small gardens, a box a month.",
			List.of(plan("PLAN-TEA-3", "Tea Taster: 3 teas", 1, "16.00", Interval.months(1),
					Map.of("TEA-ASSAM", 1, "TEA-EARL-GREY", 1, "TEA-ROOIBOS", 1), "Three classic teas a month."),
					plan("PLAN-TEA-5", "Tea Explorer: 5 teas", 2, "26.00", Interval.months(1),
							Map.of("TEA-ASSAM", 1, "TEA-EARL-GREY", 1, "TEA-ROOIBOS", 1, "TEA-SENCHA", 1,
									"TEA-JASMINE", 1),
							"Five teas, greens included."),
					plan("PLAN-TEA-5-HONEY", "Tea Connoisseur: 5 teas + honey", 3, "34.00", Interval.months(1),
							Map.of("TEA-ASSAM", 1, "TEA-EARL-GREY", 1, "TEA-ROOIBOS", 1, "TEA-SENCHA", 1,
									"TEA-JASMINE", 1, "TRT-HONEY-WILDFLOWER", 1),
							"Five teas and a jar of raw honey.")));

	static final List<Family> FAMILIES = List.of(FILTER, ESPRESSO, TEA);

	private DemoCatalog() {
	}

	static Item product(String sku) {
		return PRODUCTS.stream()
			.filter(item -> item.sku().equals(sku))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No demo product " + sku));
	}

	static PlanSpec plan(String sku) {
		return FAMILIES.stream()
			.flatMap(family -> family.plans().stream())
			.filter(plan -> plan.sku().equals(sku))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No demo plan " + sku));
	}

	private static Item coffee(String sku, String name, String price, String description) {
		return new Item(sku, name + " 250 g", ProductCategory.COFFEE, price, true, description);
	}

	private static Item tea(String sku, String name, String price, String description) {
		return new Item(sku, name, ProductCategory.TEA, price, true, description);
	}

	private static Item gear(String sku, String name, String price, boolean inStock, String description) {
		return new Item(sku, name, ProductCategory.GEAR, price, inStock, description);
	}

	private static Item treat(String sku, String name, String price, String description) {
		return new Item(sku, name, ProductCategory.TREATS, price, true, description);
	}

	private static PlanSpec plan(String sku, String name, int tier, String price, Interval interval,
			Map<String, Integer> items, String description) {
		return new PlanSpec(sku, name, tier, price, interval, items, description);
	}

}
