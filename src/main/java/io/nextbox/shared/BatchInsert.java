package io.nextbox.shared;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows in JDBC batches and returns their generated ids in insertion order. Bulk loads (the demo
 * store, history imports) go through here: identity columns rule out Hibernate's own insert batching.
 */
public final class BatchInsert {

	/** Binds one row's values to the prepared statement. */
	@FunctionalInterface
	public interface RowBinder<T> {

		void bind(PreparedStatement statement, T row) throws SQLException;

	}

	private static final int BATCH_SIZE = 500;

	private BatchInsert() {
	}

	public static <T> List<Long> insertReturningIds(JdbcTemplate jdbc, String sql, List<T> rows, RowBinder<T> binder) {
		return jdbc.execute((ConnectionCallback<List<Long>>) connection -> insert(connection, sql, rows, binder, true));
	}

	public static <T> void insert(JdbcTemplate jdbc, String sql, List<T> rows, RowBinder<T> binder) {
		jdbc.execute((ConnectionCallback<List<Long>>) connection -> insert(connection, sql, rows, binder, false));
	}

	private static <T> List<Long> insert(Connection connection, String sql, List<T> rows, RowBinder<T> binder,
			boolean returnIds) throws SQLException {
		List<Long> ids = new ArrayList<>(returnIds ? rows.size() : 0);
		try (PreparedStatement statement = returnIds ? connection.prepareStatement(sql, new String[] { "id" })
				: connection.prepareStatement(sql)) {
			int pending = 0;
			for (T row : rows) {
				binder.bind(statement, row);
				statement.addBatch();
				if (++pending == BATCH_SIZE) {
					flush(statement, ids, returnIds);
					pending = 0;
				}
			}
			if (pending > 0) {
				flush(statement, ids, returnIds);
			}
		}
		if (returnIds && ids.size() != rows.size()) {
			throw new IllegalStateException("Expected " + rows.size() + " generated ids but got " + ids.size());
		}
		return ids;
	}

	/** Binds a value that may be null. */
	public static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
		if (value == null) {
			statement.setNull(index, Types.BIGINT);
		}
		else {
			statement.setLong(index, value);
		}
	}

	/** Binds a date that may be null. */
	public static void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
		if (date == null) {
			statement.setNull(index, Types.DATE);
		}
		else {
			statement.setDate(index, Date.valueOf(date));
		}
	}

	private static void flush(PreparedStatement statement, List<Long> ids, boolean returnIds) throws SQLException {
		statement.executeBatch();
		if (returnIds) {
			try (ResultSet keys = statement.getGeneratedKeys()) {
				while (keys.next()) {
					ids.add(keys.getLong(1));
				}
			}
		}
	}

}
