package io.nextbox.subscription.web;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import io.nextbox.subscription.ActionNotOfferedException;
import io.nextbox.subscription.ActionRefusedException;
import io.nextbox.subscription.Actor;
import io.nextbox.subscription.CancelAttempts;
import io.nextbox.subscription.Outcome;
import io.nextbox.subscription.Seen;
import io.nextbox.subscription.SubscriptionActions;
import io.nextbox.subscription.SubscriptionChangedException;
import io.nextbox.subscription.SubscriptionDetails;
import io.nextbox.subscription.SubscriptionNotFoundException;
import io.nextbox.subscription.SubscriptionService;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.support.NextboxWebTest;
import io.nextbox.support.TestStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The subscription page's controller alone: how each action answers a plain form and an htmx request. */
@NextboxWebTest(SubscriptionController.class)
class SubscriptionControllerTests {

	private static final long ID = 42;

	private static final Outcome DONE = new Outcome("outcome.quantityChanged", 2);

	/** Each action's path and a valid form for it. */
	static Stream<String> actions() {
		return Stream.of("skip version=5 shipDate=2031-04-01", "unskip version=5",
				"reschedule version=5 date=2031-05-01", "pause version=5 until=2031-05-01", "resume version=5",
				"interval version=5 count=3 unit=WEEK", "quantity version=5 quantity=2", "plan version=5 planId=2",
				"reactivate version=5");
	}

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private SubscriptionService subscriptions;

	@MockitoBean
	private SubscriptionActions subscriptionActions;

	@MockitoBean
	private CancelAttempts cancelAttempts;

	@Autowired
	private StoreSettingsService settings;

