package io.nextbox.recommendation.engine;

import java.io.StringReader;

import io.nextbox.ordering.OrderHistoryCsv.MalformedCsvException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvHistoryTests {

	private static final String HEADER = "order_id,customer,ordered_at,sku,quantity,unit_price\n";

	@Test
	void readsOneBasketPerOrderWithDistinctSkus() throws Exception {
		CsvHistory.Loaded loaded = CsvHistory.read(new StringReader("\uFEFF" + HEADER
				+ "A1,ada@example.test,2026-01-05,COFFEE,1,15.00\n" + "A1,ada@example.test,2026-01-05,FILTERS,2,7.00\n"
				+ "\"A2\",\"ada@example.test\",2026-02-05T10:00:00Z,\"COFFEE, DARK\",1,15.00\n"
				+ "B1,bo@example.test,2026-01-07 09:00:00 +0100,COFFEE,,\n"));
		assertThat(loaded.baskets()).hasSize(3);
		assertThat(loaded.lines()).isEqualTo(4);
		assertThat(loaded.baskets().get(0).items()).hasSize(2);
		assertThat(loaded.items().find("COFFEE, DARK")).isNotNull();
		assertThat(loaded.customers().size()).isEqualTo(2);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "order_id,customer,sku\\nA1,ada,X|1|no column ordered_at",
			"order_id,customer,ordered_at,sku\\nA1,ada,2026-01-05,X\\nA2,ada,05/01/2026,X|3|not an ISO date",
			"order_id,customer,ordered_at,sku,quantity\\nA1,ada,2026-01-05,X,0|2|not a positive whole number",
			"order_id,customer,ordered_at,sku,quantity\\nA1,ada,2026-01-05,X,two|2|not a positive whole number",
			"order_id,customer,ordered_at,sku\\nA1,ada,2026-01-05,|2|sku is empty",
			"order_id,customer,ordered_at,sku\\nA1,ada,2026-01-05|2|expected 4 fields",
			"order_id,customer,ordered_at,sku\\nA1,\"ada,2026-01-05,X|2|not closed",
			"order_id,customer,ordered_at,sku,unit_price\\nA1,ada,2026-01-05,X,-1|2|negative",
			"order_id,customer,ordered_at,sku\\nA1,ada,2026-01-05,X\\nA1,bo,2026-01-05,Y|3|another customer", "|1|empty" })
	void aMalformedFileIsRefusedWithTheLineAndTheProblem(String csv, int line, String problem) {
		String content = csv == null ? "" : csv.replace("\\n", "\n");
		assertThatThrownBy(() -> CsvHistory.read(new StringReader(content)))
			.isInstanceOfSatisfying(MalformedCsvException.class, ex -> {
				assertThat(ex.lineNumber()).isEqualTo(line);
				assertThat(ex.getMessage()).startsWith("line " + line + ":").contains(problem);
			});
	}

}
