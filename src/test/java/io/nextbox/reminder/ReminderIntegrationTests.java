package io.nextbox.reminder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nextbox.account.EmailPreferences;
import io.nextbox.engagement.WidgetService;
import io.nextbox.recommendation.RecommendationService;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestMail;
import io.nextbox.support.TestMail.Received;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The box reminder as a subscriber receives it, over GreenMail: what it says, that each box gets one whatever runs
 * it, and its links followed without a login (a GET changes nothing, a POST acts once, a bad link gets a clear 4xx
 * page).
 */
@NextboxIntegrationTest
class ReminderIntegrationTests {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/email/(add|skip|unsubscribe)\\?t=[A-Za-z0-9_.-]+");

	@Autowired
	private ReminderSender sender;

	@Autowired
	private ReminderTokens tokens;

	@Autowired
	private EmailPreferences preferences;

	@Autowired
	private WidgetService widgets;

	@Autowired
	private RecommendationService recommendations;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MockMvc mvc;

	@BeforeAll
	static void mailServer() {
		TestMail.server();
	}

	@BeforeEach
	void modelReady() {
		if (!recommendations.isReady()) {
			recommendations.rebuild();
		}
	}

	@Test
	void theReminderSaysWhenWhatIsInTheBoxAndSuggestsThreeAddOnsWithReasons() throws Exception {
		Owned owned = dueBox(false);
		LocalDate shipDate = shipDate(owned);

		ReminderRun run = sender.sendDue(List.of(owned.subscriptionId()));

		assertThat(run.sent()).isEqualTo(1);
		Received mail = TestMail.await(owned.email(), 1);
		assertThat(mail.subject()).contains(DAY.format(shipDate));
		assertThat(mail.text()).contains("Your next box ships " + DAY.format(shipDate), "You can still change it until",
				"Total");
		for (String item : planContents(owned)) {
			assertThat(mail.text()).contains(item);
			assertThat(HtmlUtils.htmlUnescape(mail.html())).contains(item);
		}
		List<String> adds = links(mail.text(), "add");
		assertThat(adds).hasSize(3);
		assertThat(links(mail.html(), "add")).hasSize(3);
		assertThat(mail.text().lines().filter(line -> line.startsWith("  ") && !line.contains("/email/add")))
			.as("a reason under each suggestion")
			.hasSize(3)
			.allSatisfy(reason -> assertThat(reason.trim()).endsWith("."));
		assertThat(links(mail.text(), "skip")).hasSize(1);
		assertThat(links(mail.text(), "unsubscribe")).hasSize(1);
		assertThat(mail.text()).contains("/portal/subscriptions/" + owned.subscriptionId());
		assertThat(jdbc.queryForObject("select count(*) from offer_event where subscriber_id = ? and placement = 'EMAIL' "
				+ "and type = 'IMPRESSION' and holdout = false", Long.class, owned.subscriberId())).isEqualTo(3);
		assertThat(jdbc.queryForObject("select status from box_reminder where subscription_id = ? and ship_date = ?",
				String.class, owned.subscriptionId(), shipDate)).isEqualTo("SENT");
	}

	@Test
	void theEmailCarriesOneClickUnsubscribeHeaders() throws Exception {
		Owned owned = dueBox(false);
		sender.sendDue(List.of(owned.subscriptionId()));
		TestMail.await(owned.email(), 1);
		MimeMessage message = rawMessageTo(owned.email());
		String listUnsubscribe = message.getHeader("List-Unsubscribe", null);
		assertThat(listUnsubscribe).matches("<http://localhost:8080/email/unsubscribe\\?t=[A-Za-z0-9_.-]+>");
		assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
	}

	@Test
	void aBoxGetsOneReminderWhenTheSenderRunsTwice() {
		Owned owned = dueBox(false);
		assertThat(sender.sendDue(List.of(owned.subscriptionId())).sent()).isEqualTo(1);
		assertThat(sender.sendDue(List.of(owned.subscriptionId())).sent()).isZero();
		TestMail.await(owned.email(), 1);
		sleep(500);
		assertThat(TestMail.to(owned.email())).hasSize(1);
	}

