package io.nextbox.store;

import java.time.Duration;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the store's settings. Every page reads them (name, currency), so they are kept for a few
 * seconds; another instance's change is seen within that time.
 */
@Service
public class StoreSettingsService {

	private static final long FRESH_FOR_NANOS = Duration.ofSeconds(5).toNanos();

	private final StoreSettingsRepository settings;

	private volatile Cached cached;

	private record Cached(StoreSettings settings, long readAtNanos) {
	}

	StoreSettingsService(StoreSettingsRepository settings) {
		this.settings = settings;
	}

	public StoreSettings current() {
		Cached snapshot = cached;
		long now = System.nanoTime();
		if (snapshot == null || now - snapshot.readAtNanos() > FRESH_FOR_NANOS) {
			snapshot = new Cached(row().toSettings(), now);
			cached = snapshot;
		}
		return snapshot.settings();
	}

	/** Sets the name and currency the portal shows; used by the demo store and, later, the settings page. */
	@Transactional
	public void rename(String storeName, String currency) {
		row().rename(storeName, currency);
		cached = null;
	}

	/** Replaces every setting at once; the values are checked by the database's constraints too. */
	@Transactional
	public void update(StoreSettings newSettings) {
		row().update(newSettings);
		cached = null;
	}

	private StoreSettingsRow row() {
		return settings.findById(StoreSettingsRow.ONLY_ROW)
			.orElseThrow(() -> new IllegalStateException("store_settings has no row: the migrations did not run"));
	}

}
