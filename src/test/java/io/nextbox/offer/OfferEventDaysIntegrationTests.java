package io.nextbox.offer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.NewProduct;
import io.nextbox.catalog.ProductCategory;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tallies read from the events counted per day, with the unsettled days and the ends of a range that are not
 * whole days counted from the log, equal a count made directly from the log; a late event is counted too.
 */
@NextboxIntegrationTest
class OfferEventDaysIntegrationTests {

	private static final BigDecimal PRICE = new BigDecimal("7.25");

	@Autowired
	private OfferEvents events;

	@Autowired
	private OfferService offers;

	@Autowired
	private CatalogService catalog;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Clock clock;

	private long offer;

	private long first;

	private long second;

	@BeforeEach
	void anEndedOfferAndTwoSubscribers() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		long product = catalog.createProduct(new NewProduct("DAYS-" + unique, "Days mug " + unique, "", "",
				ProductCategory.GEAR, PRICE, true, true));
		NewOffer live = NewOffer.activeAddOn("Days mug " + unique, product, 1, Set.of(Placement.DASHBOARD));
		offer = offers.create(new NewOffer(live.name(), live.kind(), live.productId(), null, live.discountType(),
				live.discountValue(), OfferStatus.ENDED, 1, null, null, 0, 0, true, live.placements(), Set.of(),
				Set.of()));
		first = TestSubscriptions.freshActive(jdbc).subscriberId();
		second = TestSubscriptions.freshActive(jdbc).subscriberId();
	}

	@Test
	void countedDaysAndTheLogTallyWhatADirectCountFinds() {
		LocalDate june = LocalDate.of(2017, 6, 1);
		Instant now = clock.instant();
		events.record(List.of(event(first, Placement.DASHBOARD, OfferEventType.IMPRESSION, at(june, 2, 9), false),
				event(first, Placement.DASHBOARD, OfferEventType.IMPRESSION, at(june, 3, 23), false),
				event(second, Placement.DASHBOARD, OfferEventType.IMPRESSION, at(june, 3, 8), false),
				event(second, Placement.EMAIL, OfferEventType.IMPRESSION, at(june, 4, 0), false),
				event(second, Placement.DASHBOARD, OfferEventType.IMPRESSION, at(june, 4, 1), true),
				event(first, Placement.DASHBOARD, OfferEventType.ACCEPT, at(june, 3, 23), false),
				event(first, Placement.DASHBOARD, OfferEventType.SHIPPED, at(june, 9, 6), false),
				event(second, Placement.EMAIL, OfferEventType.DISMISS, at(june, 4, 0), false),
				event(first, Placement.DASHBOARD, OfferEventType.IMPRESSION, now.minusSeconds(60), false),
				event(second, Placement.DASHBOARD, OfferEventType.IMPRESSION, now.minus(1, ChronoUnit.DAYS), false),
				event(second, Placement.DASHBOARD, OfferEventType.ACCEPT, now.minusSeconds(30), false)));

		assertSameAsTheLog(at(june, 0, 0), at(june, 30, 0));
		assertSameAsTheLog(at(june, 2, 12), at(june, 4, 1));
		assertSameAsTheLog(at(june, 3, 0), at(june, 3, 0).plus(1, ChronoUnit.DAYS));
		Instant today = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
		assertSameAsTheLog(today.minus(3, ChronoUnit.DAYS), today.plus(1, ChronoUnit.DAYS));
		assertThat(tallied(at(june, 0, 0), at(june, 30, 0)))
			.containsEntry("DASHBOARD IMPRESSION", List.of(3L, 2L, new BigDecimal("21.75")))
			.containsEntry("DASHBOARD SHIPPED", List.of(1L, 1L, new BigDecimal("7.25")));
	}

	@Test
	void anEventRecordedLateForACountedDayIsCounted() {
		LocalDate july = LocalDate.of(2017, 7, 1);
		events.record(event(first, Placement.DASHBOARD, OfferEventType.IMPRESSION, at(july, 9, 10), false));
		assertThat(tallied(at(july, 0, 0), at(july, 31, 0)).get("DASHBOARD IMPRESSION")).containsExactly(1L, 1L,
				new BigDecimal("7.25"));

		events.record(event(second, Placement.DASHBOARD, OfferEventType.IMPRESSION, at(july, 9, 11), false));
		assertThat(tallied(at(july, 0, 0), at(july, 31, 0)).get("DASHBOARD IMPRESSION")).containsExactly(2L, 2L,
				new BigDecimal("14.50"));
		assertSameAsTheLog(at(july, 0, 0), at(july, 31, 0));
	}

	private void assertSameAsTheLog(Instant from, Instant to) {
		assertThat(tallied(from, to)).as("%s to %s", from, to).isEqualTo(counted(from, to));
	}

	/** This offer's tallies per placement, as placement and type to events, subscribers and amount. */
	private Map<String, List<Object>> tallied(Instant from, Instant to) {
		Map<String, List<Object>> tallied = new HashMap<>();
		for (OfferEventTally tally : events.tally(from, to, null, true)) {
			if (tally.offerId() == offer) {
				tallied.put(tally.placement() + " " + tally.type(), List.of(tally.events(), tally.subscribers(),
						tally.amount().setScale(2, RoundingMode.UNNECESSARY)));
			}
		}
		List<Object> acrossPlacements = new ArrayList<>();
		for (OfferEventTally tally : events.tally(from, to, null, false)) {
			if (tally.offerId() == offer) {
				acrossPlacements.add(tally.type() + " " + tally.events() + " " + tally.subscribers());
			}
		}
		tallied.put("all", acrossPlacements.stream().map(Object::toString).sorted().map(Object.class::cast).toList());
		return tallied;
	}

	private Map<String, List<Object>> counted(Instant from, Instant to) {
		Map<String, List<Object>> counted = new HashMap<>();
		String where = " from offer_event where offer_id = ? and holdout = false and occurred_at >= ? and occurred_at < ?";
		Object[] arguments = { offer, Timestamp.from(from), Timestamp.from(to) };
		jdbc.query("select placement, type, count(*), count(distinct subscriber_id), coalesce(sum(unit_price), 0)"
				+ where + " group by placement, type", (java.sql.ResultSet row) -> {
					counted.put(row.getString(1) + " " + row.getString(2), List.of(row.getLong(3), row.getLong(4),
							row.getBigDecimal(5).setScale(2, RoundingMode.UNNECESSARY)));
				}, arguments);
		List<String> acrossPlacements = new ArrayList<>();
		jdbc.query("select type, count(*), count(distinct subscriber_id)" + where + " group by type",
				(java.sql.ResultSet row) -> {
					acrossPlacements.add(row.getString(1) + " " + row.getLong(2) + " " + row.getLong(3));
				}, arguments);
		counted.put("all", acrossPlacements.stream().sorted().map(Object.class::cast).toList());
		return counted;
	}

	private OfferEvent event(long subscriber, Placement placement, OfferEventType type, Instant at, boolean holdout) {
		return new OfferEvent(offer, subscriber, null, null, placement, type, PRICE, holdout, at);
	}

	/** Hour {@code hour} of the day {@code days} after {@code start}, in the store's time zone. */
	private Instant at(LocalDate start, int days, int hour) {
		return start.plusDays(days).atTime(hour, 0).atZone(clock.getZone()).toInstant();
	}

}
