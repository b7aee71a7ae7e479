package io.nextbox.platform;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers Spring Security puts on every page, for the answers it never sees: a request its firewall refuses,
 * and an error Tomcat answers before the application (a malformed URL). They carry the same policy as the pages.
 */
final class SecurityHeaders {

	private SecurityHeaders() {
	}

	static void apply(HttpServletResponse response, boolean secure) {
		if (response.isCommitted()) {
			return;
		}
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
		response.setHeader("Referrer-Policy", "same-origin");
		response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
		if (secure) {
			response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
		}
	}

}
