package io.nextbox.ordering;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.nextbox.account.AccountService;
import io.nextbox.account.Customers;
import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.SkuRef;
import io.nextbox.ordering.OrderHistoryCsv.MalformedCsvException;
import io.nextbox.shared.BatchInsert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports order history from a CSV in the background. The whole file is checked first; any problem (a malformed
 * row, an unknown SKU) rejects it with every problem listed and nothing imported. A clean file is imported in
 * one transaction; orders already known by their {@code order_id} are skipped, so a file imported twice adds
 * nothing; customers the store does not know are created without logins. Progress is kept in the database, so
 * any instance can show it.
 */
@Service
public class HistoryImporter {

	/** A report lists at most this many problems. */
	static final int MAX_PROBLEMS = 200;

	private static final int CHUNK = 2_000;

	private static final Logger log = LoggerFactory.getLogger(HistoryImporter.class);

	private final OrderHistory history;

	private final CatalogService catalog;

	private final AccountService accounts;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final TaskExecutor executor;

	private final TransactionTemplate transaction;

	private final TransactionTemplate progress;

	private final Clock clock;

	HistoryImporter(OrderHistory history, CatalogService catalog, AccountService accounts, JdbcTemplate jdbc,
			ApplicationEventPublisher events, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
			PlatformTransactionManager transactions, Clock clock) {
		this.history = history;
		this.catalog = catalog;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.events = events;
		this.executor = executor;
		this.transaction = new TransactionTemplate(transactions);
		this.progress = new TransactionTemplate(transactions);
		this.progress.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Starts importing a file in the background; the file is deleted when the import ends. */
	public long start(String fileName, Path file) {
		String name = fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
		long id = BatchInsert.insertReturningIds(jdbc, "insert into history_import (file_name, status, total_lines, "
				+ "processed, orders_added, orders_skipped, customers_new, created_at) "
				+ "values (?, 'CHECKING', 0, 0, 0, 0, 0, ?)", List.of(name), (statement, row) -> {
					statement.setString(1, row);
					statement.setTimestamp(2, Timestamp.from(clock.instant()));
				}).get(0);
		executor.execute(() -> run(id, file));
		return id;
	}

	public ImportStatus status(long id) {
		return jdbc.queryForObject("select * from history_import where id = ?", (row, n) -> new ImportStatus(
				row.getLong("id"), row.getString("file_name"), row.getString("status"), row.getInt("total_lines"),
				row.getInt("processed"), row.getInt("orders_added"), row.getInt("orders_skipped"),
				row.getInt("customers_new"),
				row.getString("report") == null ? List.of() : List.of(row.getString("report").split("\n"))), id);
	}

	public List<ImportStatus> recent() {
		return jdbc.queryForList("select id from history_import order by id desc limit 10", Long.class)
			.stream()
			.map(this::status)
			.toList();
	}

	/** The orders of a checked file, grouped, with what the check found. */
	private record Checked(Map<String, OrderDraft> orders, List<String> problems, int lines) {
	}

	private static final class OrderDraft {

		private final String customer;

		private final LocalDate orderedOn;

		private final List<OrderHistoryCsv.Row> rows = new ArrayList<>();

		OrderDraft(String customer, LocalDate orderedOn) {
			this.customer = customer;
			this.orderedOn = orderedOn;
		}

	}

	void run(long id, Path file) {
		try {
			Checked checked = check(file);
			jdbc.update("update history_import set total_lines = ?, processed = ? where id = ?", checked.lines(),
					checked.problems().isEmpty() ? 0 : checked.lines(), id);
			if (!checked.problems().isEmpty()) {
				finish(id, "REJECTED", String.join("\n", checked.problems()));
				return;
			}
			jdbc.update("update history_import set status = 'IMPORTING' where id = ?", id);
			transaction.executeWithoutResult(status -> importChecked(id, checked));
		}
		catch (MalformedCsvException ex) {
			finish(id, "REJECTED", ex.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Import {} failed", id, ex);
			finish(id, "FAILED", "The import failed and nothing was imported: " + ex.getMessage());
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.debug("Could not delete {}", file, ex);
			}
		}
	}

	private Checked check(Path file) throws IOException, MalformedCsvException {
		Map<String, SkuRef> skus = catalog.skus();
		Map<String, OrderDraft> orders = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		Map<String, Integer> unknownSkus = new TreeMap<>();
		int[] lines = { 0 };
		CharsetDecoder strictUtf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (Reader reader = Channels.newReader(Files.newByteChannel(file), strictUtf8, -1)) {
			OrderHistoryCsv.readAll(reader, row -> {
				lines[0]++;
				if (!skus.containsKey(row.sku())) {
					unknownSkus.putIfAbsent(row.sku(), row.lineNumber());
					return;
				}
				OrderDraft order = orders.computeIfAbsent(row.orderId(),
						key -> new OrderDraft(row.customer(), row.orderedOn()));
				if (!order.customer.equalsIgnoreCase(row.customer())) {
					add(problems, "line " + row.lineNumber() + ", customer: order " + row.orderId()
							+ " already belongs to " + order.customer);
					return;
				}
				order.rows.add(row);
			}, (lineNumber, problem) -> {
				lines[0]++;
				add(problems, "line " + lineNumber + ": " + problem);
			});
		}
		catch (CharacterCodingException ex) {
			throw new MalformedCsvException(lines[0] + 2, "this is not UTF-8 text: the file looks binary");
		}
		unknownSkus.forEach((sku, line) -> add(problems,
				"line " + line + ", sku: " + sku + " is not a product or plan of the store; create it first"));
		if (lines[0] == 0 && problems.isEmpty()) {
			problems.add("the file has no order lines");
		}
		return new Checked(orders, problems, lines[0]);
	}

	private void importChecked(long id, Checked checked) {
		Set<String> known = new HashSet<>();
		List<String> numbers = new ArrayList<>(checked.orders().keySet());
		for (int i = 0; i < numbers.size(); i += 1000) {
			List<String> chunk = numbers.subList(i, Math.min(numbers.size(), i + 1000));
			known.addAll(jdbc.queryForList("select order_number from orders where order_number in ("
					+ String.join(",", Collections.nCopies(chunk.size(), "?")) + ")", String.class,
					chunk.toArray()));
		}
		Set<String> emails = new HashSet<>();
		checked.orders().forEach((number, order) -> {
			if (!known.contains(number)) {
				emails.add(order.customer);
			}
		});
		Customers found = accounts.customers(emails);
		Map<String, Long> customers = found.ids();
		List<String> created = found.created();
		int customersNew = created.size();
		Map<String, SkuRef> skus = catalog.skus();
		List<NewOrder> batch = new ArrayList<>();
		int added = 0;
		int processed = 0;
		for (Map.Entry<String, OrderDraft> entry : checked.orders().entrySet()) {
			OrderDraft order = entry.getValue();
			processed += order.rows.size();
			if (known.contains(entry.getKey())) {
				continue;
			}
			List<NewOrder.Line> lines = new ArrayList<>();
			for (OrderHistoryCsv.Row row : order.rows) {
				SkuRef ref = skus.get(row.sku());
				BigDecimal price = row.unitPrice() == null ? BigDecimal.ZERO : row.unitPrice();
				lines.add(ref.plan() ? NewOrder.Line.plan(ref.id(), row.quantity(), price)
						: NewOrder.Line.addOn(ref.id(), null, row.quantity(), price));
			}
			batch.add(new NewOrder(entry.getKey(),
					customers.get(order.customer.trim().toLowerCase(Locale.ROOT)), null, null,
					order.orderedOn.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC), OrderSource.IMPORT, lines));
			if (batch.size() == CHUNK) {
				history.importOrders(batch);
				added += batch.size();
				batch.clear();
				report(id, processed);
			}
		}
		history.importOrders(batch);
		added += batch.size();
		int skipped = checked.orders().size() - added;
		List<String> listed = new ArrayList<>(created.subList(0, Math.min(created.size(), MAX_PROBLEMS)));
		if (created.size() > MAX_PROBLEMS) {
			listed.add("... and " + (created.size() - MAX_PROBLEMS) + " more");
		}
		jdbc.update("update history_import set status = 'DONE', processed = total_lines, orders_added = ?, "
				+ "orders_skipped = ?, customers_new = ?, report = ?, finished_at = ? where id = ?", added, skipped,
				customersNew, listed.isEmpty() ? null : String.join("\n", listed), Timestamp.from(clock.instant()), id);
		events.publishEvent(new HistoryImported(id, added));
	}

	private void report(long id, int processed) {
		progress.executeWithoutResult(
				status -> jdbc.update("update history_import set processed = ? where id = ?", processed, id));
	}

	private void finish(long id, String status, String report) {
		String text = report.length() > 20_000 ? report.substring(0, 20_000) : report;
		jdbc.update("update history_import set status = ?, report = ?, finished_at = ? where id = ?", status, text,
				Timestamp.from(clock.instant()), id);
	}

	private static void add(List<String> problems, String problem) {
		if (problems.size() < MAX_PROBLEMS) {
			problems.add(problem);
		}
		else if (problems.size() == MAX_PROBLEMS) {
			problems.add("... and more: fix these first");
		}
	}

}
