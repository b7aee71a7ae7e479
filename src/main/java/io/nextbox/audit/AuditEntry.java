package io.nextbox.audit;

import java.time.Instant;
import java.util.List;

/** One recorded change, as the audit page shows it. */
public record AuditEntry(long id, Instant at, String who, AuditArea area, Long subjectId, String subject,
		String action, List<FieldChange> changes) {

	/** Whether {@link #action()} is one of {@link AuditAction} (worded by the page) rather than free text. */
	public boolean namedAction() {
		for (AuditAction known : AuditAction.values()) {
			if (known.name().equals(action)) {
				return true;
			}
		}
		return false;
	}

}
