package io.nextbox.recommendation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Thompson sampling on the offers' outcomes, and the merchant's bounded priority; seeded draws. */
class ExplorationTests {

	private static final long PROVEN = 1;

	private static final long AVERAGE = 2;

	private static final long FAILING = 3;

	private static final long NEW = 4;

	private static final int PLAN = 7;

	private static final Ranker.Context NOTHING_KNOWN = new Ranker.Context(Profile.of(List.of(), 0),
			new BasketStats(), 0);

	private final Exploration exploration = Exploration.of(Map.of(
			new Exploration.Arm(PROVEN, PLAN), new Exploration.Outcome(1_000, 120),
			new Exploration.Arm(AVERAGE, PLAN), new Exploration.Outcome(1_000, 50),
			new Exploration.Arm(FAILING, PLAN), new Exploration.Outcome(2_000, 0)));

	@Test
	void aNewOfferIsShownSometimesAndAnOfferThatKeepsFailingFades() {
		SplittableRandom random = new SplittableRandom(42);
		int[] shown = new int[5];
		for (int widget = 0; widget < 1_000; widget++) {
			// the three older offers score alike on their signals, the new one half as much (its prior)
			List<Ranker.Candidate> candidates = new ArrayList<>();
			candidates.add(candidate(PROVEN, 0.1, random));
			candidates.add(candidate(AVERAGE, 0.1, random));
			candidates.add(candidate(FAILING, 0.1, random));
			candidates.add(candidate(NEW, 0.05, random));
			for (long top : Ranker.rank(candidates, NOTHING_KNOWN, Blend.DEFAULT).stream().limit(2)
				.mapToLong(scored -> scored.candidate().order()).toArray()) {
				shown[(int) top]++;
			}
		}
		assertThat(shown[(int) NEW]).isBetween(50, 500);
		assertThat(shown[(int) FAILING]).isLessThan(shown[(int) NEW] / 5);
		assertThat(shown[(int) PROVEN]).isGreaterThan(900);
	}

	@Test
	void aFailingOffersPosteriorSitsFarBelowThePooledRate() {
		Exploration.Draw failing = exploration.draw(FAILING, PLAN, new SplittableRandom(1));
		assertThat(failing.mean()).isLessThan(failing.pooled() / 50);
		assertThat(failing.lift()).isEqualTo(-Exploration.WEIGHT, within(0.005));
		assertThat(failing.views()).isEqualTo(2_000);
	}

	@Test
	void aNewOfferDrawsAroundThePooledRateOfItsPlan() {
		SplittableRandom random = new SplittableRandom(3);
		double sum = 0;
		int above = 0;
		for (int i = 0; i < 4_000; i++) {
			Exploration.Draw draw = exploration.draw(NEW, PLAN, random);
			sum += draw.sampled();
			above += draw.lift() > 0 ? 1 : 0;
		}
		double pooled = exploration.pooledRate(PLAN);
		assertThat(sum / 4_000).isCloseTo(pooled, within(pooled * 0.1));
		assertThat(above).isBetween(1_000, 3_000);
	}

	@Test
	void aKnownOfferIsRankedOnWhatItDidWhileANewOneIsDrawnWide() {
		SplittableRandom random = new SplittableRandom(5);
		double[] proven = new double[2_000];
		double[] fresh = new double[2_000];
		for (int i = 0; i < proven.length; i++) {
			proven[i] = exploration.draw(AVERAGE, PLAN, random).lift();
			fresh[i] = exploration.draw(NEW, PLAN, random).lift();
		}
		assertThat(spread(proven)).isLessThan(spread(fresh) / 5);
		assertThat(java.util.Arrays.stream(fresh).max().orElseThrow())
			.isEqualTo(Exploration.WEIGHT * Exploration.MAX_LIFT, within(1e-12));
		assertThat(exploration.draw(PROVEN, PLAN, random).lift()).isGreaterThan(Exploration.WEIGHT);
	}

	private static double spread(double[] lifts) {
		double mean = java.util.Arrays.stream(lifts).average().orElseThrow();
		return Math.sqrt(java.util.Arrays.stream(lifts).map(lift -> (lift - mean) * (lift - mean)).average().orElseThrow());
	}

	@Test
	void theSameSeedDrawsTheSame() {
		assertThat(exploration.draw(NEW, PLAN, new SplittableRandom(9)))
			.isEqualTo(exploration.draw(NEW, PLAN, new SplittableRandom(9)));
	}

	@Test
	void priorityLiftsAZeroScoreAndIsBounded() {
		Ranker.Candidate promoted = new Ranker.Candidate(Signals.NO_ITEM, Facts.UNKNOWN, Ranker.priorityLift(50), 50, 1);
		assertThat(Ranker.score(promoted, NOTHING_KNOWN, Blend.DEFAULT).score()).isEqualTo(0.05, within(1e-12));
		assertThat(Ranker.priorityLift(100)).isEqualTo(Ranker.MAX_PRIORITY_LIFT);
		assertThat(Ranker.priorityLift(10_000)).isEqualTo(Ranker.MAX_PRIORITY_LIFT);
		assertThat(Ranker.priorityLift(-10_000)).isEqualTo(-Ranker.MAX_PRIORITY_LIFT);
	}

	/** A candidate whose signals are already summed into {@code base} (no item, so no signal adds anything). */
	private Ranker.Candidate candidate(long offer, double base, SplittableRandom random) {
		return new Ranker.Candidate(Signals.NO_ITEM, Facts.UNKNOWN,
				base + exploration.draw(offer, PLAN, random).lift(), 0, offer);
	}

}
