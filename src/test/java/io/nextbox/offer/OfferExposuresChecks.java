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

	/**
	 * The previous days written on insert are those of the whole log, for subscribers with long histories: the log is
	 * read back a page at a time from the new impressions (not every impression of theirs), so chains last seen many
	 * pages back, moments with more impressions than a page, chains never seen and late events must all come out as
	 * a direct walk through every impression gives.
	 */
	@Test
	void thePreviousDaysAreThoseOfTheWholeLogForLongHistories() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		List<Long> offerIds = new ArrayList<>();
		for (int o = 0; o < 3; o++) {
			long product = catalog.createProduct(new NewProduct("LONG-" + o + "-" + unique, "Long mug " + o + unique,
					"", "", ProductCategory.GEAR, new BigDecimal("9.00"), true, true));
			NewOffer live = NewOffer.activeAddOn("Long mug " + o + unique, product, 1, Set.of(Placement.DASHBOARD));
			offerIds.add(offers.create(new NewOffer(live.name(), live.kind(), live.productId(), null,
					live.discountType(), live.discountValue(), OfferStatus.ENDED, 1, null, null, 0, 0, true,
					live.placements(), Set.of(), Set.of())));
		}
		List<Long> subscribers = BatchInsert.insertReturningIds(jdbc,
				"insert into subscriber (email, first_name, last_name, created_at) values (?, 'Long', ?, ?)",
				IntStream.range(0, 3).boxed().toList(), (statement, n) -> {
					statement.setString(1, "long-" + n + "-" + unique + "@lift.test");
					statement.setString(2, "Subscriber " + n);
					statement.setTimestamp(3, Timestamp.from(Instant.now()));
				});
		Random random = new Random(61);
		List<OfferEvent> early = new ArrayList<>();
		for (long subscriber : subscribers) {
			// the third offer at the email placement, long ago, then hundreds of the first two on the dashboard
			early.add(event(offerIds.get(2), subscriber, Placement.EMAIL, OfferEventType.IMPRESSION, false, 3, random));
			for (int i = 0; i < 300; i++) {
				early.add(event(offerIds.get(i % 2), subscriber, Placement.DASHBOARD, OfferEventType.IMPRESSION, false,
						10 + i / 3, random));
			}
		}
		early.sort(Comparator.comparing(OfferEvent::occurredAt));
		events.record(early);
		// a moment with more impressions than a page, then the live widget's batches, in order and late
		Instant crowded = START.plusDays(200).atTime(12, 0).atZone(ZONE).toInstant();
		List<OfferEvent> moment = new ArrayList<>();
		for (int i = 0; i < OfferReach.FIRST_PAGE + 7; i++) {
			moment.add(new OfferEvent(offerIds.get(i % 2), subscribers.get(0), null, null, Placement.DASHBOARD,
					OfferEventType.IMPRESSION, new BigDecimal("9.00"), false, crowded));
		}
		events.record(moment);
		for (int b = 0; b < 6; b++) {
			List<OfferEvent> batch = new ArrayList<>();
			for (long subscriber : subscribers) {
				int day = b % 3 == 2 ? 150 + b : 201 + b; // every third batch late, before what was logged
				batch.add(event(offerIds.get(b % 3), subscriber, PLACEMENTS[b % PLACEMENTS.length],
						OfferEventType.IMPRESSION, b == 4 && subscriber == subscribers.get(1), day, random));
			}
			events.record(batch);
		}

		assertThat(storedPrevious(subscribers)).isEqualTo(walkedPrevious(subscribers));
	}

	/** Each impression's stored previous days, by id. */
	private List<String> storedPrevious(List<Long> subscribers) {
		String in = String.join(", ", subscribers.stream().map(String::valueOf).toList());
		return jdbc.query("select id, prev_offer_placement, prev_offer, prev_placement, prev_any from offer_event "
				+ "where type = 'IMPRESSION' and subscriber_id in (" + in + ") order by id",
				(row, n) -> row.getLong(1) + " " + row.getObject(2, LocalDate.class) + " "
						+ row.getObject(3, LocalDate.class) + " " + row.getObject(4, LocalDate.class) + " "
						+ row.getObject(5, LocalDate.class));
	}

	/** The same, by walking every impression in the log's order (time, then id). */
	private List<String> walkedPrevious(List<Long> subscribers) {
		String in = String.join(", ", subscribers.stream().map(String::valueOf).toList());
		java.util.Map<String, LocalDate> last = new java.util.HashMap<>();
		List<String> walked = new ArrayList<>();
		jdbc.query("select id, subscriber_id, holdout, offer_id, placement, occurred_at from offer_event "
				+ "where type = 'IMPRESSION' and subscriber_id in (" + in + ") order by occurred_at, id", row -> {
					String side = row.getLong(2) + (row.getBoolean(3) ? "h" : "s");
					String[] keys = { side + ":op:" + row.getLong(4) + row.getString(5), side + ":o:" + row.getLong(4),
							side + ":p:" + row.getString(5), side + ":a" };
					LocalDate day = LocalDate.ofInstant(row.getTimestamp(6).toInstant(), ZONE);
					StringBuilder line = new StringBuilder(String.valueOf(row.getLong(1)));
					for (String key : keys) {
						line.append(' ').append(last.getOrDefault(key, OfferReach.NEVER));
						last.put(key, day);
					}
					walked.add(line.toString());
				});
		walked.sort(Comparator.comparingLong(line -> Long.parseLong(line.substring(0, line.indexOf(' ')))));
		return walked;
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
