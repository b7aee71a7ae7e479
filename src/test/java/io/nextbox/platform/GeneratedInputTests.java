package io.nextbox.platform;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.Interval;
import io.nextbox.catalog.NewPlan;
import io.nextbox.catalog.NewProduct;
import io.nextbox.catalog.ProductCategory;
import io.nextbox.engagement.Card;
import io.nextbox.engagement.WidgetService;
import io.nextbox.offer.DiscountType;
import io.nextbox.offer.OfferDraft;
import io.nextbox.offer.OfferEventBatches;
import io.nextbox.offer.OfferKind;
import io.nextbox.offer.OfferService;
import io.nextbox.offer.Placement;
import io.nextbox.recommendation.RecommendationService;
import io.nextbox.store.StoreSettings;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.support.NextboxIntegrationTest;
import io.nextbox.support.TestSubscriptions;
import io.nextbox.support.TestSubscriptions.Owned;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every form of the portal and the admin, posted with generated values: strings with NUL and other control
 * characters, unicode, {@code %} and {@code _}, very long text, huge and negative numbers, ids that are not
 * there or someone else's, wrong enum names, empty and missing fields, a field sent twice, with and without
 * htmx. Whatever is sent, the answer is never a 5xx, and a refusal (4xx) changes nothing in the database.
 * <p>
 * The widgets' one-click add-ons are posted by the same subscriber as the subscription actions, so a skip also
 * meets a box that holds add-ons.
 * <p>
 * jqwik runs these on the JUnit Platform beside Jupiter; the Spring context is the one every integration test
 * shares ({@link NextboxIntegrationTest}), obtained through a {@link TestContextManager} for this class. What
 * the tries create or switch on is put back after each try, so the demo store stays as other tests expect it.
 */
@NextboxIntegrationTest
class GeneratedInputTests {

	private static final TestContextManager SPRING = new TestContextManager(GeneratedInputTests.class);

	/** What a merchant's form can change: every row of these is in the fingerprint. */
	private static final List<String> STORE_TABLES = List.of("store_settings", "plan_family", "product", "plan",
			"plan_item", "offer", "offer_placement", "offer_target_plan", "offer_target_family");

	/**
	 * What a subscriber's form can change, in the rows of this test's subscribers ({@code ?} is the subscriber).
	 * Everything else a subscriber could touch is someone else's, and that is refused before any query.
	 */
	private static final List<String> SUBSCRIBER_ROWS = List.of(
			"select * from subscription where subscriber_id = ?",
			"select * from shipment where subscription_id in (select id from subscription where subscriber_id = ?)",
			"select l.* from shipment_line l join shipment s on s.id = l.shipment_id "
					+ "where s.subscription_id in (select id from subscription where subscriber_id = ?)",
			"select * from offer_claim where subscriber_id = ?",
			"select * from subscriber where id = ?",
			"select email, password_hash, display_name from account where id = (select account_id from subscriber where id = ?)");

	/** Tables only ever added to: their size is in the fingerprint. */
	private static final List<String> GROWING_TABLES = List.of("account", "subscriber", "subscription_event",
			"orders", "order_line", "offer_event", "history_import");

	/** Stands for a key the subscriber was really shown, looked up when the submission is sent. */
	private static final String CARD = "(a card's key)";

	private static final AtomicInteger TRIES = new AtomicInteger();

	private static final AtomicLong FINGERPRINT_NANOS = new AtomicLong();

	private static final AtomicLong REQUEST_NANOS = new AtomicLong();

	private static final Map<Integer, AtomicInteger> STATUSES = new TreeMap<>();

	private static Fixture fixture;


	/** Impressions are written off the request thread: flushed before each fingerprint, so each is a still picture. */

	private static OfferEventBatches batches;

	private record Fixture(MockMvc mvc, JdbcTemplate jdbc, UserDetailsService users, WidgetService widgets,
			StoreSettingsService settings, StoreSettings originalSettings, Owned subscriber, Owned other,
			long productId, long planId, long offerId, long maxPlanId, long maxOfferId) {
	}

	/** One form: where it posts, who may post it, and a plausible value for each of its fields. */
	private record Form(String name, boolean get, String path, boolean merchant, Map<String, Arbitrary<String>> fields) {
	}

