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

	private BulkLoadWrites() {
	}

	public static <T> T deferred(JdbcTemplate jdbc, Supplier<T> load) {
		Integer previous = h2FileWriteDelay(jdbc);
		if (previous == null) {
			return load.get();
		}
		jdbc.execute("SET WRITE_DELAY " + DEFERRED_MILLIS);
		try {
			return load.get();
		}
		finally {
			jdbc.execute("SET WRITE_DELAY " + previous);
			jdbc.execute("CHECKPOINT");
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
