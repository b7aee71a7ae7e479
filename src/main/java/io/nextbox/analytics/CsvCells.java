package io.nextbox.analytics;

/** Spreadsheet formula injection: a cell a spreadsheet would run as a formula is written as text instead. */
final class CsvCells {

	private CsvCells() {
	}

	static String neutralised(String cell) {
		if (cell == null || cell.isEmpty()) {
			return cell;
		}
		char first = cell.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + cell : cell;
	}

}
