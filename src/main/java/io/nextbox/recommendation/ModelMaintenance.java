package io.nextbox.recommendation;

import java.time.Duration;

import io.nextbox.ordering.HistoryImported;
import io.nextbox.ordering.OrderPlaced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the model current: built in the background once the application is ready (pages never wait for it; until
 * then widgets show nothing), rebuilt on the {@code nextbox.recommendation.rebuild-cron} schedule, told of every
 * order this instance places once its transaction has committed, and reading the orders table every
 * {@code nextbox.recommendation.learn-interval} for the orders other instances placed, rebuilt when that poll learns a
 * large batch at once ({@link #retunes}).
 */
@Component
class ModelMaintenance {

	private static final Logger log = LoggerFactory.getLogger(ModelMaintenance.class);

	private final RecommendationService recommendations;

	private final TaskExecutor executor;

	private final Duration gapGrace;

	ModelMaintenance(RecommendationService recommendations,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor,
			@Value("${nextbox.recommendation.gap-grace:5m}") Duration gapGrace) {
		this.recommendations = recommendations;
		this.executor = executor;
		this.gapGrace = gapGrace;
	}

	@EventListener(ApplicationReadyEvent.class)
	void buildInTheBackground() {
		executor.execute(recommendations::rebuild);
	}

	@Scheduled(cron = "${nextbox.recommendation.rebuild-cron:0 30 3 * * *}")
	void rebuildOnSchedule() {
		recommendations.rebuild();
	}

	/** A history import changes much at once: the model is rebuilt in the background, then swapped in. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(HistoryImported imported) {
		executor.execute(recommendations::rebuild);
	}

	/** A poll that learns this many orders at once retunes the model (another instance imported a history). */
	static final int RETUNE_BATCH = 1_000;

	/** A poll that learns this share of the orders the model held retunes it too, from {@link #RETUNE_MINIMUM} on. */
	static final double RETUNE_SHARE = 0.10;

	/** Below this, a small store's ordinary orders never retune it, whatever their share. */
	static final int RETUNE_MINIMUM = 50;

	/**
	 * Learns the orders placed since the last poll; when they are many at once (an import on another instance),
	 * rebuilds in the background so the blend and the upgrade weights are tuned on them too, as on the importing
	 * instance. The rebuild is the one coalesced {@code rebuild()}: it never overlaps another.
	 */
	@Scheduled(fixedDelayString = "${nextbox.recommendation.learn-interval:5s}",
			initialDelayString = "${nextbox.recommendation.learn-interval:5s}")
	void learnNewOrders() {
		int held = recommendations.ordersLearnt();
		int learnt = recommendations.learnNewOrders(gapGrace);
		if (retunes(learnt, held)) {
			log.info("Learnt {} orders in one poll (the model held {}): rebuilding to retune", learnt, held);
			executor.execute(recommendations::rebuild);
		}
	}

	/** Whether {@code learnt} orders learnt in one poll by a model that held {@code held} call for a retune. */
	static boolean retunes(int learnt, int held) {
		return learnt >= RETUNE_BATCH || (learnt >= RETUNE_MINIMUM && learnt >= RETUNE_SHARE * held);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(OrderPlaced order) {
		recommendations.learn(order);
	}

}
