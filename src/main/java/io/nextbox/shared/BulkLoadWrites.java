package io.nextbox.shared;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs a bulk load (the demo seed) with H2's file writes deferred until it ends. With {@code WRITE_DELAY=0} H2 writes
 * its store to the file at every commit, and an identity column commits its sequence every 32 values: a load of
 * 100,000 rows in one transaction rewrote the changed pages of the file some 3,000 times (half the seed's time). For
 * the load, the delay is raised; then the previous delay is set again and a {@code CHECKPOINT} writes everything
 * once. Nothing else is changed: other databases, and an in-memory H2, run the load as it is.
 */
public final class BulkLoadWrites {

	private static final Logger log = LoggerFactory.getLogger(BulkLoadWrites.class);

	/** Long enough for any seed; H2 still writes when its unsaved changes exceed its cache. */
	private static final int DEFERRED_MILLIS = 60_000;

	private static final long LOAD_CACHE_MEGABYTES = 512;

	private BulkLoadWrites() {
	}

	/**
	 * A plain index of a table (no unique, primary or foreign key index behind it), which a bulk load may drop and
	 * build again afterwards: building an index over the rows at once costs a fraction of adding each row to it.
	 */
	public record Index(String name, String table, String columns) {

		String create() {
			return "create index if not exists " + name + " on " + table + " (" + columns + ")";
		}

	}

	public static <T> T deferred(JdbcTemplate jdbc, Supplier<T> load) {
		return deferred(jdbc, List.of(), load);
	}

	/**
	 * Runs the load with H2's file writes deferred (as {@link #deferred(JdbcTemplate, Supplier)}) and without the
	 * plain indexes of the given tables, which are built again after it, whether it succeeded or not. The indexes
	 * are read from the schema (so they are what the migrations made) and written to {@code bulk_load_index} before
	 * they are dropped: a load killed before it built them again leaves them there, and the next {@link #ensure}
	 * builds them. Call it outside a transaction: H2 commits at each index dropped or built (PostgreSQL would too,
	 * here, as each runs on its own).
	 */
	public static <T> T deferred(JdbcTemplate jdbc, List<String> tables, Supplier<T> load) {
		Integer previous = h2FileWriteDelay(jdbc);
		Integer previousCacheMegabytes = previous == null ? null : h2CacheMegabytes(jdbc);
		if (previous != null) {
			jdbc.execute("SET WRITE_DELAY " + DEFERRED_MILLIS);
		}
		if (previousCacheMegabytes != null && loadCacheMegabytes() > previousCacheMegabytes) {
			jdbc.execute("SET CACHE_SIZE " + loadCacheMegabytes() * 1024L);
		}
		try {
			if (tables.isEmpty()) {
				return load.get();
			}
			ensure(jdbc);
			try {
				dropPlainIndexes(jdbc, tables);
				return load.get();
			}
			finally {
				ensure(jdbc);
			}
		}
		finally {
			if (previous != null) {
				jdbc.execute("SET WRITE_DELAY " + previous);
				jdbc.execute("CHECKPOINT");
			}
			if (previousCacheMegabytes != null && loadCacheMegabytes() > previousCacheMegabytes) {
				jdbc.execute("SET CACHE_SIZE " + previousCacheMegabytes * 1024L);
			}
		}
	}

	/**
	 * Drops the plain indexes of the tables, each written to {@code bulk_load_index} first (and deleted from it
	 * again when the database keeps the index: H2 refuses to drop one that backs a foreign key).
	 *
	 * @return the indexes dropped
	 */
	public static List<Index> dropPlainIndexes(JdbcTemplate jdbc, List<String> tables) {
		List<Index> dropped = new ArrayList<>();
		for (Index index : plainIndexes(jdbc, tables)) {
			jdbc.update("insert into bulk_load_index (name, table_name, columns) values (?, ?, ?)", index.name(),
					index.table(), index.columns());
			try {
				jdbc.execute("drop index " + index.name());
				dropped.add(index);
			}
			catch (DataAccessException ex) {
				log.debug("Index {} kept for the bulk load: {}", index.name(), ex.getMessage());
				jdbc.update("delete from bulk_load_index where name = ?", index.name());
			}
		}
		return dropped;
	}

	/**
	 * Builds the indexes a bulk load dropped and has not built again (those in {@code bulk_load_index}: a load
	 * stopped midway), deleting each from there once built. Cheap when there is none: one query.
	 */
	public static void ensure(JdbcTemplate jdbc) {
		List<Index> dropped = jdbc.query("select name, table_name, columns from bulk_load_index order by name",
				(row, n) -> new Index(row.getString(1), row.getString(2), row.getString(3)));
		for (Index index : dropped) {
			jdbc.execute(index.create());
			jdbc.update("delete from bulk_load_index where name = ?", index.name());
		}
	}

	/**
	 * The plain indexes of the tables as the schema has them now: not unique, on columns in ascending or descending
	 * order, without a condition. Those the database keeps for a foreign key are among them (H2 lists them too).
	 */
	static List<Index> plainIndexes(JdbcTemplate jdbc, List<String> tables) {
		return jdbc.execute((ConnectionCallback<List<Index>>) connection -> {
			DatabaseMetaData metaData = connection.getMetaData();
			List<Index> indexes = new ArrayList<>();
			for (String table : tables) {
				String stored = metaData.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT)
						: metaData.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
				Map<String, TreeMap<Integer, String>> columns = new LinkedHashMap<>();
				Set<String> unusable = new HashSet<>();
				try (ResultSet rows = metaData.getIndexInfo(null, connection.getSchema(), stored, false, false)) {
					while (rows.next()) {
						String name = rows.getString("INDEX_NAME");
						if (name == null || rows.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
							continue;
						}
						String column = rows.getString("COLUMN_NAME");
						String order = rows.getString("ASC_OR_DESC");
						if (!rows.getBoolean("NON_UNIQUE") || column == null || !column.matches("\\w+")
								|| rows.getString("FILTER_CONDITION") != null) {
							unusable.add(name);
							continue;
						}
						columns.computeIfAbsent(name, n -> new TreeMap<>())
							.put((int) rows.getShort("ORDINAL_POSITION"), "D".equals(order) ? column + " desc" : column);
					}
				}
				columns.forEach((name, byPosition) -> {
					if (!unusable.contains(name)) {
						indexes.add(new Index(name, stored, String.join(", ", byPosition.values())));
					}
				});
			}
			return indexes;
		});
	}

	/**
	 * The page cache for the load: H2's default of 16 MB is smaller than a demo store, so the load's pages were
	 * written out and read back, at its commit most (a fifth of the seed). A quarter of the heap, at most 512 MB.
	 */
	private static long loadCacheMegabytes() {
		return Math.min(LOAD_CACHE_MEGABYTES, Runtime.getRuntime().maxMemory() / 4 / 1024 / 1024);
	}

	/** H2's page cache size in MB, or null where it cannot be read. */
	private static Integer h2CacheMegabytes(JdbcTemplate jdbc) {
		try {
			List<String> size = jdbc.queryForList(
					"select setting_value from information_schema.settings where setting_name = 'info.CACHE_MAX_SIZE'",
					String.class);
			return size.isEmpty() ? null : Integer.valueOf(size.get(0).trim());
		}
		catch (DataAccessException | NumberFormatException ex) {
			return null;
		}
	}

	/** The write delay of an H2 database kept in a file, when this session may change it; otherwise null. */
	private static Integer h2FileWriteDelay(JdbcTemplate jdbc) {
		try {
			Boolean h2File = jdbc.execute((ConnectionCallback<Boolean>) connection -> {
				String url = connection.getMetaData().getURL();
				return "H2".equals(connection.getMetaData().getDatabaseProductName()) && url != null
						&& !url.startsWith("jdbc:h2:mem:");
			});
			if (!Boolean.TRUE.equals(h2File)) {
				return null;
			}
			List<String> admin = jdbc.queryForList(
					"select is_admin from information_schema.users where user_name = current_user", String.class);
			if (admin.isEmpty() || !Boolean.parseBoolean(admin.get(0))) {
				return null;
			}
			List<String> delay = jdbc.queryForList(
					"select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'",
					String.class);
			return delay.isEmpty() ? null : Integer.valueOf(delay.get(0).trim());
		}
		catch (DataAccessException | NumberFormatException ex) {
			log.debug("Bulk load without deferred writes: {}", ex.getMessage());
			return null;
		}
	}

}
