package io.nextbox.recommendation.engine;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A product with little history of its own starts where the customer's liking for its category puts it. */
class PriorTests {

	private static final int TEA = 0;

	private static final int GEAR = 1;

	private static final int EARL_GREY = 0;

	private static final int ROOIBOS = 1;

	private static final int KETTLE = 2;

	private static final Blend BLEND = Blend.of(0.5, 0.3, 0.2);

	@Test
	void aNeverSoldProductOfALikedCategoryScoresAboveZero() {
		Ranker.Context context = teaDrinker(facts());

		Ranker.Scored newTea = Ranker.score(candidate(new Facts(TEA, 6.0)), context, BLEND);
		Ranker.Scored newGear = Ranker.score(candidate(new Facts(GEAR, 6.0)), context, BLEND);

		assertThat(newTea.score()).isGreaterThan(0.1);
		assertThat(newTea.signals().prior()).isEqualTo(1.0);
		// nothing the tea drinker buys is gear: the prior gives a new kettle nothing
		assertThat(newGear.score()).isZero();
	}

	@Test
	void aPriceFarFromWhatTheCustomerUsuallyPaysLowersThePrior() {
		Ranker.Context context = teaDrinker(facts());

		double nearPrice = Ranker.score(candidate(new Facts(TEA, 6.0)), context, BLEND).score();
		double tenTimes = Ranker.score(candidate(new Facts(TEA, 60.0)), context, BLEND).score();

		assertThat(tenTimes).isPositive().isLessThan(nearPrice * 0.6);
	}

	@Test
	void withoutACatalogueNothingMoves() {
		Ranker.Context context = teaDrinker(ItemFacts.NONE);

		assertThat(Ranker.score(Ranker.Candidate.of(Signals.NO_ITEM), context, BLEND).score()).isZero();
		Signals rooibos = Signals.of(ROOIBOS, context);
		assertThat(rooibos.prior()).isZero();
		assertThat(rooibos.values()).isEqualTo(rooibos.own());
	}

	@Test
	void anItemWithHistoryKeepsMostlyItsOwnSignals() {
		Ranker.Context context = teaDrinker(facts());

		Signals earlGrey = Signals.of(EARL_GREY, context);

		// Earl Grey is in 12 baskets of 13: its prior share is 20 / 32
		assertThat(earlGrey.prior()).isEqualTo(20.0 / 32);
		assertThat(earlGrey.values()[0]).isGreaterThan(0.5);
	}

	/** Six boxes of Earl Grey, half of them with Rooibos, and other customers' the same. */
	private static Ranker.Context teaDrinker(ItemFacts facts) {
		BasketStats stats = new BasketStats();
		List<Basket> history = List.of(basket(0, EARL_GREY, ROOIBOS), basket(7, EARL_GREY), basket(14, EARL_GREY, ROOIBOS),
				basket(21, EARL_GREY), basket(28, EARL_GREY, ROOIBOS), basket(35, EARL_GREY));
		for (Basket basket : history) {
			stats.add(basket.items(), 0);
			stats.add(basket.items(), 0);
		}
		stats.add(new int[] { KETTLE }, 0);
		return new Ranker.Context(Profile.of(history, 40, Profile.HALF_LIFE_DAYS, facts), stats, 0, facts);
	}

	private static ItemFacts facts() {
		return ItemFacts.of(new Facts[] { new Facts(TEA, 5.0), new Facts(TEA, 7.0), new Facts(GEAR, 40.0) });
	}

	private static Ranker.Candidate candidate(Facts facts) {
		return new Ranker.Candidate(Signals.NO_ITEM, facts, 0, 0, 99);
	}

	private static Basket basket(int day, int... items) {
		return new Basket(1, day, items);
	}

}
