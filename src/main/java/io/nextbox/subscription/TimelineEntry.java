package io.nextbox.subscription;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of a subscription's timeline: what changed, when and by whom. {@code detail} holds the values the
 * message of its kind shows, separated by {@code |}.
 */
@Entity
@Table(name = "subscription_event")
class TimelineEntry {

	static final String SEPARATOR = "|";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "subscription_id")
	private Long subscriptionId;

	@Column(name = "occurred_at")
	private Instant occurredAt;

	private String actor;

	private String kind;

	private String detail;

	@Column(name = "by_store")
	private boolean byStore;

	protected TimelineEntry() {
	}

	TimelineEntry(long subscriptionId, Instant occurredAt, Actor actor, TimelineKind kind, Object... values) {
		this(subscriptionId, occurredAt, actor.email(), kind, values);
		this.byStore = actor.store();
	}

	TimelineEntry(long subscriptionId, Instant occurredAt, String actor, TimelineKind kind, Object... values) {
		this.subscriptionId = subscriptionId;
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.kind = kind.name();
		StringBuilder text = new StringBuilder();
		for (Object value : values) {
			if (!text.isEmpty()) {
				text.append(SEPARATOR);
			}
			text.append(value == null ? "" : value.toString().replace(SEPARATOR, "/"));
		}
		this.detail = text.length() > 500 ? text.substring(0, 500) : text.toString();
	}

	/** The values recorded, in order. */
	String[] values() {
		return values(detail);
	}

	/** The values a {@code detail} column holds, in order. */
	static String[] values(String detail) {
		return detail.isEmpty() ? new String[0] : detail.split("\\" + SEPARATOR, -1);
	}

}
