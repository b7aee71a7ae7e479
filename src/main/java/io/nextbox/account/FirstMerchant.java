package io.nextbox.account;

import io.nextbox.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * On a start where the store has no merchant, creates the first one from {@code nextbox.admin.email} and
 * {@code nextbox.admin.password}. It never changes an existing account: once a merchant exists the properties are
 * ignored (with a log line), so a password changed in the app is not reset by the next start. A password the
 * {@link PasswordPolicy} refuses fails the start rather than creating a weak login.
 * <p>
 * It runs before the demo seeder, which seeds only a store without accounts: a store started with these properties
 * is a real store and never gets the demo data or its public demo logins.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(AdminProperties.class)
class FirstMerchant implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstMerchant.class);

	private final AdminProperties properties;

	private final MerchantService merchants;

	private final AuditLog audit;

	FirstMerchant(AdminProperties properties, MerchantService merchants, AuditLog audit) {
		this.properties = properties;
		this.merchants = merchants;
		this.audit = audit;
	}

	@Override
	public void run(ApplicationArguments args) {
		createIfNoMerchant(properties);
	}

	/** @return true when it created the merchant */
	boolean createIfNoMerchant(AdminProperties properties) {
		if (!properties.given()) {
			return false;
		}
		if (merchants.hasMerchant()) {
			log.info("The store already has a merchant: nextbox.admin.email and nextbox.admin.password are ignored, "
					+ "no account is created or changed (add staff with the add-merchant command or on the Staff page)");
			return false;
		}
		if (!AdminProperties.hasText(properties.email()) || !AdminProperties.hasText(properties.password())) {
			throw new IllegalStateException("The first merchant needs both nextbox.admin.email and "
					+ "nextbox.admin.password (NEXTBOX_ADMIN_EMAIL, NEXTBOX_ADMIN_PASSWORD); only one is set");
		}
		try {
			audit.actingAs(AuditLog.START_UP_PROPERTIES,
					() -> merchants.createMerchant(properties.email(), properties.password()));
		}
		catch (PasswordRefusedException ex) {
			throw new IllegalStateException("nextbox.admin.password (NEXTBOX_ADMIN_PASSWORD) is refused: "
					+ PasswordPolicy.describe(ex.refusal()) + ". Choose a password of " + PasswordPolicy.MIN_LENGTH
					+ " to " + PasswordPolicy.MAX_LENGTH + " characters that is not a common one; no merchant was "
					+ "created", ex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("nextbox.admin.email (NEXTBOX_ADMIN_EMAIL) cannot be used: "
					+ ex.getMessage() + "; no merchant was created", ex);
		}
		catch (DataIntegrityViolationException ex) {
			log.info("Another instance created {} at the same moment: not created again", properties.email());
			return false;
		}
		log.info("Created the first merchant, {}, from nextbox.admin.email", properties.email().trim());
		return true;
	}

}
