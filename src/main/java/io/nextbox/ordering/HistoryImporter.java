package io.nextbox.ordering;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.nextbox.account.AccountService;
import io.nextbox.audit.AuditAction;
import io.nextbox.audit.AuditArea;
import io.nextbox.audit.AuditLog;
import io.nextbox.audit.FieldChange;
import io.nextbox.account.Customers;
import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.SkuRef;
import io.nextbox.ordering.OrderHistoryCsv.MalformedCsvException;
import io.nextbox.shared.BatchInsert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
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
 * <p>
 * An import names the process that runs it, which says every few seconds that it is still at work. An import whose
 * process died (a crash, a restart) is marked failed, and its temporary file deleted, when the application starts
 * again, or by any instance once its process has been silent for five minutes; its page then says so.
 */
@Service
public class HistoryImporter {

	/** A report lists at most this many problems. */
	static final int MAX_PROBLEMS = 200;

	private static final int CHUNK = 2_000;

	/** {@code history_import.report varchar(20000)}. */
	private static final int REPORT_LENGTH = 20_000;

	/**
	 * How long an import whose process stopped saying it is alive (every 10 s, and with each chunk imported) is
	 * still believed to be running on another host. One of this host's is known dead as soon as its process is.
	 */
	static final Duration SILENT = Duration.ofMinutes(5);

	static final String INTERRUPTED = "The application stopped while this import ran, so it was interrupted. "
			+ "Upload the file again.";

	static final String BROKE = "Something went wrong on our side. Upload the file again; if it happens again, "
			+ "tell your administrator (the log names this import).";

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

	private final AuditLog audit;

	/** This process, as an import's runner. */
	private final String host;

	private final long pid;

	/** The imports this process runs now. */
	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	HistoryImporter(OrderHistory history, CatalogService catalog, AccountService accounts, JdbcTemplate jdbc,
			ApplicationEventPublisher events, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
			PlatformTransactionManager transactions, Clock clock, AuditLog audit) {
		this.audit = audit;
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
		this.host = hostName();
		this.pid = ProcessHandle.current().pid();
	}

