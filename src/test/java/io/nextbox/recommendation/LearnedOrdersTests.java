package io.nextbox.recommendation;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each order is learnt once, whichever way it comes, and an id committed after a higher one is not skipped. */
class LearnedOrdersTests {

	private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

	@Test
	void anOrderIsClaimedOnceWhetherTheEventOrThePollBringsIt() {
		LearnedOrders learned = LearnedOrders.replayed(new long[] { 1, 2, 3 }, NOW);

		assertThat(learned.claim(4, NOW)).isTrue();
		assertThat(learned.claim(4, NOW)).isFalse();
		assertThat(learned.claim(2, NOW)).isFalse();
		assertThat(learned.highest()).isEqualTo(4);
		assertThat(learned.gaps()).isEmpty();
	}

	@Test
	void anIdCommittedAfterAHigherOneIsStillLearnt() {
		LearnedOrders learned = LearnedOrders.replayed(new long[] { 1, 2 }, NOW);

		assertThat(learned.claim(6, NOW)).isTrue();
		assertThat(learned.gaps()).containsExactly(new LearnedOrders.Range(3, 5));
		assertThat(learned.claim(4, NOW)).isTrue();
		assertThat(learned.claim(4, NOW)).isFalse();

		assertThat(learned.gaps()).containsExactly(new LearnedOrders.Range(3, 3), new LearnedOrders.Range(5, 5));
		assertThat(learned.isLearnt(4)).isTrue();
		assertThat(learned.isLearnt(5)).isFalse();
	}

	@Test
	void aReplayWithHolesWatchesThemAndGivesThemUpAfterTheGracePeriod() {
		LearnedOrders learned = LearnedOrders.replayed(new long[] { 1, 2, 5, 6, 9 }, NOW);
		assertThat(learned.gaps()).containsExactly(new LearnedOrders.Range(3, 4), new LearnedOrders.Range(7, 8));

		learned.claim(12, NOW.plus(Duration.ofMinutes(4)));
		assertThat(learned.giveUpGapsOlderThan(Duration.ofMinutes(5), NOW.plus(Duration.ofMinutes(6)))).isEqualTo(4);

		assertThat(learned.gaps()).containsExactly(new LearnedOrders.Range(10, 11));
		assertThat(learned.claim(3, NOW)).isFalse();
		assertThat(learned.claim(11, NOW)).isTrue();
	}

	@Test
	void onlyTheNewestGapsAreWatched() {
		long[] everyOtherId = new long[LearnedOrders.MAX_GAPS + 10];
		for (int i = 0; i < everyOtherId.length; i++) {
			everyOtherId[i] = 2L * (i + 1);
		}
		LearnedOrders learned = LearnedOrders.replayed(everyOtherId, NOW);

		assertThat(learned.gaps()).hasSize(LearnedOrders.MAX_GAPS);
		assertThat(learned.claim(1, NOW)).isFalse();
		assertThat(learned.claim(everyOtherId[everyOtherId.length - 1] - 1, NOW)).isTrue();
	}

}
