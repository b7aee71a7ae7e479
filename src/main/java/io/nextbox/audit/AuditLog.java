package io.nextbox.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records merchant changes. Call it inside the transaction of the change (its methods join it), so an entry is
 * written exactly when the change commits. Who made it is the signed-in person ({@link Authentication#getName()},
 * their email), or the label set by {@link #actingAs}, or {@link #SYSTEM} for work nobody signed in started.
 * Work a merchant started that finishes on another thread (an import, invitations sent in the background) takes
 * {@link #currentActor()} along and runs under {@link #actingAs}, so its entries name that merchant.
 */
@Service
public class AuditLog {

	/** Who made a change that no person and no named process started (the demo seeder, a scheduled job). */
	public static final String SYSTEM = "system";

	/** Who made a change from a command on the jar, such as {@code add-merchant}. */
	public static final String COMMAND_LINE = "command line";

	/** Who made a change from the start-up properties, such as the first merchant. */
	public static final String START_UP_PROPERTIES = "start-up properties";

	static final int MAX_WHO = 254;

	static final int MAX_SUBJECT = 200;

	static final int MAX_ACTION = 100;

	static final int MAX_VALUE = 500;

	static final int MAX_CHANGES = 8000;

	/** The field of the last change when some did not fit; its {@code after} says how many were left out. */
	public static final String MORE = "…";

	private static final ThreadLocal<String> ACTOR = new ThreadLocal<>();

	private final JdbcTemplate jdbc;

	/** Plain JSON of {@link FieldChange} records: no application-wide settings needed (slice tests have none). */
	static final JsonMapper JSON = JsonMapper.builder().build();

	private final Clock clock;

	AuditLog(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Something new, with every field it was created with. */
	@Transactional
	public void created(AuditArea area, Long subjectId, String subject, Object state) {
		write(area, subjectId, subject, AuditAction.CREATED.name(), FieldChanges.between(null, state));
	}

	/**
	 * An edit, field by field from {@code before} to {@code after} (two records of the same type, see
	 * {@link FieldChanges}); an edit that changed nothing records nothing.
	 */
	@Transactional
	public void updated(AuditArea area, Long subjectId, String subject, Object before, Object after) {
		List<FieldChange> changes = FieldChanges.between(before, after);
		if (!changes.isEmpty()) {
			write(area, subjectId, subject, AuditAction.UPDATED.name(), changes);
		}
	}

	/** A move from one status to another (activated, paused, ended, retired); none when it stays the same. */
	@Transactional
	public void statusChanged(AuditArea area, Long subjectId, String subject, Object before, Object after) {
		String was = FieldChanges.text(before);
		String is = FieldChanges.text(after);
		if (!was.equals(is)) {
			write(area, subjectId, subject, AuditAction.forStatus(is).name(),
					List.of(new FieldChange("status", was, is)));
		}
	}

	/** Any other named change, with the fields worth showing (none is fine: "password changed"). */
	@Transactional
	public void recorded(AuditArea area, Long subjectId, String subject, AuditAction action, FieldChange... changes) {
		write(area, subjectId, subject, action.name(), List.of(changes));
	}

	/**
	 * Something a merchant did for a subscriber: {@code action} in words, such as "invitation sent" or "skipped the
	 * box", with its details (the box's date, say).
	 */
	@Transactional
	public void onSubscribersBehalf(long subscriberId, String subscriber, String action, FieldChange... details) {
		write(AuditArea.SUBSCRIBERS, subscriberId, subscriber, action, List.of(details));
	}

	/** A merchant invited by email to join the staff. */
	@Transactional
	public void staffInvited(Long accountId, String email) {
		write(AuditArea.STAFF, accountId, email, AuditAction.INVITED.name(), List.of(FieldChange.set("email", email)));
	}

	/** Runs {@code work} with {@code who} as the author of what it records, on this thread. */
	public <T> T actingAs(String who, Supplier<T> work) {
		String outer = ACTOR.get();
		ACTOR.set(who);
		try {
			return work.get();
		}
		finally {
			if (outer == null) {
				ACTOR.remove();
			}
			else {
				ACTOR.set(outer);
			}
		}
	}

	public void actingAs(String who, Runnable work) {
		actingAs(who, () -> {
			work.run();
			return null;
		});
	}

	/** Who is making changes on this thread now. */
	public String currentActor() {
		String named = ACTOR.get();
		if (named != null) {
			return named;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken || authentication.getName() == null) {
			return SYSTEM;
		}
		return authentication.getName();
	}

	private void write(AuditArea area, Long subjectId, String subject, String action, List<FieldChange> changes) {
		jdbc.update("insert into audit_entry (occurred_at, actor, area, subject_id, subject, action, changes) "
				+ "values (?, ?, ?, ?, ?, ?, ?)", Timestamp.from(clock.instant()), cut(currentActor(), MAX_WHO),
				area.name(), subjectId, cut(subject == null ? "" : subject, MAX_SUBJECT), cut(action, MAX_ACTION),
				fitted(changes));
	}

	/** The changes as JSON within the column: long values cut, and the last fields left out if still too long. */
	String fitted(List<FieldChange> changes) {
		List<FieldChange> kept = new ArrayList<>();
		for (FieldChange change : changes) {
			kept.add(change.hidden() ? change
					: new FieldChange(cut(change.field(), MAX_VALUE), cut(change.before(), MAX_VALUE),
							cut(change.after(), MAX_VALUE)));
		}
		String text = JSON.writeValueAsString(kept);
		while (text.length() > MAX_CHANGES) {
			kept.remove(kept.size() - 1);
			int left = changes.size() - kept.size();
			List<FieldChange> marked = new ArrayList<>(kept);
			marked.add(new FieldChange(MORE, "", String.valueOf(left)));
			text = JSON.writeValueAsString(marked);
		}
		return text;
	}

	private static String cut(String text, int length) {
		if (text == null || text.length() <= length) {
			return text;
		}
		int end = length - 1;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}

}