	private static String hostName() {
		try {
			String name = InetAddress.getLocalHost().getHostName();
			return name.length() > 255 ? name.substring(0, 255) : name;
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

	/** Starts importing a file in the background; the file is deleted when the import ends. */
	public long start(String fileName, Path file) {
		String name = fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
		Timestamp now = Timestamp.from(clock.instant());
		long id = transaction.execute(status -> started(name, insert(name, now, file)));
		running.add(id);
		String startedBy = audit.currentActor();
		try {
			executor.execute(() -> audit.actingAs(startedBy, () -> run(id, file)));
		}
		catch (RuntimeException ex) {
			log.warn("Import {} could not be started", id, ex);
			running.remove(id);
			finish(id, "FAILED", BROKE);
			delete(file);
		}
		return id;
	}

	private long insert(String name, Timestamp now, Path file) {
		return BatchInsert.insertReturningIds(jdbc, "insert into history_import (file_name, status, total_lines, "
				+ "processed, orders_added, orders_skipped, customers_new, created_at, runner_host, runner_pid, "
				+ "heartbeat_at, temp_file) values (?, 'CHECKING', 0, 0, 0, 0, 0, ?, ?, ?, ?, ?)", List.of(name),
				(statement, row) -> {
					statement.setString(1, row);
					statement.setTimestamp(2, now);
					statement.setString(3, host);
					statement.setLong(4, pid);
					statement.setTimestamp(5, now);
					statement.setString(6, file.toAbsolutePath().toString());
				}).get(0);
	}

	private long started(String fileName, long id) {
		audit.recorded(AuditArea.IMPORTS, id, fileName, AuditAction.IMPORT_STARTED);
		return id;
	}

	/** Where an import stands, with at most {@value #MAX_PROBLEMS} of the customers it created; empty if none. */
	public Optional<ImportStatus> status(long id) {
		List<ImportStatus> found = jdbc.query("select * from history_import where id = ?", (row, n) -> {
			String status = row.getString("status");
			String report = row.getString("report");
			List<String> lines = report == null ? List.of() : List.of(report.split("\n"));
			boolean done = status.equals("DONE");
			List<String> customers = done ? jdbc.queryForList("select email from history_import_customer "
					+ "where import_id = ? order by email limit " + MAX_PROBLEMS, String.class, id) : List.of();
			if (done && customers.isEmpty()) {
				customers = lines; // an import from before the customers had a table of their own
			}
			return new ImportStatus(row.getLong("id"), row.getString("file_name"), status, row.getInt("total_lines"),
					row.getInt("processed"), row.getInt("orders_added"), row.getInt("orders_skipped"),
					row.getInt("customers_new"), done ? List.of() : lines, customers);
		}, id);
		return found.stream().findFirst();
	}

	/** Writes every customer an import created, one address a line, in order. */
	public void newCustomers(long id, Writer out) {
		jdbc.query("select email from history_import_customer where import_id = ? order by email", row -> {
			try {
				out.write(row.getString(1));
				out.write("\r\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, id);
	}

	public List<ImportStatus> recent() {
		return jdbc.queryForList("select id from history_import order by id desc limit 10", Long.class)
			.stream()
			.map(this::status)
			.flatMap(Optional::stream)
			.toList();
	}

	/**
	 * Marks failed every import whose process died while it was checking or importing, and deletes its temporary
	 * file: at start, an import of a process that ran on this host and is gone, and anywhere, one whose process
	 * has been silent for {@link #SILENT}. Returns how many it marked.
	 */
	public int failInterrupted() {
		Instant silentSince = clock.instant().minus(SILENT);
		record Unfinished(long id, String host, Long pid, Timestamp heartbeat, String file) {
		}
		List<Unfinished> unfinished = jdbc.query("select id, runner_host, runner_pid, heartbeat_at, temp_file "
				+ "from history_import where status in ('CHECKING', 'IMPORTING')",
				(row, n) -> new Unfinished(row.getLong(1), row.getString(2), row.getObject(3, Long.class),
						row.getTimestamp(4), row.getString(5)));
		int marked = 0;
		for (Unfinished job : unfinished) {
			if (running.contains(job.id())) {
				continue;
			}
			boolean here = host.equals(job.host());
			boolean gone = job.host() == null || (here && (job.pid() == null || job.pid() == pid
					|| ProcessHandle.of(job.pid()).map(process -> !process.isAlive()).orElse(true)));
			boolean silent = job.heartbeat() == null || job.heartbeat().toInstant().isBefore(silentSince);
			if (!gone && !silent) {
				continue;
			}
			if (finish(job.id(), "FAILED", INTERRUPTED)) {
				marked++;
				log.warn("Import {} was left unfinished by a process that stopped; marked failed", job.id());
				if (job.file() != null && (here || job.host() == null)) {
					delete(Path.of(job.file()));
				}
			}
		}
		return marked;
	}

	@EventListener(ApplicationReadyEvent.class)
	void failInterruptedAtStart() {
		failInterrupted();
	}

	/** Says that this process still runs its imports, and fails those whose process went silent. */
	@Scheduled(initialDelayString = "PT10S", fixedDelayString = "PT10S")
	void heartbeat() {
		List<Long> ids = List.copyOf(running);
		if (!ids.isEmpty()) {
			progress.executeWithoutResult(status -> jdbc.update("update history_import set heartbeat_at = ? "
					+ "where id in (" + String.join(",", Collections.nCopies(ids.size(), "?")) + ")",
					prepend(Timestamp.from(clock.instant()), ids)));
		}
		failInterrupted();
	}

	private static Object[] prepend(Object first, List<Long> rest) {
		Object[] arguments = new Object[rest.size() + 1];
		arguments[0] = first;
		for (int i = 0; i < rest.size(); i++) {
			arguments[i + 1] = rest.get(i);
		}
		return arguments;
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
			if (jdbc.update("update history_import set status = 'IMPORTING' where id = ? and status = 'CHECKING'",
					id) == 0) {
				return;
			}
			transaction.executeWithoutResult(status -> importChecked(id, checked));
		}
		catch (MalformedCsvException ex) {
			finish(id, "REJECTED", ex.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Import {} failed", id, ex);
			finish(id, "FAILED", BROKE);
		}
		finally {
			running.remove(id);
			delete(file);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Could not delete {}", file, ex);
		}
	}

	private Checked check(Path file) throws IOException, MalformedCsvException {
		Map<String, SkuRef> skus = catalog.skus();
		Map<String, OrderDraft> orders = new LinkedHashMap<>();
		LineProblems problems = new LineProblems(MAX_PROBLEMS);
		Map<String, Integer> unknownSkus = new TreeMap<>();
		int[] lines = { 0 };
		CharsetDecoder strictUtf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (Reader reader = Channels.newReader(Files.newByteChannel(file), strictUtf8, -1)) {
			OrderHistoryCsv.readAll(reader, row -> {
				lines[0]++;
				Optional<String> unfit = HistoryColumns.orderIdProblem(row.orderId())
					.or(() -> HistoryColumns.emailProblem(row.customer()));
				if (unfit.isPresent()) {
					problems.add(row.lineNumber(), unfit.get());
					return;
				}
				if (!skus.containsKey(row.sku())) {
					unknownSkus.putIfAbsent(row.sku(), row.lineNumber());
					return;
				}
				OrderDraft order = orders.computeIfAbsent(row.orderId(),
						key -> new OrderDraft(row.customer(), row.orderedOn()));
				if (!order.customer.equalsIgnoreCase(row.customer())) {
					problems.add(row.lineNumber(), ", customer: order " + HistoryColumns.quote(row.orderId())
							+ " already belongs to " + order.customer);
					return;
				}
				order.rows.add(row);
			}, (lineNumber, problem) -> {
				lines[0]++;
				problems.add(lineNumber, problem);
			});
		}
		catch (CharacterCodingException ex) {
			throw new MalformedCsvException(lines[0] + 2, "this is not UTF-8 text: the file looks binary");
		}
		unknownSkus.forEach((sku, line) -> problems.add(line, ", sku: " + HistoryColumns.quote(sku)
				+ " is not a product or plan of the store; create it first"));
		orders.forEach((orderId, order) -> {
			BigDecimal total = order.rows.stream()
				.filter(row -> row.unitPrice() != null)
				.map(row -> row.unitPrice().multiply(BigDecimal.valueOf(row.quantity())))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			HistoryColumns.totalProblem(orderId, total)
				.ifPresent(problem -> problems.add(order.rows.get(0).lineNumber(), problem));
		});
		if (lines[0] == 0 && problems.isEmpty()) {
			return new Checked(orders, List.of("the file has no order lines"), 0);
		}
		return new Checked(orders, problems.list(), lines[0]);
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
		BatchInsert.insert(jdbc, "insert into history_import_customer (import_id, email) values (?, ?)", created,
				(statement, email) -> {
					statement.setLong(1, id);
					statement.setString(2, email);
				});
		if (jdbc.update("update history_import set status = 'DONE', processed = total_lines, orders_added = ?, "
				+ "orders_skipped = ?, customers_new = ?, report = null, finished_at = ? "
				+ "where id = ? and status = 'IMPORTING'", added, skipped, customersNew,
				Timestamp.from(clock.instant()), id) == 0) {
			throw new IllegalStateException("Import " + id + " was marked failed while it ran; rolling it back");
		}
		audit.recorded(AuditArea.IMPORTS, id, fileName(id), AuditAction.IMPORT_FINISHED,
				FieldChange.set("ordersAdded", added), FieldChange.set("ordersSkipped", skipped),
				FieldChange.set("customersNew", customersNew));
		events.publishEvent(new HistoryImported(id, added));
	}

	private void report(long id, int processed) {
		progress.executeWithoutResult(
				status -> jdbc.update("update history_import set processed = ?, heartbeat_at = ? where id = ?",
						processed, Timestamp.from(clock.instant()), id));
	}

	/** Ends an unfinished import; false if it had already ended. */
	private boolean finish(long id, String status, String report) {
		String text = report;
		if (text.length() > REPORT_LENGTH) {
			text = text.substring(0, text.lastIndexOf('\n', REPORT_LENGTH - 40) + 1) + LineProblems.MORE;
		}
		String shortened = text;
		return Boolean.TRUE.equals(transaction.execute(tx -> {
			boolean ended = jdbc.update("update history_import set status = ?, report = ?, finished_at = ? "
					+ "where id = ? and status in ('CHECKING', 'IMPORTING')", status, shortened,
					Timestamp.from(clock.instant()), id) > 0;
			if (ended) {
				audit.recorded(AuditArea.IMPORTS, id, fileName(id),
						status.equals("REJECTED") ? AuditAction.IMPORT_REJECTED : AuditAction.IMPORT_FAILED);
			}
			return ended;
		}));
	}

	private String fileName(long id) {
		return jdbc.queryForObject("select file_name from history_import where id = ?", String.class, id);
	}

}
