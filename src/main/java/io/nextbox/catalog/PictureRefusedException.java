package io.nextbox.catalog;

/** An uploaded picture the store does not keep; the key names the message saying why. */
public class PictureRefusedException extends RuntimeException {

	private final String messageKey;

	PictureRefusedException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
