package io.nextbox.subscription;

import java.io.Reader;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.nextbox.account.AccountService;
import io.nextbox.audit.AuditAction;
import io.nextbox.audit.AuditArea;
import io.nextbox.audit.AuditLog;
import io.nextbox.audit.FieldChange;
import io.nextbox.account.Customers;
import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.PlanSummary;
import io.nextbox.catalog.SkuRef;
import io.nextbox.store.StoreSettings;
import io.nextbox.store.StoreSettingsService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings a store's subscriptions over from another platform ({@link SubscriptionsCsv}): the whole file is checked
 * first, against the store's plans and quantity limits, and any problem refuses it with every problem by line.
 * A clean file is recorded in one transaction; a subscription whose id is already known is skipped, so importing
 * the file twice, or two uploads at once, records each subscription once. Customers the store does not know are
 * created without logins, ready to be invited; cancelled subscriptions are not brought over.
 */
@Service
public class SubscriptionImporter {

	/** What an import did, or every problem that refused it; kept in the session for the page after the upload. */
	public record Report(int imported, int alreadyKnown, int cancelledLeftOut, int newCustomers,
			Map<Integer, String> problems) implements Serializable {

		public Report {
			problems = new TreeMap<>(problems);
		}

		public boolean refused() {
			return !problems.isEmpty();
		}

	}

	private final CatalogService catalog;

	private final AccountService accounts;

	private final SubscriptionService subscriptions;

	private final StoreSettingsService settings;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final AuditLog audit;

	SubscriptionImporter(CatalogService catalog, AccountService accounts, SubscriptionService subscriptions,
			StoreSettingsService settings, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
			AuditLog audit) {
		this.audit = audit;
		this.catalog = catalog;
		this.accounts = accounts;
		this.subscriptions = subscriptions;
		this.settings = settings;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	public Report importFile(Reader file) {
		SubscriptionsCsv.Content content = SubscriptionsCsv.read(file);
		TreeMap<Integer, String> problems = new TreeMap<>(content.problems());
		LocalDate today = LocalDate.now(clock);
		Map<String, SkuRef> skus = catalog.skus();
		Map<Long, PlanSummary> plans = catalog.allPlans();
		StoreSettings store = settings.current();
		Set<String> seen = new HashSet<>();
		for (SubscriptionsCsv.Row row : content.rows()) {
			check(row, skus, plans, store, today, seen).ifPresent(problem -> problems.put(row.lineNumber(), problem));
		}
		if (!problems.isEmpty() || content.rows().isEmpty()) {
			if (problems.isEmpty()) {
				problems.put(1, "the file has no subscriptions, only its header");
			}
			return new Report(0, 0, 0, 0, problems);
		}
		try {
			return transaction.execute(status -> record(content.rows(), skus, plans, today));
		}
		catch (DataIntegrityViolationException ex) {
			// the same subscriptions were recorded by another upload at this moment: now they are known
			return transaction.execute(status -> record(content.rows(), skus, plans, today));
		}
	}

	private static Optional<String> check(SubscriptionsCsv.Row row, Map<String, SkuRef> skus,
			Map<Long, PlanSummary> plans, StoreSettings store, LocalDate today, Set<String> seen) {
		if (!seen.add(row.externalId())) {
			return Optional.of("subscription_id \"" + row.externalId() + "\" is in the file twice");
		}
		SkuRef sku = skus.get(row.planSku());
		if (sku == null || !sku.plan()) {
			return Optional.of("plan_sku \"" + row.planSku() + "\" is not a plan of the store; create the plan first");
		}
		if (plans.get(sku.id()).retired() && row.status() != SubscriptionStatus.CANCELLED) {
			return Optional.of("plan_sku \"" + row.planSku() + "\" is a retired plan");
		}
		if (row.quantity() < store.minQuantity() || row.quantity() > store.maxQuantity()) {
			return Optional.of("quantity " + row.quantity() + " is outside the store's limits ("
					+ store.minQuantity() + " to " + store.maxQuantity() + ")");
		}
		if (row.status() == SubscriptionStatus.ACTIVE && !row.nextShipDate().isAfter(today)) {
			return Optional.of("next_ship_date " + row.nextShipDate() + " is not after today (" + today + ")");
		}
		if (row.status() == SubscriptionStatus.PAUSED && row.nextShipDate() != null
				&& !row.nextShipDate().isAfter(today)) {
			return Optional.of("next_ship_date " + row.nextShipDate()
					+ " of a paused subscription (when it resumes) is not after today (" + today + ")");
		}
		return Optional.empty();
	}

	private Report record(List<SubscriptionsCsv.Row> rows, Map<String, SkuRef> skus, Map<Long, PlanSummary> plans,
			LocalDate today) {
		List<SubscriptionsCsv.Row> live = rows.stream().filter(row -> row.status() != SubscriptionStatus.CANCELLED).toList();
		Set<String> known = known(live.stream().map(SubscriptionsCsv.Row::externalId).toList());
		List<SubscriptionsCsv.Row> fresh = live.stream().filter(row -> !known.contains(row.externalId())).toList();
		Customers customers = accounts.customers(fresh.stream().map(SubscriptionsCsv.Row::customer).toList());
		List<NewSubscription> news = new ArrayList<>(fresh.size());
		for (SubscriptionsCsv.Row row : fresh) {
			PlanSummary plan = plans.get(skus.get(row.planSku()).id());
			LocalDate startedOn = row.startedOn() == null ? today : row.startedOn();
			LocalDate pausedUntil = row.status() == SubscriptionStatus.PAUSED ? row.nextShipDate() : null;
			news.add(new NewSubscription(customers.ids().get(row.customer()), plan.id(), row.quantity(),
					row.interval() == null ? plan.defaultInterval() : row.interval(), row.status(), startedOn,
					row.nextShipDate(), pausedUntil, null, null, row.externalId()));
		}
		subscriptions.importSubscriptions(news);
		Report report = new Report(news.size(), known.size(), rows.size() - live.size(), customers.created().size(),
				Map.of());
		audit.recorded(AuditArea.IMPORTS, null, "Subscriptions", AuditAction.IMPORT_FINISHED,
				FieldChange.set("subscriptions added", report.imported()),
				FieldChange.set("already imported, skipped", report.alreadyKnown()),
				FieldChange.set("new customers", report.newCustomers()));
		return report;
	}

	private Set<String> known(List<String> externalIds) {
		Set<String> known = new HashSet<>();
		NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
		for (int from = 0; from < externalIds.size(); from += 1000) {
			List<String> chunk = externalIds.subList(from, Math.min(externalIds.size(), from + 1000));
			known.addAll(named.queryForList("select external_id from subscription where external_id in (:ids)",
					new MapSqlParameterSource("ids", chunk), String.class));
		}
		return known;
	}

}
