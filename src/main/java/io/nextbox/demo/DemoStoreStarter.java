package io.nextbox.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** With {@code nextbox.demo.enabled}, seeds the demo store on first start and prints the demo logins. */
@Component
@ConditionalOnBooleanProperty("nextbox.demo.enabled")
@EnableConfigurationProperties(DemoProperties.class)
class DemoStoreStarter implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoStoreStarter.class);

	private final DemoStoreLoader loader;

	private final DemoProperties properties;

	private final Environment environment;

	DemoStoreStarter(DemoStoreLoader loader, DemoProperties properties, Environment environment) {
		this.loader = loader;
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!loader.loadIfEmpty(properties)) {
			log.info("The store already has accounts: the demo store is not seeded again");
		}
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		log.info("""

				================ Nextbox demo store ================
				  Open         http://localhost:{}
				  Merchant     {} / {}
				  Subscribers  subscriber1@nextbox.test ... subscriber{}@nextbox.test / {}
				====================================================""", port, DemoStoreLoader.MERCHANT_EMAIL,
				DemoStoreLoader.MERCHANT_PASSWORD, properties.subscribers(), DemoStoreLoader.SUBSCRIBER_PASSWORD);
	}

}
