package io.nextbox.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CutoffTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private final Cutoff cutoff = new Cutoff(48, BERLIN);

	@Test
	void aBoxLocksTheGivenHoursBeforeItsShipDayStarts() {
		assertThat(cutoff.locksAt(LocalDate.of(2026, 11, 27))).isEqualTo(Instant.parse("2026-11-24T23:00:00Z"));
	}

	@Test
	void itIsOpenUntilThatMomentAndLockedFromIt() {
		LocalDate shipDate = LocalDate.of(2026, 11, 27);
		assertThat(cutoff.isLocked(shipDate, Instant.parse("2026-11-24T22:59:59Z"))).isFalse();
		assertThat(cutoff.isLocked(shipDate, Instant.parse("2026-11-24T23:00:00Z"))).isTrue();
		assertThat(cutoff.isLocked(shipDate, Instant.parse("2026-11-27T10:00:00Z"))).isTrue();
	}

	@Test
	void theEarliestOpenDateIsTheFirstWhoseCutoffIsAhead() {
		Instant now = Instant.parse("2026-11-25T09:00:00Z");
		LocalDate earliest = cutoff.earliestOpenDate(now);
		assertThat(earliest).isEqualTo(LocalDate.of(2026, 11, 28));
		assertThat(cutoff.isLocked(earliest, now)).isFalse();
		assertThat(cutoff.isLocked(earliest.minusDays(1), now)).isTrue();
	}

	@Test
	void aCutoffAcrossTheDaylightSavingChangeCountsRealHours() {
		Cutoff day = new Cutoff(24, BERLIN);
		assertThat(day.locksAt(LocalDate.of(2026, 3, 30))).isEqualTo(Instant.parse("2026-03-28T22:00:00Z"));
	}

	@Test
	void noCutoffLocksAtMidnightOfTheShipDay() {
		Cutoff none = new Cutoff(0, BERLIN);
		assertThat(none.isLocked(LocalDate.of(2026, 12, 1), Instant.parse("2026-11-30T22:59:00Z"))).isFalse();
		assertThat(none.isLocked(LocalDate.of(2026, 12, 1), Instant.parse("2026-11-30T23:00:00Z"))).isTrue();
	}

}
