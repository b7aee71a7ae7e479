package io.nextbox.subscription;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A self-service action that changed a subscription: the version it acted on, what was asked (a fingerprint of
 * the action and its values) and what the subscriber was told, so a repeat of the same request is answered alike.
 */
@Entity
@Table(name = "subscription_action")
class AppliedAction {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "subscription_id")
	private Long subscriptionId;

	@Column(name = "acted_on_version")
	private long actedOnVersion;

	private String fingerprint;

	@Column(name = "outcome_code")
	private String outcomeCode;

	@Column(name = "outcome_arguments")
	private String outcomeArguments;

	private String actor;

	@Column(name = "acted_at")
	private Instant actedAt;

	protected AppliedAction() {
	}

	AppliedAction(long subscriptionId, long actedOnVersion, String fingerprint, String outcomeCode,
			String outcomeArguments, String actor, Instant actedAt) {
		this.subscriptionId = subscriptionId;
		this.actedOnVersion = actedOnVersion;
		this.fingerprint = fingerprint;
		this.outcomeCode = outcomeCode;
		this.outcomeArguments = outcomeArguments;
		this.actor = actor;
		this.actedAt = actedAt;
	}

	String getFingerprint() {
		return fingerprint;
	}

	String getOutcomeCode() {
		return outcomeCode;
	}

	String getOutcomeArguments() {
		return outcomeArguments;
	}

}
