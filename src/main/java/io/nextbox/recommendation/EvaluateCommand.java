package io.nextbox.recommendation;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.nextbox.ordering.OrderHistoryCsv.MalformedCsvException;
import io.nextbox.recommendation.engine.CsvHistory;
import io.nextbox.recommendation.engine.EvaluationReport;
import io.nextbox.recommendation.engine.Evaluator;

/**
 * {@code java -jar nextbox.jar evaluate --orders FILE.csv [--k 10] [--json OUT.json]}: the offline evaluation of
 * the recommender against the baselines on any order-history CSV, without starting the application.
 */
public final class EvaluateCommand {

	public static final String NAME = "evaluate";

	private static final String USAGE = "usage: evaluate --orders FILE.csv [--k 10] [--json OUT.json]";

	private EvaluateCommand() {
	}

	/** Runs the command; returns the process exit code. */
	public static int run(String[] args) {
		Path orders = null;
		Path json = null;
		int k = 10;
		try {
			for (int i = 1; i < args.length; i++) {
				switch (args[i]) {
					case "--orders" -> orders = Path.of(value(args, ++i));
					case "--json" -> json = Path.of(value(args, ++i));
					case "--k" -> k = Integer.parseInt(value(args, ++i));
					default -> throw new IllegalArgumentException("unknown option " + args[i]);
				}
			}
			if (orders == null || k < 1) {
				throw new IllegalArgumentException("--orders is required and --k must be at least 1");
			}
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(USAGE);
			return 2;
		}
		try (Reader reader = Files.newBufferedReader(orders, StandardCharsets.UTF_8)) {
			long started = System.nanoTime();
			CsvHistory.Loaded history = CsvHistory.read(reader);
			long read = System.nanoTime();
			EvaluationReport report = Evaluator.evaluate(history.baskets(), k);
			long done = System.nanoTime();
			System.out.printf("%s: %,d lines, %,d orders, %,d customers, %,d SKUs (read in %.1f s, evaluated in %.1f s)%n",
					orders, history.lines(), history.baskets().size(), history.customers().size(),
					history.items().size(), (read - started) / 1e9, (done - read) / 1e9);
			System.out.print(report.toTable());
			if (json != null) {
				try (Writer writer = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
					writer.write(report.toJson());
				}
			}
			return 0;
		}
		catch (MalformedCsvException ex) {
			System.err.println(orders + ": " + ex.getMessage());
			return 1;
		}
		catch (IOException ex) {
			System.err.println(orders + ": cannot read: " + ex.getMessage());
			return 1;
		}
	}

	private static String value(String[] args, int index) {
		if (index >= args.length) {
			throw new IllegalArgumentException(args[index - 1] + " needs a value");
		}
		return args[index];
	}

}
