package io.nextbox.audit;

import java.time.LocalDate;

/**
 * Which entries to list: every criterion may be missing. {@code who} and {@code subject} match any part of the
 * text, ignoring case; {@code from} and {@code to} are whole days in the store's time zone, both included.
 */
public record AuditFilter(AuditArea area, String who, LocalDate from, LocalDate to, String subject) {

	public static AuditFilter none() {
		return new AuditFilter(null, null, null, null, null);
	}

}
