package io.nextbox.ordering;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A benchmark, not a test (the build does not run it, and it asserts no timing): imports a generated file of
 * 100,000 order lines. Run it with
 * {@code ./mvnw test -Dtest=HistoryImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@NextboxIntegrationTest
class HistoryImportBenchmark {

	private static final List<String> SKUS = List.of("PLAN-FILTER-250", "GEAR-V60-FILTERS", "TRT-OAT-BISCUITS",
			"TRT-DARK-CHOCOLATE", "COF-KEN-NYERI", "TRT-SHORTBREAD");

	@Autowired
	private HistoryImporter importer;

	@Test
	void import100000Lines() throws Exception {
		Path file = Files.createTempFile("nextbox-benchmark-", ".csv");
		Random random = new Random(3);
		try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writer.write("order_id,customer,ordered_at,sku,quantity,unit_price\n");
			int lines = 0;
			for (int order = 1; lines < 100_000; order++) {
				String head = "BENCH-" + order + ",customer" + random.nextInt(5_000) + "@example.test,"
						+ LocalDate.of(2024, 1, 1).plusDays(random.nextInt(700)) + ",";
				writer.write(head + "PLAN-FILTER-250,1,15.00\n");
				lines++;
				for (int extra = 0; extra < 3 && lines < 100_000; extra++) {
					writer.write(head + SKUS.get(1 + random.nextInt(SKUS.size() - 1)) + ",1,6.00\n");
					lines++;
				}
			}
		}
		long started = System.nanoTime();
		long id = importer.start("benchmark.csv", file);
		ImportStatus status = importer.status(id).orElseThrow();
		while (!status.finished()) {
			Thread.sleep(100);
			status = importer.status(id).orElseThrow();
		}
		System.out.printf("Imported %,d lines (%,d orders, %,d new customers) in %.1f s: %s%n", status.totalLines(),
				status.ordersAdded(), status.customersNew(), (System.nanoTime() - started) / 1e9, status.status());
	}

}