	/** One generated submission of a form. */
	record Submission(Form form, String id, Map<String, List<String>> params, boolean htmx) {

		@Override
		public String toString() {
			return (form.get ? "GET " : "POST ") + form.path.replace("{id}", id) + " " + params + (htmx ? " (htmx)" : "");
		}

	}

	@BeforeContainer
	static void theSharedContext() throws Exception {
		ApplicationContext context = SPRING.getTestContext().getApplicationContext();
		RecommendationService recommendations = context.getBean(RecommendationService.class);
		if (!recommendations.isReady()) {
			recommendations.rebuild();
		}
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		CatalogService catalog = context.getBean(CatalogService.class);
		StoreSettingsService settings = context.getBean(StoreSettingsService.class);
		long family = jdbc.queryForObject("select min(id) from plan_family", Long.class);
		long product = catalog.createProduct(new NewProduct("FUZZ-PRODUCT", "Fuzz product", "", "",
				ProductCategory.GEAR, new BigDecimal("5.00"), true, true));
		long plan = catalog.createPlan(new NewPlan(family, "FUZZ-PLAN", "Fuzz plan", "", 99, new BigDecimal("30.00"),
				Interval.weeks(4), Map.of(product, 1)));
		catalog.retirePlan(plan);
		long offer = context.getBean(OfferService.class)
			.create(new OfferDraft("Fuzz offer", OfferKind.ADD_ON, product, null, DiscountType.NONE, null,
					Set.of(Placement.CANCEL_FLOW), Set.of(), Set.of(), 1000, 3650, true, null, null, 0));
		batches = context.getBean(OfferEventBatches.class);
		fixture = new Fixture(context.getBean(MockMvc.class), jdbc, context.getBean(UserDetailsService.class),
				context.getBean(WidgetService.class), settings, settings.current(), TestSubscriptions.freshActive(jdbc),
				TestSubscriptions.freshActive(jdbc), product, plan, offer,
				jdbc.queryForObject("select max(id) from plan", Long.class),
				jdbc.queryForObject("select max(id) from offer", Long.class));
	}

	@AfterContainer
	static void howItWent() {
		System.out.printf("Generated input: %d submissions, answers by status: %s; %d ms in requests, %d ms reading "
				+ "the database's fingerprint before them%n", TRIES.get(), STATUSES, REQUEST_NANOS.get() / 1_000_000,
				FINGERPRINT_NANOS.get() / 1_000_000);
	}

	/** What a try created or switched on goes back, so that other tests find the demo store as it was. */
	@AfterTry
	void putBackWhatATryChanged() {
		fixture.settings.update(fixture.originalSettings);
		fixture.jdbc.update("update offer set status = 'PAUSED' where id > ? and status = 'ACTIVE'", fixture.maxOfferId);
		fixture.jdbc.update("update offer set status = 'PAUSED' where id = ? and status = 'ACTIVE'", fixture.offerId);
		fixture.jdbc.update("update plan set retired = true where id > ?", fixture.maxPlanId);
		fixture.jdbc.update("update plan set retired = true where id = ?", fixture.planId);
	}

	@Property(tries = 120, shrinking = ShrinkingMode.OFF)
	void adminFormsNeverAnswer5xxAndARefusalChangesNothing(@ForAll("admin") Submission submission) throws Exception {
		check(submission);
	}

	@Property(tries = 120, shrinking = ShrinkingMode.OFF)
	void portalFormsNeverAnswer5xxAndARefusalChangesNothing(@ForAll("portal") Submission submission) throws Exception {
		check(submission);
	}

	private void check(Submission submission) throws Exception {
		MockHttpServletRequestBuilder request = request(submission);
		long start = System.nanoTime();
		String before = fingerprint();
		long sent = System.nanoTime();
		MvcResult result;
		try {
			result = fixture.mvc.perform(request).andReturn();
		}
		catch (Exception unhandled) {
			throw new AssertionError(submission + " answered 500: " + unhandled, unhandled);
		}
		int status = result.getResponse().getStatus();
		FINGERPRINT_NANOS.addAndGet(sent - start);
		REQUEST_NANOS.addAndGet(System.nanoTime() - sent);
		TRIES.incrementAndGet();
		synchronized (STATUSES) {
			STATUSES.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
		}
		assertThat(status).as("%s answered %s", submission, result.getResolvedException()).isLessThan(500);
		if (status >= 400 && !submission.form.get) {
			assertThat(fingerprint()).as("%s was refused with %d but changed the database", submission, status)
				.isEqualTo(before);
		}
	}

