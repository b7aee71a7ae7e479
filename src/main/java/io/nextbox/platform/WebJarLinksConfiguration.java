package io.nextbox.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link WebJarLinks} in place of Spring Boot's link rewriting filter (which backs off for a filter of its type). */
@Configuration(proxyBeanMethods = false)
class WebJarLinksConfiguration {

	@Bean
	WebJarLinks webJarLinks() {
		return new WebJarLinks();
	}

}
