package io.nextbox.mail;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import static org.assertj.core.api.Assertions.assertThat;

/** Without an SMTP host (the two-command trial) emails go to the log in full; with one, to the server. */
@ExtendWith(OutputCaptureExtension.class)
class MailConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
		.withUserConfiguration(MailConfiguration.class);

	@Test
	void withoutAHostEmailsAreWrittenToTheLogInFull(CapturedOutput output) {
		runner.run(context -> {
			JavaMailSender sender = context.getBean(JavaMailSender.class);
			assertThat(sender).isInstanceOf(LoggingMailSender.class);
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom("no-reply@localhost", "Kettle & Crema");
			helper.setTo("someone@example.com");
			helper.setSubject("Your sign-in link");
			String link = "http://localhost:8080/login/link/" + "x".repeat(80);
			helper.setText("Sign in: " + link, "<a href=\"" + link + "\">Sign in</a>");
			sender.send(message);
			assertThat(output).contains("Subject: Your sign-in link", "To: someone@example.com",
					"Kettle & Crema", "Sign in: " + link, "<a href=\"" + link + "\">");
		});
	}

	@Test
	void withAHostTheServerGetsThem() {
		runner.withPropertyValues("spring.mail.host=smtp.example.com").run(context -> {
			assertThat(context.getBean(JavaMailSender.class)).isNotInstanceOf(LoggingMailSender.class);
			assertThat(context.getBeansOfType(JavaMailSender.class)).hasSize(1);
		});
	}

}