	private MockHttpServletRequestBuilder request(Submission submission) {
		URI uri = UriComponentsBuilder.fromPath(submission.form.path).buildAndExpand(submission.id).encode().toUri();
		MockHttpServletRequestBuilder request = submission.form.get ? get(uri) : post(uri).with(csrf());
		submission.params.forEach((name, values) -> request.param(name,
				values.stream().map(value -> CARD.equals(value) ? cardKey() : value).toArray(String[]::new)));
		if (submission.htmx) {
			request.header("HX-Request", "true");
		}
		String login = submission.form.merchant ? "merchant@nextbox.test" : fixture.subscriber.email();
		return request.with(user(fixture.users.loadUserByUsername(login)));
	}

	@Provide
	Arbitrary<Submission> admin() {
		Arbitrary<String> product = ids(String.valueOf(fixture.productId));
		Arbitrary<String> plan = ids(String.valueOf(fixture.planId));
		Arbitrary<String> offer = ids(String.valueOf(fixture.offerId));
		List<Tuple.Tuple2<Form, Arbitrary<String>>> forms = List.of(
				Tuple.of(form("/admin/products/new", true, productFields()), Arbitraries.just("")),
				Tuple.of(form("/admin/products/{id}", true, productFields()), product),
				Tuple.of(form("/admin/products/{id}/retire", true, Map.of()), product),
				Tuple.of(form("/admin/plans/new", true, planFields()), Arbitraries.just("")),
				Tuple.of(form("/admin/plans/{id}", true, planFields()), plan),
				Tuple.of(form("/admin/plans/{id}/retire", true, Map.of()), plan),
				Tuple.of(form("/admin/offers/new", true, offerFields()), Arbitraries.just("")),
				Tuple.of(form("/admin/offers/{id}", true, offerFields()), offer),
				Tuple.of(form("/admin/offers/{id}/status", true, Map.of("status", enumValue(
						"DRAFT", "ACTIVE", "PAUSED"))), offer),
				Tuple.of(form("/admin/offers/{id}/duplicate", true, Map.of()), offer),
				Tuple.of(form("/admin/settings", true, settingsFields()), Arbitraries.just("")),
				Tuple.of(search("/admin/subscribers", Map.of("q", text(), "page", number())), Arbitraries.just("")),
				Tuple.of(search("/admin/audit", Map.of("area", enumValue("OFFERS", "SETTINGS", "STAFF"), "who", text(),
						"q", text(), "from", date(), "to", date(), "page", number())), Arbitraries.just("")),
				Tuple.of(search("/admin/products", Map.of("q", text(), "page", number())), Arbitraries.just("")),
				Tuple.of(search("/admin/preview", Map.of("email", Arbitraries.of("subscriber1@nextbox.test",
						"SUBSCRIBER2@nextbox.test", "nobody@nextbox.test"), "placement",
						enumValue("DASHBOARD", "NEXT_SHIPMENT", "POST_PURCHASE", "CANCEL_FLOW"))), Arbitraries.just("")));
		return submissions(forms);
	}

