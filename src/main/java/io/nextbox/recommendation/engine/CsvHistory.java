package io.nextbox.recommendation.engine;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nextbox.ordering.OrderHistoryCsv;
import io.nextbox.ordering.OrderHistoryCsv.MalformedCsvException;

/** Reads an order-history CSV into baskets: one per order, its distinct SKUs as items. */
public final class CsvHistory {

	public record Loaded(List<Basket> baskets, Dictionary items, Dictionary customers, int lines) {
	}

	private CsvHistory() {
	}

	public static Loaded read(Reader source) throws IOException, MalformedCsvException {
		Dictionary items = new Dictionary();
		Dictionary customers = new Dictionary();
		Dictionary orders = new Dictionary();
		List<int[]> orderHeads = new ArrayList<>();
		List<Set<Integer>> orderItems = new ArrayList<>();
		Map<Integer, Integer> firstLine = new HashMap<>();
		int[] lines = { 0 };
		MalformedCsvException[] problem = { null };
		OrderHistoryCsv.read(source, row -> {
			if (problem[0] != null) {
				return;
			}
			lines[0]++;
			int order = orders.id(row.orderId());
			int customer = customers.id(row.customer());
			int day = (int) row.orderedOn().toEpochDay();
			if (order == orderHeads.size()) {
				orderHeads.add(new int[] { customer, day });
				orderItems.add(new LinkedHashSet<>());
				firstLine.put(order, row.lineNumber());
			}
			else if (orderHeads.get(order)[0] != customer) {
				problem[0] = new MalformedCsvException(row.lineNumber(), "order " + row.orderId()
						+ " belongs to another customer on line " + firstLine.get(order));
				return;
			}
			orderItems.get(order).add(items.id(row.sku()));
		});
		if (problem[0] != null) {
			throw problem[0];
		}
		List<Basket> baskets = new ArrayList<>(orderHeads.size());
		for (int order = 0; order < orderHeads.size(); order++) {
			int[] head = orderHeads.get(order);
			baskets.add(new Basket(head[0], head[1], orderItems.get(order).stream().mapToInt(Integer::intValue).toArray()));
		}
		return new Loaded(baskets, items, customers, lines[0]);
	}

}
