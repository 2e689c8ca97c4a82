package dev.marketlens.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One headless Debian Chromium, driven by Debian's chromedriver, for one test class: a fresh
 * profile in a temporary directory (deleted on {@link #close()}), a 1400×1000 window, waits, the
 * REST API called from inside the page's session, and a screenshot of every page visited under
 * {@code target/screenshots/}. Selenium Manager is never asked for a driver or a browser: both
 * paths are given, so nothing is downloaded.
 *
 * <p>Chromium and chromedriver are {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, or
 * the system properties {@code marketlens.chromium} and {@code marketlens.chromedriver}. Without
 * them the tests fail and say what to install.
 */
public final class Browser implements AutoCloseable {
  /** The window of a laptop screen, the default for every test. */
  public static final Dimension DESKTOP = new Dimension(1400, 1000);

  /** A phone held upright. */
  public static final Dimension PHONE = new Dimension(390, 844);

  /** Selenium's loggers kept here, so that their quieter level stays set. */
  private static final List<java.util.logging.Logger> QUIET =
      List.of(
          java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
          java.util.logging.Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

  static final Duration WAIT = Duration.ofSeconds(30);
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final Path profile;
  private final ChromeDriver driver;
  private String test = "browser";
  private int shots;

  private Browser(String base, Path profile, ChromeDriver driver) {
    this.base = base;
    this.profile = profile;
    this.driver = driver;
  }

  /**
   * Starts Chromium for a site at {@code base} ({@code http://localhost:PORT}): {@code
   * /usr/bin/chromium} and {@code /usr/bin/chromedriver}, or the system properties {@code
   * marketlens.chromium} and {@code marketlens.chromedriver}.
   */
  public static Browser start(String base) {
    return start(
        base,
        Path.of(System.getProperty("marketlens.chromium", "/usr/bin/chromium")),
        Path.of(System.getProperty("marketlens.chromedriver", "/usr/bin/chromedriver")));
  }

  /**
   * Starts this Chromium with this chromedriver; fails, saying what to install, if either is
   * missing.
   */
  static Browser start(String base, Path chromium, Path chromedriver) {
    for (Path program : List.of(chromium, chromedriver)) {
      if (!Files.isExecutable(program)) {
        throw new IllegalStateException(
            program
                + " is missing: the browser tests need Debian's Chromium and its driver;"
                + " install them with `apt-get install chromium chromium-driver`"
                + " (CI installs them)");
      }
    }
    // Chromium's DevTools protocol is newer than Selenium's bindings; WebDriver itself is
    // unaffected.
    QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
    // Belt and braces: Selenium Manager is only consulted when no driver path is known.
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.toString());
    Path profile;
    try {
      profile = Files.createTempDirectory("marketlens-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    // Downloads go without a prompt into the profile's own directory.
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory", profile.resolve("downloads").toString(),
            "download.prompt_for_download", false,
            "download.directory_upgrade", true,
            "safebrowsing.enabled", false));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .withLogOutput(java.io.OutputStream.nullOutputStream())
            .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
      return new Browser(base, profile, driver);
    } catch (RuntimeException e) {
      delete(profile);
      throw e;
    }
  }

  /** The directory the browser saves downloaded files to (created by the first download). */
  public Path downloads() {
    return profile.resolve("downloads");
  }

  /** Names the screenshots taken from now on after a test. */
  public void startTest(String name) {
    test = name.replaceAll("[^A-Za-z0-9_.-]", "_");
    shots = 0;
    resize(DESKTOP);
  }

  public WebDriver driver() {
    return driver;
  }

  /** The site's address, {@code http://localhost:PORT}. */
  public String base() {
    return base;
  }

  /** Goes to a path of the site ({@code /}, {@code /login?error}). */
  public void open(String path) {
    driver.get(base + path);
  }

  /** The current address without the site: path and query. */
  public String path() {
    String url = driver.getCurrentUrl();
    return url.startsWith(base) ? url.substring(base.length()) : url;
  }

  /** Signs out whoever is signed in, by forgetting the session cookie. */
  public void forgetSession() {
    driver.manage().deleteAllCookies();
  }

  /** Waits (up to 30 s) until a condition holds. */
  public <T> T await(ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition);
  }

  public WebElement find(By by) {
    return driver.findElement(by);
  }

  public List<WebElement> findAll(By by) {
    return driver.findElements(by);
  }

  /** Runs a script in the page and returns its value. */
  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /** Resizes the window (the viewport is the window in headless Chromium). */
  public void resize(Dimension size) {
    driver.manage().window().setSize(size);
  }

  /**
   * Calls the REST API from the page, as its own scripts would: same origin, same session cookie.
   * Fails unless the answer is 200.
   */
  public JsonNode fetchJson(String path) {
    Object answer =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {headers: {'Accept': 'application/json'}})"
                    + ".then(function (r) { return r.text().then(function (t) {"
                    + " done({status: r.status, body: t}); }); })"
                    + ".catch(function (e) { done({status: -1, body: String(e)}); });",
                path);
    @SuppressWarnings("unchecked")
    Map<String, Object> response = (Map<String, Object>) answer;
    long status = ((Number) response.get("status")).longValue();
    String body = String.valueOf(response.get("body"));
    if (status != 200) {
      throw new AssertionError("GET " + path + " from the page answered " + status + ": " + body);
    }
    return JSON.readTree(body);
  }

  /**
   * Fetches a path from the page as text (a CSV, say), with the page's session. Fails unless the
   * answer is 200.
   */
  public String fetchText(String path) {
    Object answer =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0])"
                    + ".then(function (r) { return r.text().then(function (t) {"
                    + " done({status: r.status, body: t}); }); })"
                    + ".catch(function (e) { done({status: -1, body: String(e)}); });",
                path);
    @SuppressWarnings("unchecked")
    Map<String, Object> response = (Map<String, Object>) answer;
    long status = ((Number) response.get("status")).longValue();
    String body = String.valueOf(response.get("body"));
    if (status != 200) {
      throw new AssertionError("GET " + path + " from the page answered " + status + ": " + body);
    }
    return body;
  }

  /** The messages the page wrote to the console (and CSP violations) since the last call. */
  public List<String> console() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .toList();
  }

  /** Saves the viewport as {@code target/screenshots/<test>-<n>-<label>.png}. */
  public Path screenshot(String label) {
    try {
      Files.createDirectories(SCREENSHOTS);
      shots++;
      Path file =
          SCREENSHOTS.resolve(
              String.format(
                  Locale.ROOT,
                  "%s-%02d-%s.png",
                  test,
                  shots,
                  label.replaceAll("[^A-Za-z0-9_.-]", "_")));
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves the page's HTML next to the screenshots, for a failed test. */
  public Path saveSource(String label) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(test + "-" + label + ".html");
      Files.writeString(file, driver.getPageSource());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      delete(profile);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A profile left in the temporary directory is harmless.
    }
  }
}
