package io.nextbox.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for browser tests: the system's Chromium and ChromeDriver (nothing is downloaded), flags that
 * keep it off the network, a fresh profile, and screenshots under {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

	public static final int PHONE_WIDTH = 390;

	public static final int DESKTOP_WIDTH = 1280;

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static Browser shared;

	private final ChromeDriver driver;

	private final Path profile;

	private final String baseUrl;

	public Browser(int port) {
		this.baseUrl = "http://localhost:" + port;
		try {
			this.profile = Files.createTempDirectory("nextbox-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		if (Files.isExecutable(CHROMIUM)) {
			options.setBinary(CHROMIUM.toFile());
		}
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900");
		ChromeDriverService.Builder service = new ChromeDriverService.Builder();
		if (Files.isExecutable(CHROMEDRIVER)) {
			service.usingDriverExecutable(CHROMEDRIVER.toFile());
		}
		this.driver = new ChromeDriver(service.build(), options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
	}

	/** One browser for all browser tests of a run (they share one server too), closed when the JVM exits. */
	public static synchronized Browser shared(int port) {
		if (shared == null) {
			shared = new Browser(port);
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
		}
		shared.logOut();
		shared.resize(DESKTOP_WIDTH);
		return shared;
	}

	public WebDriver driver() {
		return driver;
	}

	public void open(String path) {
		driver.get(baseUrl + path);
	}

	public String path() {
		return driver.getCurrentUrl().substring(baseUrl.length());
	}

	public void resize(int width) {
		resize(width, width < 600 ? 844 : 900);
	}

	public void resize(int width, int height) {
		driver.manage().window().setSize(new Dimension(width, height));
	}

	/** Width of the page's content; wider than the window means the page scrolls sideways. */
	public long contentWidth() {
		return (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
	}

	public long viewportWidth() {
		return (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth");
	}

	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			File shot = driver.getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void logOut() {
		if (driver.getCurrentUrl().startsWith("http")) {
			driver.manage().deleteAllCookies();
		}
	}

	/** Marks the current page; the mark survives htmx swaps but not a page load. */
	public void markPage() {
		((JavascriptExecutor) driver).executeScript("window.nextboxTestMark = 'same page'");
	}

	public boolean isSamePage() {
		return "same page".equals(((JavascriptExecutor) driver).executeScript("return window.nextboxTestMark"));
	}

	public void waitUntil(Function<WebDriver, Boolean> condition) {
		new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(condition::apply);
	}

	@Override
	public void close() {
		driver.quit();
		try (var files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary profile left behind is harmless
		}
	}

}
