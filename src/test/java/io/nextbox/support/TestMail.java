package io.nextbox.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * GreenMail, a real SMTP server, on the port application-test.properties gives {@code spring.mail.port}: started
 * once for the whole run by the first test that asks for it, and left running until the JVM exits, so every test of
 * the shared Spring context can send mail.
 */
public final class TestMail {

	/** 39025, or {@code NEXTBOX_TEST_SMTP_PORT} so that two builds on one machine do not share a server. */
	public static final int PORT = Integer.parseInt(System.getenv().getOrDefault("NEXTBOX_TEST_SMTP_PORT", "39025"));

	private static GreenMail server;

	private TestMail() {
	}

	public static synchronized GreenMail server() {
		if (server == null) {
			server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server;
	}

	/** The messages received so far for this address. */
	public static List<Received> to(String address) {
		List<Received> received = new ArrayList<>();
		for (MimeMessage message : server().getReceivedMessages()) {
			Received mail = Received.of(message);
			if (mail.to().contains(address)) {
				received.add(mail);
			}
		}
		return received;
	}

	/** Waits up to 10 s for the {@code count}-th message to this address. */
	public static Received await(String address, int count) {
		long deadline = System.currentTimeMillis() + 10_000;
		while (System.currentTimeMillis() < deadline) {
			List<Received> received = to(address);
			if (received.size() >= count) {
				return received.get(count - 1);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("No message " + count + " to " + address + " within 10 s");
	}

	/** A received message, decoded. */
	public record Received(String subject, String fromName, String fromAddress, List<String> to, String text,
			String html) {

		private static final Pattern LINK = Pattern.compile("https?://\\S+/login/link/[A-Za-z0-9_-]+");

		private static final Pattern CODE = Pattern.compile("(?m)(?<=\\s)(\\d{6})\\s*$");

		static Received of(MimeMessage message) {
			try {
				InternetAddress from = (InternetAddress) message.getFrom()[0];
				List<String> to = Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
				StringBuilder text = new StringBuilder();
				StringBuilder html = new StringBuilder();
				collect(message, text, html);
				return new Received(message.getSubject(), from.getPersonal(), from.getAddress(), to, text.toString(),
						html.toString());
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static void collect(Part part, StringBuilder text, StringBuilder html)
				throws MessagingException, IOException {
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					collect(multipart.getBodyPart(i), text, html);
				}
			}
			else if (part.isMimeType("text/plain")) {
				text.append(part.getContent());
			}
			else if (part.isMimeType("text/html")) {
				html.append(part.getContent());
			}
		}

		/** The sign-in link in the plain-text part. */
		public String link() {
			Matcher link = LINK.matcher(text);
			if (!link.find()) {
				throw new AssertionError("No sign-in link in: " + text);
			}
			return link.group();
		}

		/** The 6-digit code in the plain-text part. */
		public String code() {
			Matcher code = CODE.matcher(text);
			if (!code.find()) {
				throw new AssertionError("No code in: " + text);
			}
			return code.group(1);
		}

	}

}
