package io.nextbox.offer;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.NewProduct;
import io.nextbox.catalog.ProductCategory;
import io.nextbox.shared.BatchInsert;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lift's groups, read through each impression's gap level (V49) so that a range's other impressions are never
 * read, are exactly who had an impression in the range, at every placement filter and on both sides of the holdout:
 * for impressions spread over two years with gaps from none to more than 512 days, recorded in two halves (history
 * imported first, then the second half recorded live, falling before, between and after what was logged), and for
 * ranges from one day to more than a year. The gap levels written on insert, and moved by late events, are those
 * the migration computes from the previous days. On H2 ({@link OfferExposuresIntegrationTests}) and PostgreSQL
 * ({@link OfferExposuresPostgresTests}).
 */
abstract class OfferExposuresChecks {

	private static final ZoneId ZONE = ZoneId.systemDefault();

	private static final LocalDate START = LocalDate.of(2010, 1, 1);

	private static final Placement[] PLACEMENTS = { Placement.DASHBOARD, Placement.NEXT_SHIPMENT, Placement.EMAIL };

	@Autowired
	private OfferEvents events;

	@Autowired
	private OfferExposures exposures;

	@Autowired
	private OfferService offers;

	@Autowired
	private CatalogService catalog;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void theGroupsReadThroughTheGapLevelsAreEveryoneWithAnImpressionInTheRange() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		long product = catalog.createProduct(new NewProduct("GAP-" + unique, "Gap mug " + unique, "", "",
				ProductCategory.GEAR, new BigDecimal("9.00"), true, true));
		NewOffer live = NewOffer.activeAddOn("Gap mug " + unique, product, 1, Set.of(Placement.DASHBOARD));
		long offer = offers.create(new NewOffer(live.name(), live.kind(), live.productId(), null, live.discountType(),
				live.discountValue(), OfferStatus.ENDED, 1, null, null, 0, 0, true, live.placements(), Set.of(),
				Set.of()));
		List<Long> subscribers = BatchInsert.insertReturningIds(jdbc,
				"insert into subscriber (email, first_name, last_name, created_at) values (?, 'Gap', ?, ?)",
				IntStream.range(0, 30).boxed().toList(), (statement, n) -> {
					statement.setString(1, "gap-" + n + "-" + unique + "@lift.test");
					statement.setString(2, "Subscriber " + n);
					statement.setTimestamp(3, Timestamp.from(Instant.now()));
				});
		Random random = new Random(49);
		List<OfferEvent> imported = new ArrayList<>();
		List<OfferEvent> late = new ArrayList<>();
		for (int s = 0; s < subscribers.size(); s++) {
			long subscriber = subscribers.get(s);
			// a few subscribers come once or twice in two years, most now and then, some in bursts
			int impressions = s % 5 == 0 ? 1 + random.nextInt(2) : 3 + random.nextInt(20);
			int burst = random.nextInt(730);
			for (int i = 0; i < impressions; i++) {
				int day = s % 3 == 0 ? Math.min(729, burst + random.nextInt(20)) : random.nextInt(730);
				boolean holdout = s % 4 == 0 || (s == 1 && i == 0); // subscriber 1 is on both sides
				Placement placement = PLACEMENTS[random.nextInt(PLACEMENTS.length)];
				List<OfferEvent> half = i % 2 == 0 ? imported : late;
				half.add(event(offer, subscriber, placement, OfferEventType.IMPRESSION, holdout, day, random));
				if (!holdout && random.nextInt(4) == 0) {
					half.add(event(offer, subscriber, placement, OfferEventType.SHIPPED, false,
							Math.min(729, day + random.nextInt(5)), random));
				}
			}
		}
		events.importHistory(imported);
		events.record(late);

		assertThat(mismatchedGapLevels(subscribers)).as("gap levels unlike the migration's").isZero();
		int ranges = 0;
		for (int r = 0; r < 40; r++) {
			LocalDate first = START.minusDays(30).plusDays(random.nextInt(790));
			int days = r % 4 == 0 ? 1 : 1 + random.nextInt(r % 2 == 0 ? 30 : 500);
			LocalDate last = first.plusDays(days - 1);
			for (Placement placement : new Placement[] { null, Placement.DASHBOARD, Placement.EMAIL }) {
				Instant from = first.atStartOfDay(ZONE).toInstant();
				Instant to = last.plusDays(1).atStartOfDay(ZONE).toInstant();
				assertThat(sorted(exposures.between(from, to, placement)))
					.as("from %s to %s at %s", first, last, placement)
					.isEqualTo(direct(from, to, placement));
				ranges++;
			}
		}
		assertThat(ranges).isEqualTo(120);
	}

	private long mismatchedGapLevels(List<Long> subscribers) {
		String in = String.join(", ", subscribers.stream().map(String::valueOf).toList());
		return jdbc.queryForObject("select count(*) from offer_event where type = 'IMPRESSION' and subscriber_id in ("
				+ in + ") and (gap_any <> " + level("prev_any") + " or gap_placement <> " + level("prev_placement")
				+ " or gap_any is null or gap_placement is null)", Long.class);
	}

	/** V49's definition of the gap level, in SQL. */
	private static String level(String previous) {
		StringBuilder level = new StringBuilder("case when " + previous + " = date '0001-01-01' then 11 when "
				+ previous + " >= cast(occurred_at as date) then 0");
		for (int k = 1; k <= 10; k++) {
			level.append(" when ")
				.append(previous)
				.append(" >= cast(occurred_at as date) - interval '")
				.append(1 << (k - 1))
				.append("' day then ")
				.append(k);
		}
		return level.append(" else 11 end").toString();
	}

	/** Who had an impression in the range, on which side, and the add-ons shipped to them: a direct count. */
	private List<OfferExposure> direct(Instant from, Instant to, Placement placement) {
		List<Object> arguments = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
		if (placement != null) {
			arguments.add(placement.name());
		}
		return sorted(jdbc.query("select subscriber_id, "
				+ "max(case when type = 'IMPRESSION' and holdout then 1 else 0 end), "
				+ "max(case when type = 'IMPRESSION' and not holdout then 1 else 0 end), "
				+ "coalesce(sum(case when type = 'SHIPPED' then unit_price end), 0) from offer_event "
				+ "where occurred_at >= ? and occurred_at < ?" + (placement == null ? "" : " and placement = ?")
				+ " group by subscriber_id having max(case when type = 'IMPRESSION' then 1 else 0 end) = 1",
				(row, n) -> new OfferExposure(row.getLong(1), row.getInt(2) == 1 && row.getInt(3) == 0,
						row.getInt(2) == 1 && row.getInt(3) == 1, row.getBigDecimal(4)),
				arguments.toArray()));
	}

	private static List<OfferExposure> sorted(List<OfferExposure> exposures) {
		return exposures.stream()
			.map(exposure -> new OfferExposure(exposure.subscriberId(), exposure.holdout(), exposure.mixed(),
					exposure.shippedAddOns().stripTrailingZeros()))
			.sorted(Comparator.comparingLong(OfferExposure::subscriberId))
			.toList();
	}

	private static OfferEvent event(long offer, long subscriber, Placement placement, OfferEventType type,
			boolean holdout, int day, Random random) {
		Instant at = START.plusDays(day).atTime(random.nextInt(24), random.nextInt(60)).atZone(ZONE).toInstant();
		return new OfferEvent(offer, subscriber, null, null, placement, type, new BigDecimal("9.00"), holdout, at);
	}

}
