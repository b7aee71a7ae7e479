package io.nextbox.recommendation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToIntFunction;

import io.nextbox.offer.OfferEvents;
import io.nextbox.offer.OfferOutcomeCount;
import io.nextbox.recommendation.engine.Exploration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What each offer did with the subscribers of each plan over the last {@link #WINDOW}: views (impressions) and takes
 * (accepts less undos), outside the holdout, read with one query for all offers every
 * {@code nextbox.recommendation.outcomes-interval} (a minute), never per widget. The counts come per subscriber and
 * are summed per plan (the subscriber's plan as the model knows it) once per read; widgets rank with the last sum.
 */
@Component
class OfferOutcomes {

	static final Duration WINDOW = Duration.ofDays(90);

	private static final Logger log = LoggerFactory.getLogger(OfferOutcomes.class);

	private final OfferEvents events;

	private final Clock clock;

	private final double weight;

	private volatile List<OfferOutcomeCount> counts = List.of();

	private volatile Exploration summed;

	private volatile boolean read;

	private List<OfferOutcomeCount> summedFrom;

	OfferOutcomes(OfferEvents events, Clock clock,
			@Value("${nextbox.recommendation.exploration-weight:" + Exploration.WEIGHT + "}") double weight) {
		this.events = events;
		this.clock = clock;
		this.weight = weight;
		this.summed = Exploration.NONE.withWeight(weight);
	}

	double weight() {
		return weight;
	}

	/** The outcomes of the last read, per offer and plan ({@code planOf} gives a subscriber's plan). */
	Exploration current(LongToIntFunction planOf) {
		List<OfferOutcomeCount> read = counts;
		if (read != summedFrom) {
			synchronized (this) {
				if (read != summedFrom) {
					summed = sum(read, planOf);
					summedFrom = read;
				}
			}
		}
		return summed;
	}

	private Exploration sum(List<OfferOutcomeCount> read, LongToIntFunction planOf) {
		Map<Exploration.Arm, long[]> sums = new HashMap<>();
		for (OfferOutcomeCount count : read) {
			long[] sum = sums.computeIfAbsent(
					new Exploration.Arm(count.offerId(), planOf.applyAsInt(count.subscriberId())), arm -> new long[2]);
			switch (count.type()) {
				case IMPRESSION -> sum[0] += count.events();
				case ACCEPT -> sum[1] += count.events();
				case UNDO -> sum[1] -= count.events();
				default -> {
				}
			}
		}
		Map<Exploration.Arm, Exploration.Outcome> outcomes = new HashMap<>();
		sums.forEach((arm, sum) -> outcomes.put(arm, new Exploration.Outcome(sum[0], sum[1])));
		return new Exploration(outcomes, weight, Exploration.PRIOR_VIEWS);
	}

	/**
	 * Reads the outcomes unless they have been read (the model's first build does, before the model is swapped in:
	 * widgets rank only once there is a model, and then with the outcomes read).
	 */
	void readOnce() {
		if (!read) {
			refresh();
		}
	}

	/**
	 * Reads the outcomes again. The first scheduled read comes an interval after the start: the start does not
	 * wait for it, or share the CPU with it, as the model's first build reads them ({@link #readOnce()}).
	 */
	@Scheduled(fixedDelayString = "${nextbox.recommendation.outcomes-interval:60s}",
			initialDelayString = "${nextbox.recommendation.outcomes-interval:60s}")
	void refresh() {
		try {
			Instant now = clock.instant();
			counts = events.outcomesBySubscriber(now.minus(WINDOW), now.plusSeconds(1));
			read = true;
		}
		catch (RuntimeException ex) {
			log.warn("Could not read the offers' outcomes; ranking with the last read", ex);
		}
	}

}
