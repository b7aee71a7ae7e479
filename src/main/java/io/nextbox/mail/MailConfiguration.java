package io.nextbox.mail;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.StringUtils;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	/**
	 * The plain-text parts of emails, {@code templates/mail/*.txt}, in Thymeleaf's text mode. Spring Boot adds every
	 * template resolver bean to its template engine; this one answers only names ending in {@code .txt}, so the
	 * pages keep their HTML resolver.
	 */
	@Bean
	ITemplateResolver mailTextTemplateResolver() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setResolvablePatterns(Set.of("mail/*.txt"));
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setOrder(0);
		return resolver;
	}

	/** No SMTP host configured (the trial): emails go to the log in full instead of to a mail server. */
	@Bean
	@Conditional(NoMailHost.class)
	JavaMailSender loggingMailSender() {
		return new LoggingMailSender();
	}

	/** True when {@code spring.mail.host} is not set, which is also when Spring Boot configures no mail sender. */
	static class NoMailHost implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.mail.host"));
		}

	}

}
