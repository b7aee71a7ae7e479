package io.nextbox.recommendation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToIntFunction;

import io.nextbox.offer.OfferEvent;
import io.nextbox.offer.OfferEventType;
import io.nextbox.offer.OfferEvents;
import io.nextbox.offer.Placement;
import io.nextbox.recommendation.engine.Exploration;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** What the exploration learns each offer's take rate from: the offer events outside the holdout. */
@NextboxIntegrationTest
class OfferOutcomesIntegrationTests {

	/** Every subscriber in one segment, so the test reads one arm per offer. */
	private static final LongToIntFunction ONE_SEGMENT = subscriber -> 9_999;

	@Autowired
	private OfferOutcomes outcomes;

	@Autowired
	private OfferEvents events;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Clock clock;

	@Test
	void holdoutImpressionsAndAcceptsNeverCountAndUndosTakeBackAnAccept() {
		var owned = TestSubscriptions.freshActive(jdbc);
		long offer = jdbc.queryForObject("select min(id) from offer", Long.class);
		outcomes.refresh();
		Exploration.Outcome before = outcomes.current(ONE_SEGMENT).outcome(offer, 9_999);

		List<OfferEvent> recorded = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			recorded.add(event(offer, owned, OfferEventType.IMPRESSION, true));
		}
		recorded.add(event(offer, owned, OfferEventType.ACCEPT, true));
		for (int i = 0; i < 3; i++) {
			recorded.add(event(offer, owned, OfferEventType.IMPRESSION, false));
		}
		recorded.add(event(offer, owned, OfferEventType.ACCEPT, false));
		recorded.add(event(offer, owned, OfferEventType.ACCEPT, false));
		recorded.add(event(offer, owned, OfferEventType.UNDO, false));
		events.record(recorded);

		// nothing changes until the next read: widgets never query per request
		assertThat(outcomes.current(ONE_SEGMENT).outcome(offer, 9_999)).isEqualTo(before);
		outcomes.refresh();
		Exploration.Outcome after = outcomes.current(ONE_SEGMENT).outcome(offer, 9_999);
		assertThat(after.views() - before.views()).isEqualTo(3);
		assertThat(after.takes() - before.takes()).isEqualTo(1);
	}

	@Test
	void theFirstReadIsTheModelBuildsNotTheStartsAndHappensOnce() {
		var owned = TestSubscriptions.freshActive(jdbc);
		long offer = jdbc.queryForObject("select min(id) from offer", Long.class);
		// as at a start: not read yet (the scheduled read comes an interval later), so nothing counted
		OfferOutcomes started = new OfferOutcomes(events, clock, Exploration.WEIGHT);
		events.record(List.of(event(offer, owned, OfferEventType.IMPRESSION, false)));
		assertThat(started.current(ONE_SEGMENT).outcome(offer, 9_999).views()).isZero();

		// the model's first build reads them before it swaps the model in
		started.readOnce();
		long views = started.current(ONE_SEGMENT).outcome(offer, 9_999).views();
		assertThat(views).isPositive();

		// later builds leave the reading to the schedule
		events.record(List.of(event(offer, owned, OfferEventType.IMPRESSION, false)));
		started.readOnce();
		assertThat(started.current(ONE_SEGMENT).outcome(offer, 9_999).views()).isEqualTo(views);
		started.refresh();
		assertThat(started.current(ONE_SEGMENT).outcome(offer, 9_999).views()).isEqualTo(views + 1);
	}

	private OfferEvent event(long offer, TestSubscriptions.Owned owned, OfferEventType type, boolean holdout) {
		Instant now = clock.instant();
		return new OfferEvent(offer, owned.subscriberId(), owned.subscriptionId(), null, Placement.DASHBOARD, type,
				BigDecimal.ONE, holdout, now);
	}

}
