package io.nextbox.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The problems a check finds, listed by line whatever order they were found in (a row's own problem while reading,
 * an unknown SKU or an order's total after): the first {@code limit} by line, then a note that there are more.
 */
final class LineProblems {

	static final String MORE = "... and more: fix these first";

	private final int limit;

	/** By line, then in the order found; a long key keeps the memory to {@code limit} entries on any file. */
	private final TreeMap<Long, String> byLine = new TreeMap<>();

	private int found;

	private boolean dropped;

	LineProblems(int limit) {
		this.limit = limit;
	}

	/** {@code text} without its line: it is written "line N: text", or "line N, field: text" when it starts so. */
	void add(long line, String text) {
		byLine.put(line << 32 | found++ & 0xffffffffL, "line " + line + (text.startsWith(", ") ? "" : ": ") + text);
		if (byLine.size() > limit) {
			byLine.pollLastEntry();
			dropped = true;
		}
	}

	boolean isEmpty() {
		return byLine.isEmpty();
	}

	List<String> list() {
		List<String> list = new ArrayList<>(byLine.values());
		if (dropped) {
			list.add(MORE);
		}
		return list;
	}

}
