package io.nextbox.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The picture types a product may have, told by their first bytes rather than by the name or the type the browser
 * sends. SVG is left out on purpose: it can carry script.
 */
enum PictureType {

	PNG("image/png"), JPEG("image/jpeg"), WEBP("image/webp");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] JPEG_SIGNATURE = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private final String contentType;

	PictureType(String contentType) {
		this.contentType = contentType;
	}

	String contentType() {
		return contentType;
	}

	static Optional<PictureType> of(byte[] bytes) {
		if (startsWith(bytes, PNG_SIGNATURE)) {
			return Optional.of(PNG);
		}
		if (startsWith(bytes, JPEG_SIGNATURE)) {
			return Optional.of(JPEG);
		}
		if (bytes.length >= 12 && ascii(bytes, 0, 4).equals("RIFF") && ascii(bytes, 8, 12).equals("WEBP")) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, byte[] signature) {
		return bytes.length >= signature.length
				&& Arrays.equals(bytes, 0, signature.length, signature, 0, signature.length);
	}

	private static String ascii(byte[] bytes, int from, int to) {
		return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
	}

}
