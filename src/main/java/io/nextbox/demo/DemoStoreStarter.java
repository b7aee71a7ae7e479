package io.nextbox.demo;

import io.nextbox.account.AccountService;
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

	private final AccountService accounts;

	DemoStoreStarter(DemoStoreLoader loader, DemoProperties properties, Environment environment,
			AccountService accounts) {
		this.accounts = accounts;
		this.loader = loader;
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!loader.loadIfEmpty(properties)) {
			if (!accounts.hasAccount(DemoStoreLoader.MERCHANT_EMAIL)) {
				// a real store (say, started with nextbox.admin.*): no demo data, and no demo logins to print
				log.info("The store already has accounts, none of them the demo's: the demo store is not seeded");
				return;
			}
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
