package io.nextbox.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The actions applied to each subscription, one per version acted on, with what the subscriber was told: the
 * memory that lets a repeated request answer like the first without acting twice.
 */
@Component
class ActionLog {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final AppliedActionRepository applied;

	private final JsonMapper json;

	ActionLog(AppliedActionRepository applied, JsonMapper json) {
		this.applied = applied;
		this.json = json;
	}

	/** What the action with this fingerprint answered when it acted on {@code version}, if it did. */
	Optional<Outcome> replay(long subscriptionId, long version, String fingerprint) {
		return applied.findBySubscriptionIdAndActedOnVersion(subscriptionId, version)
			.filter(action -> action.getFingerprint().equals(fingerprint))
			.map(action -> new Outcome(action.getOutcomeCode(),
					json.readValue(action.getOutcomeArguments(), STRINGS).toArray()));
	}

	/**
	 * Records that the action acted on {@code version} and what it answered. A second action on the same version
	 * breaks the unique key: the subscription changed under it, and its transaction must not commit.
	 */
	void record(long subscriptionId, long version, String fingerprint, Outcome outcome, String actor, Instant now) {
		List<String> arguments = Arrays.stream(outcome.arguments()).map(String::valueOf).toList();
		try {
			applied.saveAndFlush(new AppliedAction(subscriptionId, version, fingerprint, outcome.code(),
					json.writeValueAsString(arguments), actor, now));
		}
		catch (DataIntegrityViolationException ex) {
			throw new SubscriptionChangedException(subscriptionId);
		}
	}

	/** The outcome with its values as text, exactly as a replay of it will show them. */
	static Outcome asText(Outcome outcome) {
		return new Outcome(outcome.code(), Arrays.stream(outcome.arguments()).map(String::valueOf).toArray());
	}

	/** A short, fixed-length name for an action and its values: two requests asking the same have the same one. */
	static String fingerprint(String action, Object... values) {
		StringBuilder text = new StringBuilder(action);
		for (Object value : values) {
			text.append('\u001f').append(value);
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
