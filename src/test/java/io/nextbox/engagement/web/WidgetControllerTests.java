package io.nextbox.engagement.web;

import java.math.BigDecimal;
import java.util.List;

import io.nextbox.engagement.BoxUpdate;
import io.nextbox.engagement.Card;
import io.nextbox.engagement.ClaimNotFoundException;
import io.nextbox.engagement.WidgetService;
import io.nextbox.offer.OfferKind;
import io.nextbox.offer.Placement;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.subscription.ActionRefusedException;
import io.nextbox.support.NextboxWebTest;
import io.nextbox.support.TestStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The widget controller alone: each widget and button, as htmx sends it and as a plain form. */
@NextboxWebTest(WidgetController.class)
class WidgetControllerTests {

	private static final Card OFFER = new Card("key-1", OfferKind.ADD_ON, "Oat Biscuits", "/img/products/treats.svg",
			new BigDecimal("5.50"), new BigDecimal("4.40"), "You added Oat Biscuits to 3 of your last 6 boxes.", null,
			false, 42);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private WidgetService widgets;

	@Autowired
	private StoreSettingsService settings;

	@BeforeEach
	void aSubscriberWithOneCard() {
		given(settings.current()).willReturn(TestStore.settings());
		given(widgets.cards(7L, Placement.DASHBOARD)).willReturn(List.of(OFFER));
		given(widgets.accept(7L, "key-1")).willReturn(new BoxUpdate(new Card("key-1", OfferKind.ADD_ON, "Oat Biscuits",
				null, new BigDecimal("5.50"), new BigDecimal("4.40"), null, null, true, 42), 42, new BigDecimal("19.40")));
		given(widgets.accept(7L, "late")).willThrow(new ActionRefusedException(null, "refused.offerEnded"));
		given(widgets.accept(7L, "someone-elses")).willThrow(new ClaimNotFoundException());
	}

	@Test
	void theWidgetIsAFragmentForHtmxAndAPageWithoutIt() throws Exception {
		mvc.perform(get("/portal/widgets/DASHBOARD").header("HX-Request", "true").with(user(TestStore.SUBSCRIBER)))
			.andExpect(view().name(WidgetController.WIDGET))
			.andExpect(content().string(allOf(containsString("Oat Biscuits"), containsString("$4.40"),
					containsString("$5.50"), containsString("3 of your last 6"), not(containsString("<html")))));
		mvc.perform(get("/portal/widgets/DASHBOARD").with(user(TestStore.SUBSCRIBER)))
			.andExpect(view().name(WidgetController.PAGE))
			.andExpect(content().string(allOf(containsString("<html"), containsString("Add to next box"))));
	}

	@Test
	void anUnknownPlacementIsABadRequest() throws Exception {
		mvc.perform(get("/portal/widgets/SIDEBAR").with(user(TestStore.SUBSCRIBER))).andExpect(status().isBadRequest());
	}

	@Test
	void addingAnswersHtmxWithTheAddedCardAndTheNewTotalOutOfBand() throws Exception {
		mvc.perform(post("/portal/widgets/add").param("key", "key-1").header("HX-Request", "true")
			.with(user(TestStore.SUBSCRIBER))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Added to your next box"),
					containsString("id=\"next-total-42\" hx-swap-oob=\"true\""), containsString("$19.40"))));
	}

	@Test
	void addingByPlainFormRedirectsBackWithAMessage() throws Exception {
		mvc.perform(post("/portal/widgets/add").param("key", "key-1").param("back", "/portal/orders")
			.with(user(TestStore.SUBSCRIBER))
			.with(csrf()))
			.andExpect(redirectedUrl("/portal/orders"))
			.andExpect(flash().attribute("message", "Oat Biscuits is in your next box."));
	}

	@Test
	void aRefusedClickSaysWhyInThePlaceOfTheCard() throws Exception {
		mvc.perform(post("/portal/widgets/add").param("key", "late").header("HX-Request", "true")
			.with(user(TestStore.SUBSCRIBER))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"offer-late\""), containsString("just ended"))));
		mvc.perform(post("/portal/widgets/add").param("key", "late").with(user(TestStore.SUBSCRIBER)).with(csrf()))
			.andExpect(redirectedUrl("/portal"))
			.andExpect(flash().attribute("error", containsString("just ended")));
	}

	@Test
	void anotherSubscribersKeyIsNotFound() throws Exception {
		mvc.perform(post("/portal/widgets/add").param("key", "someone-elses").with(user(TestStore.SUBSCRIBER))
			.with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void dismissingRemovesTheCardOrGoesBack() throws Exception {
		mvc.perform(post("/portal/widgets/dismiss").param("key", "key-1").header("HX-Request", "true")
			.with(user(TestStore.SUBSCRIBER))
			.with(csrf())).andExpect(status().isOk()).andExpect(content().string(emptyString()));
		mvc.perform(post("/portal/widgets/dismiss").param("key", "key-1").with(user(TestStore.SUBSCRIBER)).with(csrf()))
			.andExpect(redirectedUrl("/portal"));
	}

	@Test
	void aPostWithoutTheCsrfTokenDoesNothing() throws Exception {
		mvc.perform(post("/portal/widgets/add").param("key", "key-1").with(user(TestStore.SUBSCRIBER)))
			.andExpect(status().isForbidden());
	}

}
