package org.pmo.servicelifecycle.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium with a fresh profile, driven through the machine's chromedriver. The driver's path is given,
 * so Selenium Manager never runs and nothing is downloaded. Screenshots go to {@code target/browser-screenshots/}.
 */
public final class Browser implements AutoCloseable {

	/** Test output: the screenshots of the browser tests. */
	public static final Path SCREENSHOTS = projectDir().resolve("target/browser-screenshots");

	static final Duration WAIT = Duration.ofSeconds(30);

	private static final List<Browser> OPEN = new CopyOnWriteArrayList<>();

	private final ChromeDriver driver;

	private final String baseUrl;

	private final String name;

	private final Path profile;

	private final OutputStream driverLog;

	private Browser(ChromeDriver driver, String baseUrl, String name, Path profile, OutputStream driverLog) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.name = name;
		this.profile = profile;
		this.driverLog = driverLog;
	}

	/** A new browser, its window of the given size, for pages under {@code baseUrl}; {@code name} names its files. */
	public static Browser open(String baseUrl, String name, int width, int height) {
		Path profile;
		OutputStream driverLog;
		try {
			profile = Files.createTempDirectory("pmo-chromium-");
			Files.createDirectories(SCREENSHOTS);
			driverLog = Files.newOutputStream(SCREENSHOTS.resolve("chromedriver.log"), StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Chromium.driver().toFile())
			.usingAnyFreePort()
			.withLogOutput(driverLog)
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(Chromium.browser().toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=en-US",
				"--hide-scrollbars", "--force-device-scale-factor=1");
		ChromeDriver driver;
		try {
			driver = new ChromeDriver(service, options);
		}
		catch (RuntimeException ex) {
			delete(profile);
			throw ex;
		}
		Browser browser = new Browser(driver, baseUrl, name, profile, driverLog);
		browser.driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
		OPEN.add(browser);
		return browser;
	}

	public WebDriver driver() {
		return this.driver;
	}

	public String name() {
		return this.name;
	}

	/** Opens a path of the application, e.g. {@code /camunda/app/tasklist/}. */
	public void go(String path) {
		this.driver.get(this.baseUrl + path);
	}

	public String url() {
		return this.driver.getCurrentUrl();
	}

	/** Waits until the condition holds (neither null nor false), ignoring elements that re-render meanwhile. */
	public <T> T waitUntil(String what, Function<WebDriver, T> condition) {
		return waitUntil(what, WAIT, condition);
	}

	public <T> T waitUntil(String what, Duration timeout, Function<WebDriver, T> condition) {
		WebDriverWait wait = new WebDriverWait(this.driver, timeout, Duration.ofMillis(100));
		wait.ignoring(StaleElementReferenceException.class).withMessage(() -> this.name + ": " + what);
		return wait.until(condition);
	}

	/** The first visible element, once there is one. */
	public WebElement visible(By by) {
		return waitUntil("visible " + by,
				(d) -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
	}

	public List<WebElement> all(By by) {
		return this.driver.findElements(by);
	}

	public boolean present(By by) {
		return all(by).stream().anyMatch(WebElement::isDisplayed);
	}

	/**
	 * Clicks like a person: the element scrolled to the middle of the view first; a notification lying over it is
	 * closed and the click tried again.
	 */
	public void click(WebElement element) {
		for (int attempt = 1;; attempt++) {
			scrollIntoView(element);
			try {
				element.click();
				return;
			}
			catch (ElementClickInterceptedException ex) {
				if (attempt == 3) {
					throw ex;
				}
				closeNotifications();
			}
		}
	}

	public void click(By by) {
		waitUntil("clickable " + by, (d) -> {
			WebElement element = d.findElements(by)
				.stream()
				.filter((e) -> e.isDisplayed() && e.isEnabled())
				.findFirst()
				.orElse(null);
			if (element == null) {
				return false;
			}
			click(element);
			return true;
		});
	}

	public void type(WebElement input, String text) {
		scrollIntoView(input);
		input.clear();
		input.sendKeys(text);
	}

	public void scrollIntoView(WebElement element) {
		script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
	}

	/** Scrolls the element to the top of its scrolling pane. */
	public void scrollToTop(WebElement element) {
		script("arguments[0].scrollIntoView({block: 'start', inline: 'nearest'});", element);
	}

	/** Leaves the field that has the focus, as a person clicking elsewhere would. */
	public void blurActiveElement() {
		script("if (document.activeElement && document.activeElement !== document.body) { document.activeElement.blur(); }");
	}

	/** Closes the notifications of the Camunda webapps, which may lie over buttons at the bottom of a form. */
	public void closeNotifications() {
		script("document.querySelectorAll('.notifications .alert .close').forEach(function (b) { b.click(); });");
		waitUntil("notifications closed", Duration.ofSeconds(5), (d) -> !present(By.cssSelector(".notifications .alert")));
	}

	/** The page as a person leaves it before looking: no field with the focus, no notification left over. */
	public void settle() {
		blurActiveElement();
		closeNotifications();
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	public void resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	/** Makes the window as tall as the page, so a screenshot shows all of it. */
	public void fitPageHeight() {
		Dimension size = this.driver.manage().window().getSize();
		Number height = (Number) script(
				"return document.documentElement.scrollHeight + (window.outerHeight - window.innerHeight);");
		resize(size.getWidth(), Math.max(size.getHeight(), height.intValue()));
		script("window.scrollTo(0, 0);");
	}

	/** Writes a screenshot to {@code target/browser-screenshots/<file>.png} and returns its path. */
	public Path screenshot(String file) {
		Path target = SCREENSHOTS.resolve(file + ".png");
		try {
			Files.createDirectories(target.getParent());
			Path shot = this.driver.getScreenshotAs(OutputType.FILE).toPath();
			Files.move(shot, target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return target;
	}

	@Override
	public void close() {
		OPEN.remove(this);
		try {
			this.driver.quit();
		}
		finally {
			delete(this.profile);
			try {
				this.driverLog.close();
			}
			catch (IOException ex) {
				// the log is test output only
			}
		}
	}

	private static void delete(Path profile) {
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind does no harm
		}
	}

	private void captureFailure(String test) {
		String base = "failures/" + test + "-" + this.name;
		try {
			screenshot(base);
			Files.writeString(SCREENSHOTS.resolve(base + ".html"),
					"<!-- " + this.driver.getCurrentUrl() + " -->\n" + this.driver.getPageSource(), StandardCharsets.UTF_8);
		}
		catch (RuntimeException | IOException ex) {
			System.err.println("[browser tests] no failure capture of " + this.name + ": " + ex);
		}
	}

	private static Path projectDir() {
		return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
	}

	/** Keeps what each open browser shows when a test fails, and closes the browsers a test leaves open. */
	static class FailureCapture implements TestExecutionExceptionHandler, AfterEachCallback {

		@Override
		public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
			String test = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
			OPEN.forEach((browser) -> browser.captureFailure(test));
			throw throwable;
		}

		@Override
		public void afterEach(ExtensionContext context) {
			OPEN.forEach(Browser::close);
		}

	}

}
