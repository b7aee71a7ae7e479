package io.nextbox.store.web;

import java.util.Locale;

import io.nextbox.store.StoreSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The portal settings form; the messages of its constraints are keys in messages.properties. */
public class SettingsForm {

	@NotBlank(message = "{settings.storeName.required}")
	@Size(max = 100, message = "{settings.storeName.size}")
	private String storeName;

	@NotNull(message = "{settings.currency.invalid}")
	@Pattern(regexp = "[A-Z]{3}", message = "{settings.currency.invalid}")
	private String currency;

	@NotNull(message = "{settings.number.required}")
	@Min(value = 0, message = "{settings.cutoff.range}")
	@Max(value = 720, message = "{settings.cutoff.range}")
	private Integer cutoffHours;

	@NotNull(message = "{settings.number.required}")
	@Min(value = 1, message = "{settings.window.range}")
	@Max(value = 365, message = "{settings.window.range}")
	private Integer rescheduleWindowDays;

	@NotNull(message = "{settings.number.required}")
	@Min(value = 1, message = "{settings.quantity.range}")
	@Max(value = 100, message = "{settings.quantity.range}")
	private Integer minQuantity;

	@NotNull(message = "{settings.number.required}")
	@Min(value = 1, message = "{settings.quantity.range}")
	@Max(value = 100, message = "{settings.quantity.range}")
	private Integer maxQuantity;

	@NotNull(message = "{settings.number.required}")
	@Min(value = 0, message = "{settings.holdout.range}")
	@Max(value = 50, message = "{settings.holdout.range}")
	private Integer holdoutPercent;

	private boolean remindersEnabled;

	@NotNull(message = "{settings.number.required}")
	@Min(value = StoreSettings.Reminders.MIN_DAYS, message = "{settings.reminderDays.range}")
	@Max(value = StoreSettings.Reminders.MAX_DAYS, message = "{settings.reminderDays.range}")
	private Integer reminderDays;

	private boolean skip;

	private boolean reschedule;

	private boolean pause;

	private boolean changeInterval;

	private boolean changeQuantity;

	private boolean changePlan;

	private boolean cancel;

	private boolean reactivate;

	private boolean swap;

	static SettingsForm of(StoreSettings settings) {
		SettingsForm form = new SettingsForm();
		form.storeName = settings.storeName();
		form.currency = settings.currency();
		form.cutoffHours = settings.cutoffHours();
		form.rescheduleWindowDays = settings.rescheduleWindowDays();
		form.minQuantity = settings.minQuantity();
		form.maxQuantity = settings.maxQuantity();
		form.holdoutPercent = settings.holdoutPercent();
		StoreSettings.PortalActions actions = settings.portalActions();
		form.skip = actions.skip();
		form.reschedule = actions.reschedule();
		form.pause = actions.pause();
		form.changeInterval = actions.changeInterval();
		form.changeQuantity = actions.changeQuantity();
		form.changePlan = actions.changePlan();
		form.cancel = actions.cancel();
		form.reactivate = actions.reactivate();
		form.swap = actions.swap();
		form.remindersEnabled = settings.reminders().enabled();
		form.reminderDays = settings.reminders().daysBeforeCutoff();
		return form;
	}

	StoreSettings toSettings() {
		return new StoreSettings(storeName.trim(), currency, cutoffHours, rescheduleWindowDays, minQuantity,
				maxQuantity, holdoutPercent, new StoreSettings.PortalActions(skip, reschedule, pause, changeInterval,
						changeQuantity, changePlan, cancel, reactivate, swap),
				new StoreSettings.Reminders(remindersEnabled, reminderDays));
	}

	// getters and setters for binding

	public String getStoreName() {
		return storeName;
	}

	public void setStoreName(String storeName) {
		this.storeName = storeName;
	}

	public String getCurrency() {
		return currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency == null ? null : currency.trim().toUpperCase(Locale.ROOT);
	}

	public Integer getCutoffHours() {
		return cutoffHours;
	}

	public void setCutoffHours(Integer cutoffHours) {
		this.cutoffHours = cutoffHours;
	}

	public Integer getRescheduleWindowDays() {
		return rescheduleWindowDays;
	}

	public void setRescheduleWindowDays(Integer rescheduleWindowDays) {
		this.rescheduleWindowDays = rescheduleWindowDays;
	}

	public Integer getMinQuantity() {
		return minQuantity;
	}

	public void setMinQuantity(Integer minQuantity) {
		this.minQuantity = minQuantity;
	}

	public Integer getMaxQuantity() {
		return maxQuantity;
	}

	public void setMaxQuantity(Integer maxQuantity) {
		this.maxQuantity = maxQuantity;
	}

	public Integer getHoldoutPercent() {
		return holdoutPercent;
	}

	public void setHoldoutPercent(Integer holdoutPercent) {
		this.holdoutPercent = holdoutPercent;
	}

	public boolean isRemindersEnabled() {
		return remindersEnabled;
	}

	public void setRemindersEnabled(boolean remindersEnabled) {
		this.remindersEnabled = remindersEnabled;
	}

	public Integer getReminderDays() {
		return reminderDays;
	}

	public void setReminderDays(Integer reminderDays) {
		this.reminderDays = reminderDays;
	}

	public boolean isSkip() {
		return skip;
	}

	public void setSkip(boolean skip) {
		this.skip = skip;
	}

	public boolean isReschedule() {
		return reschedule;
	}

	public void setReschedule(boolean reschedule) {
		this.reschedule = reschedule;
	}

	public boolean isPause() {
		return pause;
	}

	public void setPause(boolean pause) {
		this.pause = pause;
	}

	public boolean isChangeInterval() {
		return changeInterval;
	}

	public void setChangeInterval(boolean changeInterval) {
		this.changeInterval = changeInterval;
	}

	public boolean isChangeQuantity() {
		return changeQuantity;
	}

	public void setChangeQuantity(boolean changeQuantity) {
		this.changeQuantity = changeQuantity;
	}

	public boolean isChangePlan() {
		return changePlan;
	}

	public void setChangePlan(boolean changePlan) {
		this.changePlan = changePlan;
	}

	public boolean isCancel() {
		return cancel;
	}

	public void setCancel(boolean cancel) {
		this.cancel = cancel;
	}

	public boolean isReactivate() {
		return reactivate;
	}

	public void setReactivate(boolean reactivate) {
		this.reactivate = reactivate;
	}

	public boolean isSwap() {
		return swap;
	}

	public void setSwap(boolean swap) {
		this.swap = swap;
	}

}
