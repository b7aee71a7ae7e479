package io.nextbox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.nextbox.support.NextboxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a client sees through a TLS-terminating proxy, and what a forged request gets: over a raw socket, since an
 * HTTP client would refuse to send a malformed URL or a foreign Host header.
 */
@NextboxIntegrationTest
class BehindAProxyIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aRedirectNeverNamesTheHostAClientSent() throws IOException {
		String response = send("GET /portal HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");

		assertThat(response).startsWith("HTTP/1.1 302");
		assertThat(header(response, "location")).isEqualTo("/login");
		assertThat(response).doesNotContainIgnoringCase("evil.example");
	}

	@Test
	void httpsAtTheProxyMakesTheSessionCookieSecureAndSendsHsts() throws IOException {
		String response = send("GET /login HTTP/1.1\r\nHost: shop.example\r\nX-Forwarded-Proto: https\r\n"
				+ "Connection: close\r\n\r\n");

		assertThat(response).startsWith("HTTP/1.1 200");
		assertThat(header(response, "strict-transport-security")).contains("max-age=");
		assertThat(header(response, "set-cookie")).contains("Secure");
	}

	@Test
	void plainHttpGetsNoHstsAndAnOrdinaryCookie() throws IOException {
		String response = send("GET /login HTTP/1.1\r\nHost: shop.example\r\nConnection: close\r\n\r\n");

		assertThat(header(response, "strict-transport-security")).isNull();
		assertThat(header(response, "set-cookie")).doesNotContain("Secure");
	}

	@Test
	void aUrlTomcatCannotParseIsRefusedWithThePagesSecurityHeaders() throws IOException {
		String response = send("GET /%zz HTTP/1.1\r\nHost: shop.example\r\nConnection: close\r\n\r\n");

		assertThat(response).startsWith("HTTP/1.1 400");
		assertSecurityHeaders(response);
		assertThat(response).doesNotContain("Apache Tomcat");
	}

	@Test
	void aPathTheFirewallRefusesIsRefusedWithThePagesSecurityHeaders() throws IOException {
		String response = send("GET /portal;x=1 HTTP/1.1\r\nHost: shop.example\r\nConnection: close\r\n\r\n");

		assertThat(response).startsWith("HTTP/1.1 400");
		assertSecurityHeaders(response);
	}

	private static void assertSecurityHeaders(String response) {
		assertThat(header(response, "content-security-policy")).isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
		assertThat(header(response, "x-content-type-options")).isEqualTo("nosniff");
		assertThat(header(response, "x-frame-options")).isEqualTo("DENY");
		assertThat(header(response, "referrer-policy")).isEqualTo("same-origin");
	}

	private String send(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	private static String header(String response, String name) {
		String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
		for (String line : head.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
				return line.substring(colon + 1).trim();
			}
		}
		return null;
	}

}
