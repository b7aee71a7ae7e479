package io.nextbox.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.nextbox.NextboxApplication;

import static org.assertj.core.api.Assertions.fail;

/**
 * The application in a process of its own, as an operator starts it ({@code java ... NextboxApplication} with the
 * test classpath), in a fresh working directory of its own (its H2 files go to {@code ./data} there), on a free
 * port: for tests of what only a whole process shows (a kill, a store started from nothing).
 */
public final class ForkedApp implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

	private final Path home;

	private Process process;

	private int port;

	public ForkedApp() throws IOException {
		this.home = Files.createTempDirectory("nextbox-app-");
	}

	public Path home() {
		return home;
	}

	public int port() {
		return port;
	}

	/**
	 * Starts the application on a free port with these arguments (beyond the port, the address and no banner) and
	 * waits until its login page answers.
	 * @return a client that keeps cookies, for the first requests
	 */
	public HttpClient start(List<String> arguments) throws Exception {
		port = freePort();
		return start(port, arguments);
	}

	/** Starts it on this port (for tests that choose it first, to put it in an argument). */
	public HttpClient start(int port, List<String> arguments) throws Exception {
		this.port = port;
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), NextboxApplication.class.getName(), "--server.port=" + port,
				"--server.address=127.0.0.1", "--spring.main.banner-mode=off"));
		command.addAll(arguments);
		process = new ProcessBuilder(command).directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("app.log").toFile()))
			.start();
		return awaitStarted();
	}

	private HttpClient awaitStarted() throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				fail("The application exited with %d:%n%s", process.exitValue(), logTail());
			}
			try {
				HttpResponse<String> login = client.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
							.timeout(Duration.ofSeconds(10))
							.build(),
						HttpResponse.BodyHandlers.ofString());
				if (login.statusCode() == 200) {
					return client;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		fail("The application did not start within %s:%n%s", START_TIMEOUT, logTail());
		return client;
	}

	/** Kills the process at once, as SIGKILL does. */
	public void kill() throws InterruptedException {
		stop(true);
	}

	/** Stops the process: gracefully (SIGTERM, up to a minute), or at once. */
	public void stop(boolean forcibly) throws InterruptedException {
		if (process == null || !process.isAlive()) {
			return;
		}
		if (!forcibly) {
			process.destroy();
			if (process.waitFor(60, TimeUnit.SECONDS)) {
				return;
			}
		}
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	/** The last 60 lines the application logged. */
	public String logTail() {
		try {
			List<String> lines = Files.readAllLines(home.resolve("app.log"));
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/** Kills the process and deletes its working directory. */
	@Override
	public void close() throws Exception {
		kill();
		try (Stream<Path> files = Files.walk(home)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
