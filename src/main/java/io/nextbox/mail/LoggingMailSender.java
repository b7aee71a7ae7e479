package io.nextbox.mail;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail sender when no SMTP host is configured: each message (sender, recipients, subject and every text part,
 * decoded so its links can be copied) is written to the log instead of being sent, so a trial without a mail
 * server can still follow a sign-in link.
 */
class LoggingMailSender extends JavaMailSenderImpl {

	private static final Logger log = LoggerFactory.getLogger(LoggingMailSender.class);

	@Override
	protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
		for (MimeMessage message : mimeMessages) {
			try {
				message.saveChanges();
				StringBuilder text = new StringBuilder();
				text.append("From: ").append(addresses(message.getFrom())).append('\n');
				text.append("To: ").append(addresses(message.getAllRecipients())).append('\n');
				text.append("Subject: ").append(message.getSubject()).append('\n');
				appendTextParts(message, text);
				log.info("No SMTP host configured (spring.mail.host), so this email was logged, not sent:\n{}", text);
			}
			catch (MessagingException | IOException ex) {
				throw new MailPreparationException(ex);
			}
		}
	}

	/** There is no server to reach. */
	@Override
	public void testConnection() {
	}

	private static String addresses(Address[] addresses) {
		return addresses == null ? ""
				: Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
	}

	private static void appendTextParts(Part part, StringBuilder text) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				appendTextParts(multipart.getBodyPart(i), text);
			}
		}
		else if (part.isMimeType("text/*")) {
			text.append("\n--- ").append(part.getContentType()).append('\n').append(part.getContent()).append('\n');
		}
	}

}
