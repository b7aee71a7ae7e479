package io.nextbox.store;

import io.nextbox.audit.AuditArea;
import io.nextbox.audit.AuditLog;
import io.nextbox.shared.Fresh;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the store's settings. Every page reads them (name, currency), so they are kept for a few
 * seconds; another instance's change is seen within that time.
 */
@Service
public class StoreSettingsService {

	private final StoreSettingsRepository settings;

	private final Fresh<StoreSettings> cached;

	private final AuditLog audit;

	StoreSettingsService(StoreSettingsRepository settings, AuditLog audit) {
		this.settings = settings;
		this.audit = audit;
		this.cached = new Fresh<>(() -> row().toSettings());
	}

	public StoreSettings current() {
		return cached.get();
	}

	/** Sets the name and currency the portal shows; used by the demo store and, later, the settings page. */
	@Transactional
	public void rename(String storeName, String currency) {
		StoreSettingsRow row = row();
		StoreSettings before = row.toSettings();
		row.rename(storeName, currency);
		audited(before, row.toSettings());
	}

	/** Replaces every setting at once; the values are checked by the database's constraints too. */
	@Transactional
	public void update(StoreSettings newSettings) {
		StoreSettingsRow row = row();
		StoreSettings before = row.toSettings();
		row.update(newSettings);
		audited(before, row.toSettings());
	}

	private void audited(StoreSettings before, StoreSettings after) {
		cached.forget();
		audit.updated(AuditArea.SETTINGS, null, after.storeName(), before, after);
	}

	private StoreSettingsRow row() {
		return settings.findById(StoreSettingsRow.ONLY_ROW)
			.orElseThrow(() -> new IllegalStateException("store_settings has no row: the migrations did not run"));
	}

}
