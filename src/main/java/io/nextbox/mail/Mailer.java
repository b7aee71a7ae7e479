package io.nextbox.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.nextbox.store.StoreSettingsService;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Sends one email rendered from {@code templates/mail/<template>.html} (the HTML part) and
 * {@code templates/mail/<template>.txt} (the plain-text part). Both get the model plus {@code storeName} and
 * {@code publicUrl}; the subject is the message {@code <subjectKey>} with the store's name as argument.
 */
@Service
public class Mailer {

	private final JavaMailSender sender;

	private final ITemplateEngine templates;

	private final StoreSettingsService settings;

	private final org.springframework.context.MessageSource messages;

	private final String from;

	private final PublicUrl publicUrl;

	Mailer(JavaMailSender sender, ITemplateEngine templates, StoreSettingsService settings,
			org.springframework.context.MessageSource messages, @Value("${nextbox.mail.from}") String from,
			PublicUrl publicUrl) {
		this.sender = sender;
		this.templates = templates;
		this.settings = settings;
		this.messages = messages;
		this.from = from;
		this.publicUrl = publicUrl;
	}

	/**
	 * Renders and sends the message.
	 * @throws MailException when the mail server refuses it or cannot be reached
	 */
	public void send(String to, String template, String subjectKey, Map<String, Object> model) {
		send(to, template, subjectKey, new Object[0], model, Map.of());
	}

	/**
	 * Renders and sends the message with more subject arguments (after the store's name, {@code {1}} onwards) and
	 * extra headers, such as {@code List-Unsubscribe}.
	 * @throws MailException when the mail server refuses it or cannot be reached
	 */
	public void send(String to, String template, String subjectKey, Object[] subjectArguments,
			Map<String, Object> model, Map<String, String> headers) {
		String storeName = settings.current().storeName();
		Map<String, Object> variables = new HashMap<>(model);
		variables.put("storeName", storeName);
		variables.put("publicUrl", publicUrl.base());
		Context context = new Context(Locale.ENGLISH, variables);
		String html = templates.process("mail/" + template, context);
		String text = templates.process("mail/" + template + ".txt", context);
		Object[] arguments = new Object[subjectArguments.length + 1];
		arguments[0] = storeName;
		System.arraycopy(subjectArguments, 0, arguments, 1, subjectArguments.length);
		String subject = messages.getMessage(subjectKey, arguments, Locale.ENGLISH);
		MimeMessage message = sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(new InternetAddress(from, storeName, StandardCharsets.UTF_8.name()));
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(text, html);
			for (Map.Entry<String, String> header : headers.entrySet()) {
				message.setHeader(header.getKey(), header.getValue());
			}
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new MailPreparationException(ex);
		}
		sender.send(message);
	}

}
