package io.nextbox.engagement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.nextbox.offer.OfferKind;
import io.nextbox.offer.Placement;
import io.nextbox.subscription.ActionRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs and reads a widget card's key: the card's facts (subscriber, subscription, box, offer, placement, kind,
 * product or plan, price, reason, when it was shown, a random nonce), base64url, then an HMAC-SHA256 of them. Showing a card writes
 * nothing: the key carries what the click needs, and the signature makes it unforgeable. Exactly once is kept by
 * the claim its click makes, whose key ({@link Facts#claimKey()}) is a digest of what the card names, not of when
 * it was shown: a double click, a retry, a second tab and a second instance all land on one claim row.
 * <p>
 * The secret is {@code nextbox.widgets.card-secret}; unset, a random one is made at start-up, which is right for
 * one instance (cards shown before a restart then answer "reload the page"), and several instances need the same
 * value set on each.
 */
@Component
class CardKeys {

	private static final Logger log = LoggerFactory.getLogger(CardKeys.class);

	private static final String VERSION = "w1";

	private static final char SEPARATOR = '|';

	/** The signature's length in bytes (HMAC-SHA256 cut to 160 bits), 27 characters in base64url. */
	private static final int SIGNATURE = 20;

	private static final int SIGNATURE_CHARS = 27;

	/** A claim key of a stored card (an email's, or one made before signed keys) is a UUID, 36 characters. */
	private static final int CLAIM_KEY = 36;

	private static final int MAX_TOKEN = 2000;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final byte[] secret;

	private final Duration lifetime;

	/**
	 * One MAC per thread, keyed once: a card's key is signed on every widget render, and asking the JCA for a new
	 * {@code Mac} each time looked up its provider and keyed it again.
	 */
	private final ThreadLocal<Mac> macs;

	CardKeys(@Value("${nextbox.widgets.card-secret:}") String secret,
			@Value("${nextbox.widgets.card-lifetime:P3D}") Duration lifetime) {
		if (secret.isBlank()) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			this.secret = random;
			log.info("Widget cards are signed with a key made at start-up: set nextbox.widgets.card-secret to the "
					+ "same value on every instance when there are several");
		}
		else {
			this.secret = secret.getBytes(StandardCharsets.UTF_8);
		}
		this.lifetime = lifetime;
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	/** What a card names, and when it was shown. */
	record Facts(long subscriberId, long subscriptionId, Long shipmentId, LocalDate boxDate, long offerId,
			Placement placement, OfferKind kind, Long productId, Long targetPlanId, BigDecimal price, Instant shownAt,
			String reason) {

		/**
		 * The claim a click on this card makes: a digest of who, which box, which offer at which placement and what
		 * it adds, the same however often and wherever the card was shown; 36 characters, like a stored card's.
		 */
		String claimKey() {
			String named = String.join("|", Long.toString(subscriberId), Long.toString(subscriptionId),
					String.valueOf(shipmentId), String.valueOf(boxDate), Long.toString(offerId), placement.name(),
					kind.name(), String.valueOf(productId), String.valueOf(targetPlanId));
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(named.getBytes(StandardCharsets.UTF_8));
				return "w" + ENCODER.encodeToString(digest).substring(0, CLAIM_KEY - 1);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

		Facts shownAgain(Instant at) {
			return new Facts(subscriberId, subscriptionId, shipmentId, boxDate, offerId, placement, kind, productId,
					targetPlanId, price, at, reason);
		}

	}

	/** Whether {@code key} is a signed card rather than a stored claim's key. */
	static boolean isSigned(String key) {
		return key != null && key.length() > CLAIM_KEY;
	}

	/** The claim row a card's key stands for: its digest for a signed card, the key itself for a stored one. */
	String claimKeyOf(String key) {
		return isSigned(key) ? read(key).map(Facts::claimKey).orElse(key) : key;
	}

	String sign(Facts facts) {
		String payload = String.join(String.valueOf(SEPARATOR), VERSION, Long.toString(facts.subscriberId()),
				Long.toString(facts.subscriptionId()), text(facts.shipmentId()), text(facts.boxDate()),
				Long.toString(facts.offerId()), facts.placement().name(), facts.kind().name(), text(facts.productId()),
				text(facts.targetPlanId()), facts.price().toPlainString(),
				Long.toString(facts.shownAt().getEpochSecond()),
				facts.reason() == null ? "" : ENCODER.encodeToString(facts.reason().getBytes(StandardCharsets.UTF_8)),
				nonce());
		String body = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		return body + ENCODER.encodeToString(mac(body));
	}

	/** The card's facts, when its signature is right and it is well formed. */
	Optional<Facts> read(String key) {
		if (!isSigned(key) || key.length() > MAX_TOKEN || key.length() <= SIGNATURE_CHARS) {
			return Optional.empty();
		}
		String body = key.substring(0, key.length() - SIGNATURE_CHARS);
		try {
			byte[] signature = Base64.getUrlDecoder().decode(key.substring(key.length() - SIGNATURE_CHARS));
			if (!MessageDigest.isEqual(signature, mac(body))) {
				return Optional.empty();
			}
			String[] fields = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8).split("\\|", -1);
			if (fields.length != 14 || !VERSION.equals(fields[0])) {
				return Optional.empty();
			}
			return Optional.of(new Facts(Long.parseLong(fields[1]), Long.parseLong(fields[2]), number(fields[3]),
					fields[4].isEmpty() ? null : LocalDate.parse(fields[4]), Long.parseLong(fields[5]),
					Placement.valueOf(fields[6]), OfferKind.valueOf(fields[7]), number(fields[8]), number(fields[9]),
					new BigDecimal(fields[10]), Instant.ofEpochSecond(Long.parseLong(fields[11])),
					fields[12].isEmpty() ? null
							: new String(Base64.getUrlDecoder().decode(fields[12]), StandardCharsets.UTF_8)));
		}
		catch (IllegalArgumentException | java.time.DateTimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The facts of a card {@code subscriberId} may click now. A key altered, signed elsewhere (another secret, a
	 * restart without a configured one) or shown to another subscriber is refused as {@code refused.cardUnknown};
	 * one shown longer ago than the lifetime as {@code refused.cardExpired}.
	 */
	Facts verify(String key, long subscriberId, Instant now) {
		Facts facts = read(key).filter(read -> read.subscriberId() == subscriberId)
			.orElseThrow(() -> new ActionRefusedException(null, "refused.cardUnknown"));
		if (facts.shownAt().plus(lifetime).isBefore(now) || facts.shownAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
			throw new ActionRefusedException(null, "refused.cardExpired");
		}
		return facts;
	}

	private byte[] mac(String body) {
		byte[] full = macs.get().doFinal(body.getBytes(StandardCharsets.US_ASCII));
		byte[] cut = new byte[SIGNATURE];
		System.arraycopy(full, 0, cut, 0, SIGNATURE);
		return cut;
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Makes every key shown distinct (a card shown again, in the same second too), not part of what it names. It need
	 * not be unpredictable, since the signature is what makes a key unforgeable, so it comes from the thread's own
	 * generator: a shared {@code SecureRandom} made the widget's request threads queue on its lock under load.
	 */
	private static String nonce() {
		byte[] bytes = new byte[6];
		ThreadLocalRandom.current().nextBytes(bytes);
		return ENCODER.encodeToString(bytes);
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	private static Long number(String field) {
		return field.isEmpty() ? null : Long.parseLong(field);
	}

}
