package io.nextbox.admin.web;

import java.time.LocalDate;

import io.nextbox.catalog.IntervalUnit;
import io.nextbox.subscription.CancelReason;
import io.nextbox.subscription.Seen;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a staff action on a subscription sends: the version of the subscription the page showed (and the box, for a
 * skip), plus the value of the one action posted. Fields are objects, so a malformed value is a binding error shown
 * at its field; the rules live in the subscription module.
 */
public class StaffActionForm {

	private Long version;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate shipDate;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate date;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate until;

	private Integer count;

	private IntervalUnit unit;

	private Integer quantity;

	private Long planId;

	private Long productId;

	private CancelReason reason;

	private String note;

	/** A swap: the plan's product and the product to come instead, as {@code <from>:<to>}. */
	private String swap;

	Seen seen() {
		return new Seen(version, shipDate);
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	public LocalDate getShipDate() {
		return shipDate;
	}

	public void setShipDate(LocalDate shipDate) {
		this.shipDate = shipDate;
	}

	public LocalDate getDate() {
		return date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public LocalDate getUntil() {
		return until;
	}

	public void setUntil(LocalDate until) {
		this.until = until;
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

	public Integer getQuantity() {
		return quantity;
	}

	public void setQuantity(Integer quantity) {
		this.quantity = quantity;
	}

	public Long getPlanId() {
		return planId;
	}

	public void setPlanId(Long planId) {
		this.planId = planId;
	}

	public Long getProductId() {
		return productId;
	}

	public void setProductId(Long productId) {
		this.productId = productId;
	}

	public CancelReason getReason() {
		return reason;
	}

	public void setReason(CancelReason reason) {
		this.reason = reason;
	}

	public String getSwap() {
		return swap;
	}

	public void setSwap(String swap) {
		this.swap = swap;
	}

	/** The plan's product of {@link #getSwap()}, or null when it names none. */
	Long swapFrom() {
		return swapPart(0);
	}

	/** The product to come instead of {@link #getSwap()}, or null when it names none. */
	Long swapTo() {
		return swapPart(1);
	}

	private Long swapPart(int index) {
		String[] parts = swap == null ? new String[0] : swap.trim().split(":");
		if (parts.length != 2) {
			return null;
		}
		try {
			return Long.valueOf(parts[index]);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

}
