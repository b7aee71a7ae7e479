package io.nextbox.audit;

/**
 * The changes the application records by name (the page words each through {@code audit.action.*}). Actions on a
 * subscriber's behalf are free text ({@link AuditLog#onSubscribersBehalf}).
 */
public enum AuditAction {

	CREATED, UPDATED, ACTIVATED, PAUSED, ENDED, STATUS_CHANGED, RETIRED, ADDED, REMOVED, INVITED,
	PASSWORD_CHANGED, PASSWORD_SET_BY_LINK, PASSWORD_LINK_ISSUED, IMPORT_STARTED, IMPORT_FINISHED, IMPORT_REJECTED,
	IMPORT_FAILED;

	/** The action that a move to {@code status} is: activated, paused, ended, retired, or a plain status change. */
	static AuditAction forStatus(String status) {
		return switch (status) {
			case "ACTIVE" -> ACTIVATED;
			case "PAUSED" -> PAUSED;
			case "ENDED" -> ENDED;
			case "RETIRED" -> RETIRED;
			default -> STATUS_CHANGED;
		};
	}

}
