package io.nextbox.offer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who was exposed to offers, or would have been had they not been held out: the two sides of lift. */
@Service
public class OfferExposures {

	private final JdbcTemplate jdbc;

	OfferExposures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every subscriber with an impression between {@code from} (inclusive) and {@code to} (exclusive), at one
	 * placement or all ({@code null}), with the sum of their {@code SHIPPED} add-ons there in the same range. One
	 * query, one row per subscriber.
	 */
	@Transactional(readOnly = true)
	public List<OfferExposure> between(Instant from, Instant to, Placement placement) {
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

}
