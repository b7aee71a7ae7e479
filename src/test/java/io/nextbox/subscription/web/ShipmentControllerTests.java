package io.nextbox.subscription.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.nextbox.catalog.PlanContent;
import io.nextbox.subscription.ActionRefusedException;
import io.nextbox.subscription.Actor;
import io.nextbox.subscription.NextBoxAddOns;
import io.nextbox.subscription.NextShipment;
import io.nextbox.subscription.Outcome;
import io.nextbox.subscription.SubscriptionDetails;
import io.nextbox.subscription.SubscriptionService;
import io.nextbox.subscription.SubscriptionSummary;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.support.NextboxWebTest;
import io.nextbox.support.TestStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The next-box page's controller alone: what the box shows, and how Remove answers a plain form and htmx. */
@NextboxWebTest(ShipmentController.class)
class ShipmentControllerTests {

	private static final long ID = 42;

	private static final String PAGE = "/portal/subscriptions/42/shipment";

	private static final Outcome REMOVED = new Outcome("outcome.addOnRemoved", "Oat Biscuits", "Fri 4 Dec 2026");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private SubscriptionService subscriptions;

	@MockitoBean
	private NextBoxAddOns addOns;

	@Autowired
	private StoreSettingsService settings;

	@BeforeEach
	void twoBoxesOfAPlanWithAnAddOn() {
		given(settings.current()).willReturn(TestStore.settings());
		given(subscriptions.details(7L, ID)).willReturn(withAddOn(false, true));
	}

	@Test
	void theBoxListsWhatThePlanDeliversAndEveryAddOnWithRemoveAndAQuantity() throws Exception {
		mvc.perform(get(PAGE).with(user(TestStore.SUBSCRIBER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("What the plan delivers"),
					containsString("4 × Ethiopia Guji 250 g"), containsString("2 × Kenya Nyeri 250 g"),
					containsString("2 × $15.00 = $30.00 per delivery"), containsString("Oat Biscuits"),
					containsString("action=\"" + PAGE + "/lines/501/remove\""),
					containsString("action=\"" + PAGE + "/lines/501/quantity\""),
					containsString("aria-label=\"Remove Oat Biscuits from this box\""))));
	}

	@Test
	void withoutQuantityChangesTheLineStillHasRemove() throws Exception {
		given(subscriptions.details(7L, ID)).willReturn(withAddOn(false, false));
		mvc.perform(get(PAGE).with(user(TestStore.SUBSCRIBER)))
			.andExpect(content().string(allOf(containsString("/lines/501/remove"),
					not(containsString("/lines/501/quantity")))));
	}

	@Test
	void aLockedBoxSaysChangesClosedAndOffersNoRemoveNorWidget() throws Exception {
		given(subscriptions.details(7L, ID)).willReturn(withAddOn(true, false));
		mvc.perform(get(PAGE).with(user(TestStore.SUBSCRIBER)))
			.andExpect(content().string(allOf(containsString("Oat Biscuits"), containsString("Changes closed on"),
					not(containsString("/remove\"")), not(containsString("/portal/widgets/NEXT_SHIPMENT")))));
	}

	@Test
	void aPlainRemoveRedirectsBackWithAMessage() throws Exception {
		given(addOns.removeLine(7L, ID, 501L, Actor.subscriber(TestStore.SUBSCRIBER.email()))).willReturn(REMOVED);
		mvc.perform(post(PAGE + "/lines/501/remove").with(user(TestStore.SUBSCRIBER)).with(csrf()))
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attribute("message", "Oat Biscuits is out of your box of Fri 4 Dec 2026."));
	}

	@Test
	void anHtmxRemoveAnswersWithTheBoxAlone() throws Exception {
		given(addOns.removeLine(7L, ID, 501L, Actor.subscriber(TestStore.SUBSCRIBER.email()))).willReturn(REMOVED);
		mvc.perform(post(PAGE + "/lines/501/remove").header("HX-Request", "true")
			.with(user(TestStore.SUBSCRIBER))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"next-box\""),
					containsString("Oat Biscuits is out of your box of Fri 4 Dec 2026."), not(containsString("<html")),
					not(containsString("/portal/widgets/NEXT_SHIPMENT")))));
	}

	@Test
	void aRefusedRemoveAnswers422WithTheReason() throws Exception {
		given(addOns.removeLine(anyLong(), anyLong(), anyLong(), any(Actor.class)))
			.willThrow(new ActionRefusedException(null, "refused.locked", "Fri 4 Dec 2026"));
		mvc.perform(post(PAGE + "/lines/501/remove").with(user(TestStore.SUBSCRIBER)).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("<html"), containsString("already being packed"))));
		mvc.perform(post(PAGE + "/lines/501/remove").header("HX-Request", "true")
			.with(user(TestStore.SUBSCRIBER))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("already being packed"), not(containsString("<html")))));
	}

	@Test
	void aQuantityThatIsNotANumberIsRefusedWithAMessage() throws Exception {
		mvc.perform(post(PAGE + "/lines/501/quantity").param("quantity", "lots")
			.with(user(TestStore.SUBSCRIBER))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("That value is not valid")));
		verifyNoInteractions(addOns);
	}

	@Test
	void aQuantityChangeRedirectsBackWithAMessage() throws Exception {
		given(addOns.changeLineQuantity(eq(7L), eq(ID), eq(501L), eq(2), any(Actor.class)))
			.willReturn(new Outcome("outcome.addOnQuantityChanged", 2, "Oat Biscuits"));
		mvc.perform(post(PAGE + "/lines/501/quantity").param("quantity", "2")
			.with(user(TestStore.SUBSCRIBER))
			.with(csrf()))
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attribute("message", "You now get 2 of Oat Biscuits in this box."));
	}

	/** The test store's subscription at quantity 2, its next box holding one add-on. */
	private static SubscriptionDetails withAddOn(boolean locked, boolean changeQuantity) {
		SubscriptionDetails base = TestStore.activeSubscription(ID);
		SubscriptionSummary s = base.subscription();
		LocalDate next = s.nextShipmentDate();
		SubscriptionSummary two = new SubscriptionSummary(s.id(), s.planName(), s.familyName(), 2, s.interval(),
				s.status(), s.startedOn(), next, null, null, new BigDecimal("30.00"), s.nextBoxLocksAt(),
				new BigDecimal("34.50"), locked, s.version());
		NextShipment box = new NextShipment(99, ID, next, s.nextBoxLocksAt(), locked, next,
				List.of(new NextShipment.Line(true, null, s.planName(), 2, new BigDecimal("15.00"),
						new BigDecimal("30.00"), null),
						new NextShipment.Line(false, 7L, "Oat Biscuits", 1, new BigDecimal("4.50"),
								new BigDecimal("4.50"), 501L)),
				new BigDecimal("34.50"),
				List.of(new PlanContent(1, "Ethiopia Guji 250 g", 2), new PlanContent(2, "Kenya Nyeri 250 g", 1)));
		SubscriptionDetails.AvailableActions actions = new SubscriptionDetails.AvailableActions(!locked, false,
				!locked, true, false, true, changeQuantity && !locked, !locked, true, false);
		return new SubscriptionDetails(two, box, null, base.planOptions(), actions,
				base.earliestDate(), base.latestDate(), 1, 10, List.of(), List.of());
	}

}
