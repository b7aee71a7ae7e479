package io.nextbox.platform;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;

/**
 * Sessions in memory unless {@code nextbox.sessions} says {@code jdbc} (then Spring Boot's JDBC session store,
 * {@code V2__http_sessions.sql}, configured by {@link SessionStoreConfiguration}, backs off for none of this).
 * Spring Session's filter sets a session's last access with the system clock, so expiry is judged by it too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "nextbox.sessions", havingValue = "memory", matchIfMissing = true)
@EnableSpringHttpSession
class MemorySessionConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MemorySessionConfiguration.class);

	private final InMemorySessions sessions;

	MemorySessionConfiguration(@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		this.sessions = new InMemorySessions(timeout, Clock.systemUTC());
		log.info("Sessions are kept in this instance's memory (nextbox.sessions=memory); several instances need "
				+ "nextbox.sessions=jdbc");
	}

	@Bean
	InMemorySessions inMemorySessions() {
		return sessions;
	}

	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void removeExpiredSessions() {
		sessions.removeExpired();
	}

}