	@Test
	void aBoxGetsOneReminderWhenTwoInstancesRunAtOnce() throws Exception {
		List<Owned> boxes = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			boxes.add(dueBox(false));
		}
		List<Long> ids = boxes.stream().map(Owned::subscriptionId).toList();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<ReminderRun> run = () -> {
				start.await();
				return sender.sendDue(ids);
			};
			Future<ReminderRun> first = pool.submit(run);
			Future<ReminderRun> second = pool.submit(run);
			start.countDown();
			assertThat(first.get().sent() + second.get().sent()).isEqualTo(4);
		}
		finally {
			pool.shutdown();
		}
		for (Owned owned : boxes) {
			TestMail.await(owned.email(), 1);
		}
		sleep(500);
		for (Owned owned : boxes) {
			assertThat(TestMail.to(owned.email())).as(owned.email()).hasSize(1);
		}
	}

	@Test
	void openingAnAddLinkShowsTheChangeAndChangesNothing() throws Exception {
		Owned owned = dueBox(false);
		Received mail = sendAndReceive(owned);
		String add = links(mail.text(), "add").get(0);
		Suggested suggested = suggestedIn(mail.text(), 0);

		String page = mvc.perform(get(path(add))).andReturn().getResponse().getContentAsString();

		assertThat(HtmlUtils.htmlUnescape(page)).contains("Add " + suggested.title() + ", " + suggested.price()
				+ ", to your box of " + DAY.format(shipDate(owned)), "<form method=\"post\"");
		assertThat(addOnLines(owned)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from offer_claim where subscriber_id = ? and placement = 'EMAIL' "
				+ "and status = 'ISSUED'", Long.class, owned.subscriberId())).isEqualTo(3);
	}

	@Test
	void postingAnAddLinkAddsOneLineAtTheEmailsPriceAndAgainAnswersTheSame() throws Exception {
		Owned owned = dueBox(false);
		Received mail = sendAndReceive(owned);
		String add = links(mail.text(), "add").get(0);
		Suggested suggested = suggestedIn(mail.text(), 0);

		MvcResult first = mvc.perform(post("/email/add").param("t", token(add)).with(csrf())).andReturn();
		MvcResult second = mvc.perform(post("/email/add").param("t", token(add)).with(csrf())).andReturn();

		assertThat(first.getResponse().getStatus()).isEqualTo(200);
		assertThat(second.getResponse().getStatus()).isEqualTo(200);
		String answer = HtmlUtils.htmlUnescape(first.getResponse().getContentAsString());
		assertThat(answer).contains(suggested.title() + ", " + suggested.price() + ", is in your box of "
				+ DAY.format(shipDate(owned)));
		assertThat(said(second)).isEqualTo(said(first));
		assertThat(addOnLines(owned)).isEqualTo(1);
		BigDecimal unitPrice = jdbc.queryForObject("select l.unit_price from shipment_line l join shipment s "
				+ "on s.id = l.shipment_id where s.subscription_id = ? and s.status = 'OPEN'", BigDecimal.class,
				owned.subscriptionId());
		assertThat("$" + unitPrice.setScale(2)).isEqualTo(suggested.price());
		assertThat(jdbc.queryForObject("select count(*) from offer_event where subscriber_id = ? and placement = 'EMAIL' "
				+ "and type = 'ACCEPT'", Long.class, owned.subscriberId())).isEqualTo(1);
	}

	@Test
	void aTamperedLinkGetsAClearPageWithASignInLink() throws Exception {
		Owned owned = dueBox(false);
		Received mail = sendAndReceive(owned);
		String token = token(links(mail.text(), "add").get(0));
		String tampered = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);

		for (var request : List.of(get("/email/add").param("t", tampered),
				post("/email/add").param("t", tampered).with(csrf()), get("/email/skip").param("t", token),
				get("/email/add"))) {
			MvcResult result = mvc.perform(request).andReturn();
			assertThat(result.getResponse().getStatus()).isEqualTo(400);
			assertThat(result.getResponse().getContentAsString()).contains("This link is not valid",
					"href=\"/portal\"", "Sign in");
		}
		assertThat(addOnLines(owned)).isZero();
	}

	@Test
	void anExpiredLinkGetsAClearPage() throws Exception {
		Owned owned = dueBox(false);
		LocalDate shipDate = shipDate(owned);
		String expired = tokens.sign(ActionToken.skip(owned.subscriberId(), owned.subscriptionId(), shipDate,
				Instant.now().minusSeconds(60)));

		for (var request : List.of(get("/email/skip").param("t", expired),
				post("/email/skip").param("t", expired).with(csrf()))) {
			MvcResult result = mvc.perform(request).andReturn();
			assertThat(result.getResponse().getStatus()).isEqualTo(410);
			assertThat(result.getResponse().getContentAsString())
				.contains("This link expired when your box of " + DAY.format(shipDate) + " locked");
		}
		assertThat(shipDate(owned)).isEqualTo(shipDate);
	}

	@Test
	void aBoxLockedSinceTheEmailGetsAClearPage() throws Exception {
		Owned owned = dueBox(false);
		Received mail = sendAndReceive(owned);
		LocalDate tomorrow = LocalDate.now().plusDays(1);
		moveBox(owned, tomorrow);
		String add = links(mail.text(), "add").get(0);

		MvcResult result = mvc.perform(post("/email/add").param("t", token(add)).with(csrf())).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(409);
		assertThat(HtmlUtils.htmlUnescape(result.getResponse().getContentAsString())).contains("Sign in",
				"has changed since the email");
		assertThat(addOnLines(owned)).isZero();
	}

	@Test
	void theSkipLinkSkipsThatBoxOnce() throws Exception {
		Owned owned = dueBox(false);
		LocalDate shipDate = shipDate(owned);
		Received mail = sendAndReceive(owned);
		String skip = links(mail.text(), "skip").get(0);

		String page = mvc.perform(get(path(skip))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Skip your box of " + DAY.format(shipDate));
		assertThat(shipDate(owned)).isEqualTo(shipDate);

		MvcResult first = mvc.perform(post("/email/skip").param("t", token(skip)).with(csrf())).andReturn();
		MvcResult second = mvc.perform(post("/email/skip").param("t", token(skip)).with(csrf())).andReturn();

		assertThat(first.getResponse().getStatus()).isEqualTo(200);
		assertThat(first.getResponse().getContentAsString()).contains("Your box of " + DAY.format(shipDate)
				+ " is skipped");
		assertThat(second.getResponse().getStatus()).isEqualTo(200);
		assertThat(second.getResponse().getContentAsString()).contains("is skipped");
		assertThat(shipDate(owned)).isAfter(shipDate);
		assertThat(jdbc.queryForObject("select count(*) from subscription_event where subscription_id = ? "
				+ "and kind = 'SKIPPED'", Long.class, owned.subscriptionId())).isEqualTo(1);
	}

	@Test
	void oneClickUnsubscribeStopsTheNextReminder() throws Exception {
		Owned owned = dueBox(false);
		Received mail = sendAndReceive(owned);
		String unsubscribe = links(mail.text(), "unsubscribe").get(0);

		assertThat(mvc.perform(get(path(unsubscribe))).andReturn().getResponse().getContentAsString())
			.contains("Stop sending box reminder emails to " + owned.email());
		assertThat(preferences.of(owned.subscriberId()).boxReminders()).isTrue();
		// what a mail client sends for List-Unsubscribe-Post: no session, no CSRF token
		mvc.perform(post(path(unsubscribe)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("List-Unsubscribe=One-Click")).andReturn();
		assertThat(preferences.of(owned.subscriberId()).boxReminders()).isFalse();

		// the box after this one is due as well: it gets no reminder
		jdbc.update("delete from box_reminder where subscription_id = ?", owned.subscriptionId());
		assertThat(sender.sendDue(List.of(owned.subscriptionId())).sent()).isZero();
		sleep(500);
		assertThat(TestMail.to(owned.email())).hasSize(1);
	}

	@Test
	void aHoldoutSubscriberGetsTheReminderWithoutSuggestions() {
		Owned owned = dueBox(true);
		Received mail = sendAndReceive(owned);
		assertThat(links(mail.text(), "add")).isEmpty();
		assertThat(mail.text()).doesNotContain("Add to this box?");
		assertThat(links(mail.text(), "skip")).hasSize(1);
		assertThat(jdbc.queryForObject("select count(*) from offer_event where subscriber_id = ? and placement = 'EMAIL' "
				+ "and holdout = true", Long.class, owned.subscriberId())).isPositive();
	}

	@Test
	void suggestionsOffMeansNoSuggestionsAndRemindersOffNoEmail() {
		Owned noSuggestions = dueBox(false);
		preferences.choose(noSuggestions.subscriberId(), new EmailPreferences.Choices(true, false));
		Owned noReminders = dueBox(false);
		preferences.choose(noReminders.subscriberId(), new EmailPreferences.Choices(false, true));

		assertThat(sender.sendDue(List.of(noSuggestions.subscriptionId(), noReminders.subscriptionId())).sent())
			.isEqualTo(1);

		Received mail = TestMail.await(noSuggestions.email(), 1);
		assertThat(links(mail.text(), "add")).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from offer_event where subscriber_id = ? and placement = 'EMAIL'",
				Long.class, noSuggestions.subscriberId())).isZero();
		sleep(500);
		assertThat(TestMail.to(noReminders.email())).isEmpty();
	}

	@Test
	void aBoxWhoseCutoffIsFurtherOffThanTheReminderDaysGetsNothingYet() {
		Owned owned = dueBox(false);
		moveBox(owned, LocalDate.now().plusDays(20));
		assertThat(sender.sendDue(List.of(owned.subscriptionId())).due()).isZero();
	}

	private Received sendAndReceive(Owned owned) {
		assertThat(sender.sendDue(List.of(owned.subscriptionId())).sent()).isEqualTo(1);
		return TestMail.await(owned.email(), 1);
	}

	/** A fresh subscription (in the holdout or not) whose box ships in 4 days: its cutoff is within 3 days. */
	private Owned dueBox(boolean holdout) {
		Owned owned;
		do {
			owned = TestSubscriptions.freshActive(jdbc);
		}
		while (widgets.isInHoldout(owned.subscriberId()) != holdout);
		moveBox(owned, LocalDate.now().plusDays(4));
		return owned;
	}

	private void moveBox(Owned owned, LocalDate date) {
		jdbc.update("update shipment set ship_date = ? where subscription_id = ? and status = 'OPEN'", date,
				owned.subscriptionId());
		jdbc.update("update subscription set next_shipment_date = ? where id = ?", date, owned.subscriptionId());
	}

	private LocalDate shipDate(Owned owned) {
		return jdbc.queryForObject("select ship_date from shipment where subscription_id = ? and status = 'OPEN'",
				LocalDate.class, owned.subscriptionId());
	}

	private long addOnLines(Owned owned) {
		return jdbc.queryForObject("select count(*) from shipment_line l join shipment s on s.id = l.shipment_id "
				+ "where s.subscription_id = ? and s.status = 'OPEN'", Long.class, owned.subscriptionId());
	}

	private List<String> planContents(Owned owned) {
		return jdbc.queryForList("select p.name from plan_item i join product p on p.id = i.product_id "
				+ "join subscription s on s.plan_id = i.plan_id where s.id = ?", String.class, owned.subscriptionId());
	}

	private static List<String> links(String body, String action) {
		List<String> found = new ArrayList<>();
		Matcher matcher = LINK.matcher(body);
		while (matcher.find()) {
			if (matcher.group(1).equals(action)) {
				found.add(matcher.group());
			}
		}
		return found;
	}

	/** The n-th suggestion of the plain-text part: "* Oat Biscuits, $5.50". */
	private static Suggested suggestedIn(String text, int n) {
		List<Suggested> all = text.lines()
			.filter(line -> line.startsWith("* "))
			.map(line -> line.substring(2))
			.map(line -> new Suggested(line.substring(0, line.lastIndexOf(", ")),
					line.substring(line.lastIndexOf(", ") + 2)))
			.toList();
		return all.get(n);
	}

	private record Suggested(String title, String price) {
	}

	/** What the page says in its status line. */
	private static String said(MvcResult result) throws Exception {
		Matcher status = Pattern.compile("role=\"status\">\\s*<span>([^<]*)</span>")
			.matcher(result.getResponse().getContentAsString());
		assertThat(status.find()).as("a status line").isTrue();
		return HtmlUtils.htmlUnescape(status.group(1));
	}

	private static String path(String link) {
		return link.substring(link.indexOf("/email/"));
	}

	private static String token(String link) {
		return link.substring(link.indexOf("?t=") + 3);
	}

	private static MimeMessage rawMessageTo(String address) throws Exception {
		for (MimeMessage message : TestMail.server().getReceivedMessages()) {
			for (Address to : message.getAllRecipients()) {
				if (to.toString().contains(address)) {
					return message;
				}
			}
		}
		throw new AssertionError("no message to " + address);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
