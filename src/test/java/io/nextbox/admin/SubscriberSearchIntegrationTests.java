package io.nextbox.admin;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.nextbox.offer.OfferEvent;
import io.nextbox.offer.OfferEventType;
import io.nextbox.offer.OfferEvents;
import io.nextbox.offer.OfferHistoryItem;
import io.nextbox.offer.Placement;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The merchant's subscriber pages: search by name or email in any case, lists in natural order, the offer history
 * one row per offer and day, and the merchant's voice for a customer without subscriptions.
 */
@NextboxIntegrationTest
@WithUserDetails("merchant@nextbox.test")
class SubscriberSearchIntegrationTests {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private OfferEvents offerEvents;

	@Test
	void searchFindsPartOfANameOrAnEmailInAnyCaseInNaturalOrder() throws Exception {
		for (int number : new int[] { 2, 10, 100, 1000 }) {
			jdbc.update("insert into subscriber (email, first_name, last_name, created_at) values (?, ?, ?, ?)",
					"zq-natural" + number + "@support.test", "Quentin", "Zarkowski" + number,
					Timestamp.from(Instant.now()));
		}

		String byName = page("/admin/subscribers?q=ZARKOWSKI");
		assertThat(positions(byName, "zq-natural2@", "zq-natural10@", "zq-natural100@", "zq-natural1000@"))
			.isSorted()
			.doesNotContain(-1);

		String byFullName = page("/admin/subscribers?q=quentin zarkowski10");
		assertThat(byFullName).contains("zq-natural10@", "zq-natural100@", "zq-natural1000@")
			.doesNotContain("zq-natural2@");

		String byEmail = page("/admin/subscribers?q=Natural10");
		assertThat(byEmail).contains("zq-natural10@", "zq-natural100@", "zq-natural1000@")
			.doesNotContain("zq-natural2@");

		assertThat(page("/admin/subscribers?q=nobody-by-this-name")).contains("No subscriber matches.");
	}

	@Test
	void aCustomerWithoutSubscriptionsIsDescribedInTheMerchantsVoice() throws Exception {
		jdbc.update("insert into subscriber (email, first_name, last_name, created_at) values (?, 'Imported', "
				+ "'Customer', ?)", "imported-no-subscription@support.test", Timestamp.from(Instant.now()));
		Long id = jdbc.queryForObject("select id from subscriber where email = ?", Long.class,
				"imported-no-subscription@support.test");
		assertThat(page("/admin/subscribers/" + id)).contains("No subscriptions yet.")
			.doesNotContain("You have no subscriptions yet");
	}

	@Test
	void theOfferHistoryIsOneRowPerOfferAndDayWithCounts() throws Exception {
		Owned owned = TestSubscriptions.freshActive(jdbc);
		long offerId = jdbc.queryForObject("select min(id) from offer", Long.class);
		LocalDate day = LocalDate.now().plusYears(1);
		Instant noon = day.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant();
		List<OfferEvent> events = new ArrayList<>();
		for (OfferEventType type : List.of(OfferEventType.IMPRESSION, OfferEventType.IMPRESSION,
				OfferEventType.IMPRESSION, OfferEventType.ACCEPT, OfferEventType.UNDO, OfferEventType.DISMISS)) {
			events.add(new OfferEvent(offerId, owned.subscriberId(), owned.subscriptionId(), null, Placement.DASHBOARD,
					type, BigDecimal.ONE, false, noon.plusSeconds(events.size() * 60L)));
		}
		events.add(new OfferEvent(offerId, owned.subscriberId(), owned.subscriptionId(), null, Placement.DASHBOARD,
				OfferEventType.IMPRESSION, BigDecimal.ONE, false, noon.plusSeconds(86_400)));
		offerEvents.record(events);

		List<OfferHistoryItem> thatDay = offerEvents.historyOf(owned.subscriberId(), 500)
			.stream()
			.filter(row -> row.day().equals(day))
			.toList();
		assertThat(thatDay).singleElement().satisfies(row -> {
			assertThat(row.impressions()).isEqualTo(3);
			assertThat(row.accepts()).isEqualTo(1);
			assertThat(row.undos()).isEqualTo(1);
			assertThat(row.dismissals()).isEqualTo(1);
		});
		assertThat(offerEvents.historyOf(owned.subscriberId(), 500))
			.filteredOn(row -> row.day().equals(day.plusDays(1)))
			.singleElement()
			.satisfies(row -> assertThat(row.impressions()).isEqualTo(1));
		assertThat(page("/admin/subscribers/" + owned.subscriberId())).containsOnlyOnce(DAY.format(day));
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static List<Integer> positions(String html, String... texts) {
		List<Integer> positions = new ArrayList<>();
		for (String text : texts) {
			positions.add(html.indexOf(text));
		}
		return positions;
	}

}