	@Provide
	Arbitrary<Submission> portal() {
		String own = String.valueOf(fixture.subscriber.subscriptionId());
		Arbitrary<String> subscription = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(own)),
				Tuple.of(1, Arbitraries.just(String.valueOf(fixture.other.subscriptionId()))), Tuple.of(2, badIds()));
		// a swap's page names the subscription and the plan's product: /portal/subscriptions/{id}/swap/{productId}
		Arbitrary<String> swap = Combinators.combine(subscription, productIds()).as((id, product) -> id + "/swap/" + product);
		Map<String, Arbitrary<String>> version = Map.of("version", number());
		String base = "/portal/subscriptions/{id}";
		List<Tuple.Tuple2<Form, Arbitrary<String>>> forms = new ArrayList<>(List.of(
				Tuple.of(form(base + "/skip", false, version), subscription),
				Tuple.of(form(base + "/unskip", false, version), subscription),
				Tuple.of(form(base + "/reschedule", false, with(version, "date", date())), subscription),
				Tuple.of(form(base + "/pause", false, with(version, "until", date())), subscription),
				Tuple.of(form(base + "/resume", false, version), subscription),
				Tuple.of(form(base + "/interval", false, with(with(version, "count", small()), "unit",
						enumValue("DAY", "WEEK", "MONTH"))), subscription),
				Tuple.of(form(base + "/quantity", false, with(version, "quantity", small())), subscription),
				Tuple.of(form(base + "/plan", false, with(version, "planId", planIds())), subscription),
				Tuple.of(form(base + "/cancel", false, with(with(version, "reason", enumValue("TOO_EXPENSIVE",
						"TOO_MUCH_PRODUCT", "MOVING", "OTHER")), "note", text())), subscription),
				Tuple.of(form(base + "/reactivate", false, version), subscription),
				Tuple.of(form("/portal/widgets/add", false, widgetFields()), Arbitraries.just("")),
				Tuple.of(form("/portal/widgets/undo", false, widgetFields()), Arbitraries.just("")),
				Tuple.of(form("/portal/widgets/dismiss", false, widgetFields()), Arbitraries.just("")),
				Tuple.of(form("/portal/widgets/upgrade", false, widgetFields()), Arbitraries.just("")),
				Tuple.of(search("/portal/orders", Map.of("before", number())), Arbitraries.just("")),
				Tuple.of(form("/portal/account/name", false, Map.of("firstName", text(), "lastName", text())),
						Arbitraries.just("")),
				Tuple.of(form("/portal/account/password", false, Map.of("currentPassword", text(), "newPassword",
						text(), "confirmation", text())), Arbitraries.just("")),
				Tuple.of(form("/portal/account/preferences", false, Map.of("boxReminders", bool(),
						"reminderSuggestions", bool())), Arbitraries.just("")),
				Tuple.of(form(base, false, with(version, "to", productIds())), swap),
				Tuple.of(search(base, Map.of()), swap),
				Tuple.of(search(base + "/confirm", Map.of("to", productIds())), swap),
				Tuple.of(search(base + "/plan", Map.of("planId", planIds())), subscription),
				Tuple.of(search(base + "/cancel/save", Map.of("reason", enumValue("TOO_EXPENSIVE", "MOVING"))),
						subscription),
				Tuple.of(search("/portal/widgets/{id}", Map.of("back", back())),
						enumValue("DASHBOARD", "NEXT_SHIPMENT", "POST_PURCHASE", "CANCEL_FLOW"))));
		return submissions(forms);
	}

	private static Arbitrary<Submission> submissions(List<Tuple.Tuple2<Form, Arbitrary<String>>> forms) {
		return Arbitraries.of(forms)
			.flatMap(pick -> Combinators.combine(pick.get2(), params(pick.get1().fields), Arbitraries.of(true, false))
				.as((id, params, htmx) -> new Submission(pick.get1(), id, params, htmx)));
	}

	/** Each field plausible, bad, missing or sent twice. */
	private static Arbitrary<Map<String, List<String>>> params(Map<String, Arbitrary<String>> fields) {
		List<String> names = new ArrayList<>(fields.keySet());
		if (names.isEmpty()) {
			return Arbitraries.just(Map.of());
		}
		List<Arbitrary<List<String>>> values = names.stream()
			.map(name -> Arbitraries.frequencyOf(Tuple.of(6, fields.get(name).map(List::of)),
					Tuple.of(3, nasty().map(List::of)), Tuple.of(1, Arbitraries.just(List.<String>of())),
					Tuple.of(1, Combinators.combine(fields.get(name), nasty()).as(List::of))))
			.toList();
		return Combinators.combine(values).as(picked -> {
			Map<String, List<String>> params = new LinkedHashMap<>();
			for (int i = 0; i < names.size(); i++) {
				if (!picked.get(i).isEmpty()) {
					params.put(names.get(i), picked.get(i));
				}
			}
			return params;
		});
	}

	private static Form form(String path, boolean merchant, Map<String, Arbitrary<String>> fields) {
		return new Form(path, false, path, merchant, fields);
	}

	private static Form search(String path, Map<String, Arbitrary<String>> fields) {
		return new Form(path, true, path, path.startsWith("/admin"), fields);
	}

	private static Map<String, Arbitrary<String>> with(Map<String, Arbitrary<String>> fields, String name,
			Arbitrary<String> value) {
		Map<String, Arbitrary<String>> more = new LinkedHashMap<>(fields);
		more.put(name, value);
		return more;
	}

	private static Map<String, Arbitrary<String>> productFields() {
		Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
		fields.put("sku", Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('-').ofMinLength(2)
			.ofMaxLength(70).map(sku -> "FZ" + sku));
		fields.put("name", text());
		fields.put("description", text());
		fields.put("imageUrl", Arbitraries.of("", "/img/a.png", "https://example.test/a.png", "javascript:x", "//x"));
		fields.put("category", enumValue("COFFEE", "TEA", "GEAR", "TREATS"));
		fields.put("price", money());
		fields.put("inStock", bool());
		fields.put("addOnEligible", bool());
		return fields;
	}

	private static Map<String, Arbitrary<String>> planFields() {
		Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
		fields.put("familyId", Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("1", "2", "3")), Tuple.of(1, badIds())));
		fields.put("newFamily", Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")), Tuple.of(1, text())));
		fields.put("sku", Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('-').ofMinLength(2)
			.ofMaxLength(70).map(sku -> "FZ" + sku));
		fields.put("name", text());
		fields.put("description", text());
		fields.put("tier", small());
		fields.put("price", money());
		fields.put("intervalCount", small());
		fields.put("intervalUnit", enumValue("DAY", "WEEK", "MONTH"));
		fields.put("productIds", Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("1", "2", "5")), Tuple.of(1, badIds())));
		return fields;
	}

	private static Map<String, Arbitrary<String>> offerFields() {
		Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
		fields.put("name", text());
		fields.put("kind", enumValue("ADD_ON", "UPGRADE"));
		fields.put("productId", Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("1", "2", "5")), Tuple.of(1, badIds())));
		fields.put("targetPlanId", planIds());
		fields.put("discountType", enumValue("NONE", "PERCENT", "FIXED"));
		fields.put("discountValue", money());
		fields.put("placements", enumValue("DASHBOARD", "NEXT_SHIPMENT", "POST_PURCHASE", "CANCEL_FLOW"));
		fields.put("targetPlanIds", planIds());
		fields.put("targetFamilyIds", Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("1", "2", "3")),
				Tuple.of(1, badIds())));
		fields.put("minOrders", number());
		fields.put("minTenureDays", number());
		fields.put("excludeExisting", bool());
		fields.put("startsOn", date());
		fields.put("endsOn", date());
		fields.put("priority", small());
		return fields;
	}

	private static Map<String, Arbitrary<String>> settingsFields() {
		Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
		fields.put("storeName", text());
		fields.put("currency", Arbitraries.of("USD", "eur", "GBP", "XXX", "US", "€"));
		fields.put("cutoffHours", number());
		fields.put("rescheduleWindowDays", number());
		fields.put("minQuantity", small());
		fields.put("maxQuantity", small());
		fields.put("holdoutPercent", small());
		fields.put("reminderDays", small());
		for (String toggle : List.of("skip", "reschedule", "pause", "changeInterval", "changeQuantity", "changePlan",
				"cancel", "reactivate", "remindersEnabled")) {
			fields.put(toggle, bool());
		}
		return fields;
	}

	private static Map<String, Arbitrary<String>> widgetFields() {
		Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
		fields.put("key", Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(CARD)),
				Tuple.of(1, Arbitraries.strings().ofMaxLength(40))));
		fields.put("back", back());
		return fields;
	}

	private static String cardKey() {
		List<Card> cards = fixture.widgets.cards(fixture.subscriber.subscriberId(), Placement.DASHBOARD);
		return cards.isEmpty() ? "no-card" : cards.get(0).key();
	}

	private static Arbitrary<String> back() {
		return Arbitraries.of("/portal", "/portal/{x}", "/portal\r\nX: y", "https://example.test/portal",
				"//example.test", "/portal/orders/{0}", "/portal/subscriptions/1/shipment", "/portal/widgets/DASHBOARD",
				"/admin", "");
	}

	private static Arbitrary<String> ids(String own) {
		return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(own)), Tuple.of(2, badIds()));
	}

	private static Arbitrary<String> badIds() {
		return Arbitraries.of("0", "-1", "999999999", "9223372036854775807", "9223372036854775808",
				"99999999999999999999", "abc", "1.5", "1e3", " 1", "1\u0000", "%", "_", "");
	}

	private static Arbitrary<String> productIds() {
		return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(1, 40).map(String::valueOf)),
				Tuple.of(1, badIds()));
	}

	private static Arbitrary<String> planIds() {
		return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("1", "2", "3", "4", "5", "6", "7", "8")),
				Tuple.of(1, badIds()));
	}

	private static Arbitrary<String> enumValue(String... names) {
		return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(names)),
				Tuple.of(1, Arbitraries.of("", "NOPE", "active", "ACTIVE\u0000", "ÄCTIVE", "0", "-1")));
	}

	private static Arbitrary<String> text() {
		return Arbitraries.frequencyOf(
				Tuple.of(3, Arbitraries.strings().alpha().numeric().withChars(' ', '%', '_', '-').ofMinLength(1)
					.ofMaxLength(30)),
				Tuple.of(1, nasty()));
	}

	private static Arbitrary<String> number() {
		return Arbitraries.oneOf(Arbitraries.integers().between(-3, 400).map(String::valueOf),
				Arbitraries.integers().map(String::valueOf), Arbitraries.longs().map(String::valueOf));
	}

	private static Arbitrary<String> small() {
		return Arbitraries.integers().between(-2, 14).map(String::valueOf);
	}

	private static Arbitrary<String> money() {
		return Arbitraries.oneOf(Arbitraries.bigDecimals().between(new BigDecimal("-5"), new BigDecimal("120"))
			.ofScale(2)
			.map(BigDecimal::toPlainString), Arbitraries.of("0", "1.005", "1e20", "-0.01", "99999999999.99", "NaN", "1,50"));
	}

	private static Arbitrary<String> date() {
		return Arbitraries.oneOf(Arbitraries.integers().between(-30, 120).map(days -> LocalDate.now().plusDays(days).toString()),
				Arbitraries.of("2026-02-30", "0000-01-01", "+999999999-12-31", "-999999999-01-01", "2026-13-01",
						"28/11/2026", "tomorrow"));
	}

	private static Arbitrary<String> bool() {
		return Arbitraries.of("true", "false", "on", "yes", "2", "");
	}

	/** What no form expects: control characters, unicode, wildcards, very long text, numbers out of any range. */
	private static Arbitrary<String> nasty() {
		return Arbitraries.oneOf(
				Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars("%_\\'\"<>&;{}/.:é☕").ofMaxLength(12),
				Arbitraries.strings().withCharRange('\u0000', '\ud7ff').ofMaxLength(40),
				Arbitraries.of("", " ", "\u0000", "%", "_", "%_%", "\\", "😀☕", "null", "NaN", "-0", "1e309",
						"2147483648", "-2147483649", "9223372036854775808", "99999999999999999999", "${7*7}",
						"<script>", "' or 1=1 --", "x".repeat(5000), "ü".repeat(300)));
	}

	private String fingerprint() {
		batches.flush();
		StringBuilder print = new StringBuilder();
		for (String table : STORE_TABLES) {
			print.append(table).append(':').append(rows("select * from " + table)).append(' ');
		}
		for (Owned owned : List.of(fixture.subscriber, fixture.other)) {
			for (String query : SUBSCRIBER_ROWS) {
				print.append(rows(query, owned.subscriberId())).append(' ');
			}
		}
		for (String table : GROWING_TABLES) {
			print.append(table)
				.append(':')
				.append(fixture.jdbc.queryForObject("select count(*) from " + table, Long.class))
				.append(' ');
		}
		return print.toString();
	}

	/** How many rows, and a hash of their values that does not depend on their order. */
	private String rows(String query, Object... arguments) {
		long[] sum = new long[2];
		fixture.jdbc.query(query, row -> {
			StringBuilder values = new StringBuilder();
			for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
				values.append(row.getString(i)).append('|');
			}
			sum[0]++;
			sum[1] += values.toString().hashCode();
		}, arguments);
		return sum[0] + "/" + sum[1];
	}

}
