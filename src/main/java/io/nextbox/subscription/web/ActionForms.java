package io.nextbox.subscription.web;

import java.time.LocalDate;

import io.nextbox.catalog.IntervalUnit;
import io.nextbox.subscription.CancelReason;
import io.nextbox.subscription.Seen;
import io.nextbox.subscription.SubscriptionDetails;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The forms of the subscription page, one per action. Fields are objects, so a missing or malformed value is a
 * binding error shown next to its field rather than a failed request; the rules themselves live in the service.
 * Every form names the state of the subscription it acts on: the version the page showed (a hidden field).
 */
final class ActionForms {

	private ActionForms() {
	}

	/** An action without values of its own (unskip, resume, reactivate), and what every form carries. */
	static class ActionForm {

		private Long version;

		Seen seen() {
			return Seen.version(version);
		}

		public Long getVersion() {
			return version;
		}

		public void setVersion(Long version) {
			this.version = version;
		}

	}

	/** A skip names the box it skips as well. */
	static class SkipForm extends ActionForm {

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate shipDate;

		@Override
		Seen seen() {
			return new Seen(getVersion(), shipDate);
		}

		public LocalDate getShipDate() {
			return shipDate;
		}

		public void setShipDate(LocalDate shipDate) {
			this.shipDate = shipDate;
		}

	}

	static class RescheduleForm extends ActionForm {

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate date;

		static RescheduleForm of(SubscriptionDetails details) {
			RescheduleForm form = new RescheduleForm();
			form.date = details.nextShipment() == null ? null : details.nextShipment().shipDate();
			return form;
		}

		public LocalDate getDate() {
			return date;
		}

		public void setDate(LocalDate date) {
			this.date = date;
		}

	}

	static class PauseForm extends ActionForm {

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate until;

		public LocalDate getUntil() {
			return until;
		}

		public void setUntil(LocalDate until) {
			this.until = until;
		}

	}

	static class IntervalForm extends ActionForm {

		private Integer count;

		private IntervalUnit unit;

		static IntervalForm of(SubscriptionDetails details) {
			IntervalForm form = new IntervalForm();
			form.count = details.subscription().interval().count();
			form.unit = details.subscription().interval().unit();
			return form;
		}

		public Integer getCount() {
			return count;
		}

		public void setCount(Integer count) {
			this.count = count;
		}

		public IntervalUnit getUnit() {
			return unit;
		}

		public void setUnit(IntervalUnit unit) {
			this.unit = unit;
		}

	}

	static class QuantityForm extends ActionForm {

		private Integer quantity;

		static QuantityForm of(SubscriptionDetails details) {
			QuantityForm form = new QuantityForm();
			form.quantity = details.subscription().quantity();
			return form;
		}

		public Integer getQuantity() {
			return quantity;
		}

		public void setQuantity(Integer quantity) {
			this.quantity = quantity;
		}

	}

	static class PlanForm extends ActionForm {

		private Long planId;

		public Long getPlanId() {
			return planId;
		}

		public void setPlanId(Long planId) {
			this.planId = planId;
		}

	}

	static class CancelForm extends ActionForm {

		private CancelReason reason;

		private String note;

		public CancelReason getReason() {
			return reason;
		}

		public void setReason(CancelReason reason) {
			this.reason = reason;
		}

		public String getNote() {
			return note;
		}

		public void setNote(String note) {
			this.note = note;
		}

	}

}
