package io.nextbox.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "store_settings")
class StoreSettingsRow {

	static final int ONLY_ROW = 1;

	@Id
	private Integer id;

	@Column(name = "store_name")
	private String storeName;

	private String currency;

	@Column(name = "cutoff_hours")
	private int cutoffHours;

	@Column(name = "reschedule_window_days")
	private int rescheduleWindowDays;

	@Column(name = "min_quantity")
	private int minQuantity;

	@Column(name = "max_quantity")
	private int maxQuantity;

	@Column(name = "holdout_percent")
	private int holdoutPercent;

	@Column(name = "allow_skip")
	private boolean allowSkip;

	@Column(name = "allow_reschedule")
	private boolean allowReschedule;

	@Column(name = "allow_pause")
	private boolean allowPause;

	@Column(name = "allow_change_interval")
	private boolean allowChangeInterval;

	@Column(name = "allow_change_quantity")
	private boolean allowChangeQuantity;

	@Column(name = "allow_change_plan")
	private boolean allowChangePlan;

	@Column(name = "allow_cancel")
	private boolean allowCancel;

	@Column(name = "allow_reactivate")
	private boolean allowReactivate;

	@Column(name = "allow_swap")
	private boolean allowSwap;

	@Column(name = "reminders_enabled")
	private boolean remindersEnabled;

	@Column(name = "reminder_days")
	private int reminderDays;

	@Version
	private long version;

	protected StoreSettingsRow() {
	}

	StoreSettings toSettings() {
		return new StoreSettings(storeName, currency, cutoffHours, rescheduleWindowDays, minQuantity, maxQuantity,
				holdoutPercent, new StoreSettings.PortalActions(allowSkip, allowReschedule, allowPause,
						allowChangeInterval, allowChangeQuantity, allowChangePlan, allowCancel, allowReactivate,
						allowSwap),
				new StoreSettings.Reminders(remindersEnabled, reminderDays));
	}

	void update(StoreSettings settings) {
		this.storeName = settings.storeName();
		this.currency = settings.currency();
		this.cutoffHours = settings.cutoffHours();
		this.rescheduleWindowDays = settings.rescheduleWindowDays();
		this.minQuantity = settings.minQuantity();
		this.maxQuantity = settings.maxQuantity();
		this.holdoutPercent = settings.holdoutPercent();
		StoreSettings.PortalActions actions = settings.portalActions();
		this.allowSkip = actions.skip();
		this.allowReschedule = actions.reschedule();
		this.allowPause = actions.pause();
		this.allowChangeInterval = actions.changeInterval();
		this.allowChangeQuantity = actions.changeQuantity();
		this.allowChangePlan = actions.changePlan();
		this.allowCancel = actions.cancel();
		this.allowReactivate = actions.reactivate();
		this.allowSwap = actions.swap();
		this.remindersEnabled = settings.reminders().enabled();
		this.reminderDays = settings.reminders().daysBeforeCutoff();
	}

	void rename(String storeName, String currency) {
		this.storeName = storeName;
		this.currency = currency;
	}

}
