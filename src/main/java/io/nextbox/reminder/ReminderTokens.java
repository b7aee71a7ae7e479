package io.nextbox.reminder;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Signs and reads the tokens of reminder links: the action's fields, then an HMAC-SHA256 of them, both base64url.
 * A token whose signature does not match (tampered, or signed with another key) reads as nothing.
 */
@Component
class ReminderTokens {

	private static final String VERSION = "r1";

	private static final String SEPARATOR = "|";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final SigningKey key;

	ReminderTokens(SigningKey key) {
		this.key = key;
	}

	String sign(ActionToken token) {
		String payload = String.join(SEPARATOR, VERSION, token.action().name(), Long.toString(token.subscriberId()),
				Long.toString(token.subscriptionId()), text(token.boxDate()), text(token.offerId()),
				text(token.productId()), token.price() == null ? "" : token.price().toPlainString(),
				text(token.claimKey()), token.expiresAt() == null ? "" : Long.toString(token.expiresAt().getEpochSecond()));
		String body = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		return body + "." + ENCODER.encodeToString(mac(body));
	}

	/** The token's action, when its signature is right and it is well formed; expiry is the caller's to check. */
	Optional<ActionToken> read(String token) {
		if (token == null || token.length() > 1000) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		String body = token.substring(0, dot);
		try {
			byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
			if (!MessageDigest.isEqual(signature, mac(body))) {
				return Optional.empty();
			}
			String[] fields = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8)
				.split("\\|", -1);
			if (fields.length != 10 || !VERSION.equals(fields[0])) {
				return Optional.empty();
			}
			return Optional.of(new ActionToken(ActionToken.Action.valueOf(fields[1]), Long.parseLong(fields[2]),
					Long.parseLong(fields[3]), fields[4].isEmpty() ? null : LocalDate.parse(fields[4]),
					fields[5].isEmpty() ? null : Long.valueOf(fields[5]),
					fields[6].isEmpty() ? null : Long.valueOf(fields[6]),
					fields[7].isEmpty() ? null : new BigDecimal(fields[7]), fields[8].isEmpty() ? null : fields[8],
					fields[9].isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(fields[9]))));
		}
		catch (IllegalArgumentException | DateTimeException malformed) {
			return Optional.empty();
		}
	}

	/** A stable name of a token, for remembering that it was used. */
	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] mac(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
			return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

}
