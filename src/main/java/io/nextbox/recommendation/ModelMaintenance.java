package io.nextbox.recommendation;

import java.time.Duration;

import io.nextbox.ordering.HistoryImported;
import io.nextbox.ordering.OrderPlaced;
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
 * {@code nextbox.recommendation.learn-interval} for the orders other instances placed.
 */
@Component
class ModelMaintenance {

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

	@Scheduled(fixedDelayString = "${nextbox.recommendation.learn-interval:5s}",
			initialDelayString = "${nextbox.recommendation.learn-interval:5s}")
	void learnNewOrders() {
		recommendations.learnNewOrders(gapGrace);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(OrderPlaced order) {
		recommendations.learn(order);
	}

}
