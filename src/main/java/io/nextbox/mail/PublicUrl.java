package io.nextbox.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where people reach this store ({@code nextbox.public-url}): every absolute link in an email starts here, never
 * with the Host header of whatever request caused the email.
 */
@Component
public class PublicUrl {

	private final String base;

	PublicUrl(@Value("${nextbox.public-url}") String base) {
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/** The base without a trailing slash, e.g. {@code https://box.example.com}. */
	public String base() {
		return base;
	}

	/** {@code path} (starting with '/') as an absolute link. */
	public String link(String path) {
		return base + path;
	}

}
