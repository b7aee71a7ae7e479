package io.nextbox.engagement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nextbox.catalog.CatalogService;
import io.nextbox.offer.OfferEvents;
import io.nextbox.offer.OfferService;
import io.nextbox.offer.Placement;
import io.nextbox.recommendation.RecommendationService;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.subscription.NextBoxAddOns;
import io.nextbox.subscription.SubscriberContext;
import io.nextbox.subscription.SubscriptionActions;
import io.nextbox.subscription.SubscriptionService;
import io.nextbox.support.MovingClock;
import io.nextbox.support.TestStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The recommender is asked on the request's thread; when it fails, or is slow again after a slow answer, the widget
 * shows nothing, counts it, and the page is unharmed.
 */
class WidgetServiceTests {

	private final RecommendationService recommendations = mock(RecommendationService.class);

	private final SubscriptionService subscriptions = mock(SubscriptionService.class);

	private final ClaimRepository claims = mock(ClaimRepository.class);

	private final StoreSettingsService settings = mock(StoreSettingsService.class);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private WidgetService widgets;

	@BeforeEach
	void aWidgetWithAnUnreliableRecommender() {
		given(settings.current()).willReturn(TestStore.settings());
		given(subscriptions.contextOf(7L)).willReturn(Optional.of(new SubscriberContext(7, 42, 1, 1,
				LocalDate.of(2026, 1, 1), 99L, LocalDate.of(2026, 12, 10), Set.of())));
		widgets = widgetWith(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
	}

	private WidgetService widgetWith(Clock clock) {
		return new WidgetService(recommendations, subscriptions, mock(SubscriptionActions.class),
				mock(NextBoxAddOns.class), mock(OfferService.class), mock(OfferEvents.class), mock(CatalogService.class),
				claims, settings, clock, new SimpleAsyncTaskExecutor(), mock(PlatformTransactionManager.class), meters,
				mock(AcceptedUpgrades.class), new CardKeys("", Duration.ofDays(3)),
				mock(io.nextbox.offer.OfferEventBatches.class), mock(ClaimInserts.class));
	}

	@Test
	void aFailingRecommenderShowsNothing() {
		given(recommendations.recommend(any(SubscriberContext.class), eq(Placement.DASHBOARD), anyInt()))
			.willThrow(new IllegalStateException("model corrupt"));
		assertThat(widgets.cards(7, Placement.DASHBOARD)).isEmpty();
		assertThat(meters.counter("nextbox.widget.failures").count()).isEqualTo(1);
		verifyNoInteractions(claims);
	}

	@Test
	void aRecommenderInTimeIsAskedOnTheRequestsThread() {
		Thread request = Thread.currentThread();
		given(recommendations.recommend(any(SubscriberContext.class), eq(Placement.DASHBOARD), anyInt())).willAnswer(call -> {
			assertThat(Thread.currentThread()).as("the thread the recommender runs on").isSameAs(request);
			return List.of();
		});
		assertThat(widgets.cards(7, Placement.DASHBOARD)).isEmpty();
		assertThat(meters.counter("nextbox.widget.failures").count()).isZero();
	}

	@Test
	void afterSlowAnswersASlowRecommenderShowsNothingWithinTheTimeout() {
		given(recommendations.recommend(any(SubscriberContext.class), eq(Placement.DASHBOARD), anyInt())).willAnswer(call -> {
			Thread.sleep(WidgetService.HELD_UP.toMillis() + 100);
			return List.of();
		});
		// slow answers are waited for (they ran on the request's thread): not failures
		for (int answer = 0; answer < WidgetService.SLOW_ANSWERS; answer++) {
			widgets.cards(7, Placement.DASHBOARD);
		}
		assertThat(meters.counter("nextbox.widget.failures").count()).isZero();

		given(recommendations.recommend(any(SubscriberContext.class), eq(Placement.DASHBOARD), anyInt())).willAnswer(call -> {
			Thread.sleep(2_000);
			return List.of();
		});
		long started = System.nanoTime();
		assertThat(widgets.cards(7, Placement.DASHBOARD)).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_500));
		// counted as a failure: the widget gave up waiting (an answer in time would not count)
		assertThat(meters.counter("nextbox.widget.failures").count()).isEqualTo(1);
	}

	@Test
	void oneSlowAnswerAloneIsAColdStartAndChangesNothing() {
		given(recommendations.recommend(any(SubscriberContext.class), eq(Placement.DASHBOARD), anyInt())).willAnswer(call -> {
			Thread.sleep(WidgetService.HELD_UP.toMillis() + 100);
			return List.of();
		});
		widgets.cards(7, Placement.DASHBOARD);
		Thread request = Thread.currentThread();
		given(recommendations.recommend(any(SubscriberContext.class), eq(Placement.DASHBOARD), anyInt())).willAnswer(call -> {
			assertThat(Thread.currentThread()).as("the thread the recommender runs on").isSameAs(request);
			return List.of();
		});
		widgets.cards(7, Placement.DASHBOARD);
		assertThat(meters.counter("nextbox.widget.failures").count()).isZero();
	}

	@Test
	void theRecommenderIsAskedOnTheRequestsThreadAgainAfterTheGuardedTime() {
		MovingClock clock = new MovingClock(Instant.parse("2026-11-25T10:00:00Z"));
		widgets = widgetWith(clock);
		given(recommendations.recommend(any(SubscriberContext.class), eq(Placement.DASHBOARD), anyInt())).willAnswer(call -> {
			Thread.sleep(WidgetService.HELD_UP.toMillis() + 100);
			return List.of();
		});
		for (int answer = 0; answer < WidgetService.SLOW_ANSWERS; answer++) {
			widgets.cards(7, Placement.DASHBOARD);
		}
		clock.move(WidgetService.GUARDED_FOR.plusSeconds(1));
		Thread request = Thread.currentThread();
		given(recommendations.recommend(any(SubscriberContext.class), eq(Placement.DASHBOARD), anyInt())).willAnswer(call -> {
			assertThat(Thread.currentThread()).as("the thread the recommender runs on").isSameAs(request);
			return List.of();
		});
		widgets.cards(7, Placement.DASHBOARD);
		assertThat(meters.counter("nextbox.widget.failures").count()).isZero();
	}

	@Test
	void aSubscriberWithoutAnActiveSubscriptionSeesNothing() {
		assertThat(widgets.cards(8, Placement.DASHBOARD)).isEmpty();
		verifyNoInteractions(recommendations);
	}

}
