package io.nextbox.shared;

import java.util.List;
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

	public static <T> T deferred(JdbcTemplate jdbc, Supplier<T> load) {
		return deferred(jdbc, List.of(), load);
	}

	/**
	 * Runs the load with H2's file writes deferred (as {@link #deferred(JdbcTemplate, Supplier)}) and without the
	 * given indexes, which are built again after it, whether it succeeded or not. Call it outside a transaction: H2
	 * commits at each index dropped or built (PostgreSQL would too, here, as each runs on its own). The indexes are
	 * first created where missing, so a load killed before it built them again leaves them missing only until the
	 * next bulk load (see {@link #ensure}).
	 */
	public static <T> T deferred(JdbcTemplate jdbc, List<Index> indexes, Supplier<T> load) {
		Integer previous = h2FileWriteDelay(jdbc);
		Integer previousCacheMegabytes = previous == null ? null : h2CacheMegabytes(jdbc);
		if (previous != null) {
			jdbc.execute("SET WRITE_DELAY " + DEFERRED_MILLIS);
		}
		if (previousCacheMegabytes != null && loadCacheMegabytes() > previousCacheMegabytes) {
			jdbc.execute("SET CACHE_SIZE " + loadCacheMegabytes() * 1024L);
		}
		try {
			ensure(jdbc, indexes);
			try {
				indexes.forEach(index -> drop(jdbc, index));
				return load.get();
			}
			finally {
				ensure(jdbc, indexes);
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
		indexes.forEach(index -> jdbc.execute(index.create()));
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
