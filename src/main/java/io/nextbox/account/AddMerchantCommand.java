package io.nextbox.account;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.nextbox.audit.AuditLog;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar nextbox.jar add-merchant --email E [--spring.datasource.url=...]}: creates the merchant account
 * (or, for an existing merchant, prepares a reset) and prints a one-time link to set the password, valid 24 hours.
 * It starts the application without its web server, demo seeder or schedules, on the configured database; options
 * other than {@code --email} are passed to it as properties.
 */
@Component
public class AddMerchantCommand {

	public static final String NAME = "add-merchant";

	static final String USAGE = "usage: add-merchant --email EMAIL [--spring.datasource.url=... other properties]";

	private final MerchantService merchants;

	private final AuditLog audit;

	AddMerchantCommand(MerchantService merchants, AuditLog audit) {
		this.merchants = merchants;
		this.audit = audit;
	}

	/** Starts the application for the command, runs it and stops; returns the process exit code. */
	public static int run(Class<?> application, String[] args) {
		List<String> properties = new ArrayList<>();
		String email;
		try {
			email = email(args, properties);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(USAGE);
			return 2;
		}
		SpringApplication app = new SpringApplication(application);
		app.setWebApplicationType(WebApplicationType.NONE);
		// system properties outrank application.properties (default properties would not), and the command's own
		// --name=value options outrank them
		Map.of("nextbox.demo.enabled", "false", "nextbox.shipments.cron", "-", "nextbox.recommendation.rebuild-cron",
				"-", "nextbox.reminders.cron", "-", "spring.main.banner-mode", "off", "logging.level.root", "WARN")
			.forEach((name, value) -> {
				if (System.getProperty(name) == null) {
					System.setProperty(name, value);
				}
			});
		try (ConfigurableApplicationContext context = app.run(properties.toArray(String[]::new))) {
			return context.getBean(AddMerchantCommand.class).add(email, System.out, System.err);
		}
	}

	/** Creates or resets the merchant and prints the link; returns the exit code. */
	int add(String email, PrintStream out, PrintStream err) {
		try {
			MerchantService.AddedMerchant added = audit.actingAs(AuditLog.COMMAND_LINE,
					() -> merchants.addMerchant(email));
			out.println((added.created() ? "Created the merchant " : "Password reset for the merchant ")
					+ added.email() + ". Open this link within 24 hours to set the password (it works once):");
			out.println(added.link());
			return 0;
		}
		catch (IllegalArgumentException ex) {
			err.println("add-merchant: " + ex.getMessage());
			return 1;
		}
	}

	/** The value of {@code --email}; every other argument after the command name goes to {@code properties}. */
	static String email(String[] args, List<String> properties) {
		String email = null;
		for (int i = 1; i < args.length; i++) {
			if ("--email".equals(args[i])) {
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("--email needs a value");
				}
				email = args[++i];
			}
			else if (args[i].startsWith("--email=")) {
				email = args[i].substring("--email=".length());
			}
			else {
				properties.add(args[i]);
			}
		}
		if (email == null || email.isBlank()) {
			throw new IllegalArgumentException("--email is required");
		}
		return email;
	}

}
