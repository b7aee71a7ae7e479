package io.nextbox.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The random tokens the account module hands out and the hashes it keeps of them instead. */
final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	/** 32 random bytes, URL-safe Base64 without padding. */
	static String randomToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A number from 0 to {@code bound - 1}, from the same secure source. */
	static int randomNumber(int bound) {
		return RANDOM.nextInt(bound);
	}

	/** The SHA-256 of {@code text} (UTF-8), in hex: what is stored in place of a token or a key. */
	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException unavailable) {
			throw new IllegalStateException("Every Java runtime has SHA-256", unavailable);
		}
	}

}
