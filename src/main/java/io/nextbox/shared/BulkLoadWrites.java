package io.nextbox.shared;

import java.util.List;
import java.util.Locale;
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
	 * A plain index of a table (no unique or foreign key behind it), which a bulk load may drop and build again
	 * afterwards: building an index over the rows at once costs a fraction of adding each row to it.
	 */
	public record Index(String name, String table, String columns) {

		String create() {
			return "create index if not exists " + name + " on " + table + " (" + columns + ")";
		}

	}

	/**
	 * A foreign key of a table's column to another table's id. H2 keeps an index for each (Postgres does not) and
	 * looks the referenced row up at every insert: a bulk load on H2 may drop the key and add it again afterwards,
	 * which checks every row the load added at once and builds the index in one go (named
	 * {@code <table>_<column>_fkey}, as PostgreSQL names them; H2's own names were generated).
	 */
	public record ForeignKey(String table, String column, String references) {

		String add() {
			return "alter table " + table + " add constraint " + table + "_" + column + "_fkey foreign key (" + column
					+ ") references " + references + " (id)";
		}

	}

	public static <T> T deferred(JdbcTemplate jdbc, Supplier<T> load) {
		return deferred(jdbc, List.of(), load);
	}

	public static <T> T deferred(JdbcTemplate jdbc, List<Index> indexes, Supplier<T> load) {
		return deferred(jdbc, indexes, List.of(), load);
	}

	/**
	 * Runs the load with H2's file writes deferred (as {@link #deferred(JdbcTemplate, Supplier)}) and without the
	 * given indexes, and on H2 without the given foreign keys, which are made again after it, whether it succeeded or
	 * not. Call it outside a transaction: H2 commits at each index or key dropped or made (PostgreSQL would too, here,
	 * as each runs on its own). They are first made where missing, so a load killed before it made them again leaves
	 * them missing only until the next start that calls {@link #ensure} or loads again.
	 */
	public static <T> T deferred(JdbcTemplate jdbc, List<Index> indexes, List<ForeignKey> foreignKeys,
			Supplier<T> load) {
		List<ForeignKey> dropped = isH2(jdbc) ? foreignKeys : List.of();
		Integer previous = h2FileWriteDelay(jdbc);
		Integer previousCacheMegabytes = previous == null ? null : h2CacheMegabytes(jdbc);
		if (previous != null) {
			jdbc.execute("SET WRITE_DELAY " + DEFERRED_MILLIS);
		}
		if (previousCacheMegabytes != null && loadCacheMegabytes() > previousCacheMegabytes) {
			jdbc.execute("SET CACHE_SIZE " + loadCacheMegabytes() * 1024L);
		}
		try {
			ensure(jdbc, indexes, dropped);
			try {
				dropped.forEach(foreignKey -> drop(jdbc, foreignKey));
				indexes.forEach(index -> drop(jdbc, index));
				return load.get();
			}
			finally {
				ensure(jdbc, indexes, dropped);
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

	/** Drops the index, unless the database keeps it for a constraint (H2 may back a foreign key with it). */
	private static void drop(JdbcTemplate jdbc, Index index) {
		try {
			jdbc.execute("drop index if exists " + index.name());
		}
		catch (DataAccessException ex) {
			log.debug("Index {} kept for the bulk load: {}", index.name(), ex.getMessage());
		}
	}

	/** Creates those of the indexes that are missing (a bulk load stopped before it built them again). */
	public static void ensure(JdbcTemplate jdbc, List<Index> indexes) {
		ensure(jdbc, indexes, List.of());
	}

	/**
	 * Creates those of the indexes, then adds those of the foreign keys, that are missing (a bulk load stopped before
	 * it made them again). The indexes first: a foreign key uses an index of the column where there is one.
	 */
	public static void ensure(JdbcTemplate jdbc, List<Index> indexes, List<ForeignKey> foreignKeys) {
		indexes.forEach(index -> jdbc.execute(index.create()));
		foreignKeys.stream()
			.filter(foreignKey -> constraintNames(jdbc, foreignKey).isEmpty())
			.forEach(foreignKey -> jdbc.execute(foreignKey.add()));
	}

	private static void drop(JdbcTemplate jdbc, ForeignKey foreignKey) {
		constraintNames(jdbc, foreignKey)
			.forEach(name -> jdbc.execute("alter table " + foreignKey.table() + " drop constraint \"" + name + "\""));
	}

	/** The names of the foreign key constraints on the column (one, or none once dropped). */
	private static List<String> constraintNames(JdbcTemplate jdbc, ForeignKey foreignKey) {
		return jdbc.queryForList("""
				select c.constraint_name from information_schema.table_constraints c
				join information_schema.key_column_usage k on k.constraint_schema = c.constraint_schema
				  and k.constraint_name = c.constraint_name and k.table_name = c.table_name
				where c.constraint_type = 'FOREIGN KEY' and c.table_schema = current_schema
				  and lower(c.table_name) = ? and lower(k.column_name) = ?""", String.class,
				foreignKey.table().toLowerCase(Locale.ROOT), foreignKey.column().toLowerCase(Locale.ROOT));
	}

	private static boolean isH2(JdbcTemplate jdbc) {
		return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> "H2"
			.equals(connection.getMetaData().getDatabaseProductName())));
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