	@BeforeEach
	void aSubscriberWithAnActiveSubscription() {
		given(settings.current()).willReturn(TestStore.settings());
		given(subscriptions.details(7L, ID)).willReturn(TestStore.activeSubscription(ID));
		given(subscriptionActions.skip(anyLong(), anyLong(), any(), any(Actor.class))).willReturn(DONE);
		given(subscriptionActions.unskip(anyLong(), anyLong(), any(), any(Actor.class))).willReturn(DONE);
		given(subscriptionActions.reschedule(anyLong(), anyLong(), any(), any(), any(Actor.class))).willReturn(DONE);
		given(subscriptionActions.pause(anyLong(), anyLong(), any(), any(), any(Actor.class))).willReturn(DONE);
		given(subscriptionActions.resume(anyLong(), anyLong(), any(), any(Actor.class))).willReturn(DONE);
		given(subscriptionActions.changeInterval(anyLong(), anyLong(), any(), any(), any(), any(Actor.class)))
			.willReturn(DONE);
		given(subscriptionActions.changeQuantity(anyLong(), anyLong(), any(), any(), any(Actor.class))).willReturn(DONE);
		given(subscriptionActions.changePlan(anyLong(), anyLong(), any(), any(Seen.class), any(Actor.class)))
			.willReturn(DONE);
		given(subscriptionActions.reactivate(anyLong(), anyLong(), any(), any(Actor.class))).willReturn(DONE);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("actions")
	void aPlainFormRedirectsBackWithTheMessage(String action) throws Exception {
		mvc.perform(form(action))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/portal/subscriptions/" + ID))
			.andExpect(flash().attribute("message", "You now get 2 per delivery, starting with your next box."));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("actions")
	void anHtmxRequestGetsThePanelWithTheMessage(String action) throws Exception {
		mvc.perform(form(action).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(view().name(SubscriptionController.PANEL))
			.andExpect(content().string(allOf(containsString("id=\"subscription-panel\""),
					containsString("You now get 2 per delivery"), not(containsString("<html")))));
	}

	@Test
	void aRefusedChangeAnswers422WithTheReasonAtTheField() throws Exception {
		given(subscriptionActions.changeQuantity(anyLong(), anyLong(), eq(11), any(), any(Actor.class)))
			.willThrow(new ActionRefusedException("quantity", "refused.quantityRange", 1, 10));
		mvc.perform(form("quantity version=5 quantity=11").header("HX-Request", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Choose a quantity from 1 to 10."),
					containsString("class=\"field-error\""))));
	}

	@Test
	void textWhereANumberBelongsIsRefusedWithoutCallingTheService() throws Exception {
		mvc.perform(form("quantity version=5 quantity=lots"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter a whole number.")));
		verifyNoInteractions(subscriptionActions);
	}

	@Test
	void anotherSubscribersSubscriptionIsNotFound() throws Exception {
		given(subscriptionActions.skip(anyLong(), eq(43L), any(), any(Actor.class)))
			.willThrow(new SubscriptionNotFoundException(43));
		mvc.perform(post("/portal/subscriptions/43/skip").with(user(TestStore.SUBSCRIBER)).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void aSwitchedOffActionIsForbidden() throws Exception {
		given(subscriptionActions.skip(anyLong(), anyLong(), any(), any(Actor.class)))
			.willThrow(new ActionNotOfferedException("skip"));
		mvc.perform(form("skip version=5 shipDate=2031-04-01")).andExpect(status().isForbidden());
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "", "/reschedule", "/interval", "/pause" })
	void everyFormOnAPageNamesTheVersionItActsOn(String page) throws Exception {
		String html = page(page).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		int postForms = html.split("<form method=\"post\"", -1).length - 1;
		assertThat(postForms).isPositive();
		assertThat(html.split("<input type=\"hidden\" name=\"version\" value=\"5\">", -1).length - 1)
			.isEqualTo(postForms);
	}

	@Test
	void theSubscriptionPageKeepsSkipAndQuantityAndLinksTheRarerChangesToTheirPages() throws Exception {
		String html = page("").andReturn().getResponse().getContentAsString();
		assertThat(html).contains("<input type=\"hidden\" name=\"shipDate\" value=\""
				+ TestStore.activeSubscription(ID).nextShipment().shipDate() + "\">", "id=\"quantity\"");
		for (String change : new String[] { "reschedule", "interval", "pause", "plan" }) {
			assertThat(html).contains("href=\"/portal/subscriptions/" + ID + "/" + change + "\"",
					"hx-get=\"/portal/subscriptions/" + ID + "/" + change + "\"");
		}
		assertThat(html).doesNotContain("id=\"pause-until\"", "id=\"reschedule-date\"", "id=\"interval-count\"",
				"name=\"planId\"");
	}

	@Test
	void aChangePageIsAPageOfItsOwnAndItsHtmxTwinTheCardAlone() throws Exception {
		page("/pause").andExpect(view().name(SubscriptionController.CHANGE_VIEW))
			.andExpect(content().string(allOf(containsString("<html"), containsString("<h1>Take a break</h1>"),
					containsString("id=\"pause-until\""), containsString("action=\"/portal/subscriptions/42/pause\""),
					not(containsString("hx-post")))));
		page("/pause").andExpect(content().string(containsString("href=\"/portal/subscriptions/42\"")));
		mvc.perform(get("/portal/subscriptions/" + ID + "/pause").header("HX-Request", "true")
			.with(user(TestStore.SUBSCRIBER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"action-pause\""),
					containsString("hx-post=\"/portal/subscriptions/42/pause\""), not(containsString("<html")))));
		page("/plan").andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Change plan</h1>"),
					containsString("name=\"planId\" value=\"2\""), containsString("$13.00 more per delivery"))));
	}

	@Test
	void aChangeNotOfferedNowSendsBackToTheSubscriptionPage() throws Exception {
		SubscriptionDetails active = TestStore.activeSubscription(ID);
		given(subscriptions.details(7L, ID)).willReturn(new SubscriptionDetails(active.subscription(),
				active.nextShipment(), null, active.planOptions(),
				new SubscriptionDetails.AvailableActions(true, false, true, false, false, true, true, true, true, false),
				active.earliestDate(), active.latestDate(), 1, 10, List.of(), List.of()));
		page("/pause").andExpect(status().isFound()).andExpect(redirectedUrl("/portal/subscriptions/" + ID));
	}

	@Test
	void aRefusedChangeFromItsPageAnswersThatPageWithTheReasonAtTheField() throws Exception {
		given(subscriptionActions.pause(anyLong(), anyLong(), any(), any(), any(Actor.class)))
			.willThrow(new ActionRefusedException("until", "refused.dateTooSoon", "1 Jan 2031"));
		mvc.perform(form("pause version=5 until=2020-01-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name(SubscriptionController.CHANGE_VIEW))
			.andExpect(content().string(allOf(containsString("<h1>Take a break</h1>"),
					containsString("class=\"field-error\""), containsString("Choose a date on or after 1 Jan 2031."),
					containsString("value=\"2020-01-01\""))));
		mvc.perform(form("pause version=5 until=2020-01-01").header("HX-Request", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(header().string("HX-Retarget", "#action-pause"))
			.andExpect(header().string("HX-Reswap", "outerHTML"))
			.andExpect(content().string(allOf(containsString("id=\"action-pause\""),
					containsString("class=\"field-error\""), not(containsString("<html")))));
		mvc.perform(form("interval version=5 count=many unit=WEEK"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("<h1>How often your boxes come</h1>"),
					containsString("Enter a whole number."))));
		mvc.perform(get("/portal/subscriptions/" + ID + "/plan").param("planId", "1")
			.with(user(TestStore.SUBSCRIBER)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("<h1>Change plan</h1>"),
					containsString("class=\"field-error\""))));
	}

	private ResultActions page(String page) throws Exception {
		return mvc.perform(get("/portal/subscriptions/" + ID + page).with(user(TestStore.SUBSCRIBER)));
	}

	@Test
	void theVersionAndTheBoxOfTheFormReachTheAction() throws Exception {
		mvc.perform(form("skip version=5 shipDate=2031-04-01")).andExpect(status().isFound());
		verify(subscriptionActions).skip(7L, ID, new Seen(5L, LocalDate.of(2031, 4, 1)),
				Actor.subscriber(TestStore.SUBSCRIBER.email()));
		mvc.perform(form("quantity quantity=2")).andExpect(status().isFound());
		verify(subscriptionActions).changeQuantity(7L, ID, 2, new Seen(null, null),
				Actor.subscriber(TestStore.SUBSCRIBER.email()));
	}

	static Stream<RuntimeException> changesThatLostARace() {
		return Stream.of(new SubscriptionChangedException(ID),
				new ObjectOptimisticLockingFailureException("Subscription", ID),
				new CannotAcquireLockException("Timeout trying to lock table"),
				new PessimisticLockingFailureException("Deadlock detected"));
	}

	@ParameterizedTest
	@MethodSource("changesThatLostARace")
	void aChangeThatLostARaceAnswers409WithTheSubscriptionAsItIsNow(RuntimeException lost) throws Exception {
		given(subscriptionActions.changeQuantity(anyLong(), anyLong(), any(), any(), any(Actor.class))).willThrow(lost);
		mvc.perform(form("quantity version=4 quantity=3").header("HX-Request", "true"))
			.andExpect(status().isConflict())
			.andExpect(view().name(SubscriptionController.PANEL))
			.andExpect(content().string(allOf(containsString("This subscription changed a moment ago; here it is now."),
					containsString("name=\"version\" value=\"5\""), not(containsString("value=\"4\"")),
					not(containsString("value=\"3\"")), not(containsString("<html")))));
		mvc.perform(form("quantity version=4 quantity=3"))
			.andExpect(status().isConflict())
			.andExpect(view().name(SubscriptionController.VIEW))
			.andExpect(content().string(allOf(containsString("This subscription changed a moment ago; here it is now."),
					containsString("<html"))));
	}

	@Test
	void aCancelThatLostARaceShowsTheSubscriptionAsItIsNow() throws Exception {
		given(subscriptionActions.cancel(anyLong(), anyLong(), any(), any(), any(), any(Actor.class)))
			.willThrow(new SubscriptionChangedException(ID));
		mvc.perform(form("cancel version=4 reason=MOVING"))
			.andExpect(status().isConflict())
			.andExpect(view().name(SubscriptionController.VIEW))
			.andExpect(content().string(containsString("This subscription changed a moment ago; here it is now.")));
	}

	@Test
	void theReviewOfAPlanChangeStatesTheDifference() throws Exception {
		mvc.perform(get("/portal/subscriptions/" + ID + "/plan").param("planId", "2")
			.header("HX-Request", "true")
			.with(user(TestStore.SUBSCRIBER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("$13.00 more"), containsString("Confirm change"))));
	}

	@Test
	void aPostWithoutTheCsrfTokenChangesNothing() throws Exception {
		mvc.perform(post("/portal/subscriptions/" + ID + "/skip").with(user(TestStore.SUBSCRIBER)))
			.andExpect(status().isForbidden());
		verifyNoInteractions(subscriptionActions);
	}

	/** A form POST described as {@code "action name=value ..."}. */
	private static MockHttpServletRequestBuilder form(String action) {
		String[] parts = action.split(" ");
		MockHttpServletRequestBuilder request = post("/portal/subscriptions/" + ID + "/" + parts[0])
			.with(user(TestStore.SUBSCRIBER))
			.with(csrf());
		for (int i = 1; i < parts.length; i++) {
			String[] field = parts[i].split("=", 2);
			request.param(field[0], field[1]);
		}
		return request;
	}

}
