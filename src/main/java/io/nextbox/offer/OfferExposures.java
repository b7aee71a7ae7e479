package io.nextbox.offer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who was exposed to offers, or would have been had they not been held out: the two sides of lift. */
@Service
public class OfferExposures {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	OfferExposures(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Every subscriber with an impression between {@code from} (inclusive) and {@code to} (exclusive), at one
	 * placement or all ({@code null}), with the sum of their {@code SHIPPED} add-ons there in the same range. One
	 * query, one row per subscriber.
	 */
	@Transactional(readOnly = true)
	public List<OfferExposure> between(Instant from, Instant to, Placement placement) {
		ZoneId zone = clock.getZone();
		LocalDate first = LocalDate.ofInstant(from, zone);
		if (first.atStartOfDay(zone).toInstant().equals(from)) {
			return firstSeen(from, to, first, placement);
		}
		List<Object> arguments = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
		if (placement != null) {
			arguments.add(placement.name());
		}
		return jdbc.query("""
				select subscriber_id,
				       max(case when type = 'IMPRESSION' and holdout = true then 1 else 0 end) as held,
				       max(case when type = 'IMPRESSION' and holdout = false then 1 else 0 end) as shown,
				       coalesce(sum(case when type = 'SHIPPED' then unit_price end), 0) as shipped
				from offer_event
				where occurred_at >= ? and occurred_at < ?""" + (placement == null ? "" : " and placement = ?") + """

				group by subscriber_id
				having max(case when type = 'IMPRESSION' then 1 else 0 end) = 1""",
				(row, n) -> {
					boolean held = row.getInt("held") == 1;
					boolean shown = row.getInt("shown") == 1;
					return new OfferExposure(row.getLong("subscriber_id"), held && !shown, held && shown,
							row.getBigDecimal("shipped"));
				}, arguments.toArray());
	}

	/**
	 * {@link #between} from the start of the day {@code first}: each subscriber's first impression of the range on
	 * each side of the holdout (the one whose previous day is before {@code first}, see {@code OfferReach}), one row
	 * each read from an index, and the add-ons shipped in the range per subscriber.
	 */
	private List<OfferExposure> firstSeen(Instant from, Instant to, LocalDate first, Placement placement) {
		Map<Long, int[]> sides = new LinkedHashMap<>();
		ZoneId zone = clock.getZone();
		// a first impression of gap level k is in the range's first 2^(k-1) days (V49): each level read over its
		// own index entries, for those days only, so the range's other impressions are never read
		String gap = placement == null ? "gap_any" : "gap_placement";
		String previous = placement == null ? "prev_any" : "prev_placement";
		StringBuilder sql = new StringBuilder();
		List<Object> levels = new ArrayList<>();
		for (int level = 1; level <= OfferReach.FAR; level++) {
			LocalDate end = OfferReach.firstsEnd(first, level);
			Instant until = end.isAfter(LocalDate.ofInstant(to, zone)) ? to : end.atStartOfDay(zone).toInstant();
			sql.append(sql.isEmpty() ? "" : " union all ")
				.append("select subscriber_id, holdout from offer_event where ")
				.append(placement == null ? "" : "placement = ? and ")
				.append(gap)
				.append(" = ? and occurred_at >= ? and occurred_at < ? and ")
				.append(previous)
				.append(" < ?");
			if (placement != null) {
				levels.add(placement.name());
			}
			levels.addAll(List.of(level, Timestamp.from(from), Timestamp.from(until), first));
		}
		jdbc.query(sql.toString(), (ResultSet row) -> {
			sides.computeIfAbsent(row.getLong(1), id -> new int[2])[row.getBoolean(2) ? 1 : 0] = 1;
		}, levels.toArray());
		List<Object> arguments = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
		if (placement != null) {
			arguments.add(0, placement.name());
		}
		Map<Long, BigDecimal> shipped = new HashMap<>();
		jdbc.query("select subscriber_id, sum(unit_price) from offer_event where type = 'SHIPPED' "
				+ (placement == null ? "" : "and placement = ? ") + "and occurred_at >= ? and occurred_at < ? "
				+ "group by subscriber_id", (ResultSet row) -> {
					shipped.put(row.getLong(1), row.getBigDecimal(2));
				}, arguments.toArray());
		List<OfferExposure> exposures = new ArrayList<>(sides.size());
		sides.forEach((subscriber, side) -> exposures.add(new OfferExposure(subscriber, side[1] == 1 && side[0] == 0,
				side[0] == 1 && side[1] == 1, shipped.getOrDefault(subscriber, BigDecimal.ZERO))));
		return exposures;
	}

}
