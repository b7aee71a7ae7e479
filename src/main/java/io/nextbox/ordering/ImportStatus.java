package io.nextbox.ordering;

import java.util.List;

/**
 * Where an import stands: its progress and, once finished, its outcome, the problems it found and (the first few
 * of) the customers it created.
 */
public record ImportStatus(long id, String fileName, String status, int totalLines, int processed, int ordersAdded,
		int ordersSkipped, int customersNew, List<String> report, List<String> newCustomers) {

	public boolean finished() {
		return status.equals("DONE") || status.equals("REJECTED") || status.equals("FAILED");
	}

	public int percent() {
		if (status.equals("DONE")) {
			return 100;
		}
		return totalLines == 0 ? 0 : Math.min(99, processed * 100 / totalLines);
	}

	/** How many of the customers it created are not in {@link #newCustomers()}. */
	public int moreNewCustomers() {
		return Math.max(0, customersNew - newCustomers.size());
	}

}
