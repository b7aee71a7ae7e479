package io.nextbox.analytics;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.nextbox.offer.Placement;

/** The placement filter: {@code all} (or none) for every placement, else one placement by name. */
public final class Placements {

	public static final String ALL = "all";

	private Placements() {
	}

	public static List<Placement> choices() {
		return List.of(Placement.values());
	}

	/** The placement asked for, {@code null} for all; refused when it names none. */
	public static Placement parse(String value) {
		if (value == null || value.isBlank() || ALL.equalsIgnoreCase(value.trim())) {
			return null;
		}
		try {
			return Placement.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFilterException(Map.of("placement", "analytics.placement.unknown"));
		}
	}

}
