package io.cascadence.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium driven through chromedriver, both from the OS packages ({@code chromium},
 * {@code chromium-driver}), with a fresh profile each time. Screenshots, page sources and console logs go to
 * {@code target/screenshots/<test class>/}. Closing always ends chromedriver and every Chromium process it started,
 * and deletes the profile, also after a failed test.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path WORK = Path.of(System.getProperty("itest.work"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("itest.screenshots"));
    /** How much of the page's text a failure message quotes. */
    private static final int QUOTED = 2000;
    /**
     * Held so that its level stays: Selenium warns at every start that it has no DevTools (CDP) classes for this
     * Chromium's version. Nothing here uses CDP (the console log comes through chromedriver), so that is noise.
     */
    private static final Logger CDP_VERSION_FINDER =
            Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    /** Browsers not yet closed, for {@link DumpOnFailure}. */
    private static final Set<Browser> OPEN = ConcurrentHashMap.newKeySet();

    private final Class<?> testClass;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Thread shutdownHook;
    private final List<LogEntry> console = new ArrayList<>();
    private List<ProcessHandle> processes = List.of();
    private boolean closed;

    private Browser(Class<?> testClass, Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.testClass = testClass;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
        this.shutdownHook = new Thread(this::close, "close browser");
    }

    /** Starts chromedriver and a headless Chromium; {@code testClass} names the folder of its screenshots. */
    static Browser start(Class<?> testClass) {
        Path profile;
        try {
            Files.createDirectories(WORK);
            profile = Files.createTempDirectory(WORK, "chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // An explicit driver and browser binary: Selenium Manager is not consulted and downloads nothing.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(profile.resolveSibling(profile.getFileName() + "-chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox", // the tests run as root, where Chromium's sandbox refuses to start
                "--disable-dev-shm-usage",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile,
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
        Browser browser = new Browser(testClass, profile, service, driver);
        browser.processes = browser.findProcesses();
        OPEN.add(browser);
        Runtime.getRuntime().addShutdownHook(browser.shutdownHook);
        return browser;
    }

    WebDriver driver() {
        return driver;
    }

    /** Loads {@code uri} and returns once its load event has fired. */
    void open(URI uri) {
        driver.get(uri.toString());
    }

    /** The page's visible text ({@code document.body.innerText}). */
    String text() {
        Object text = script("return document.body ? document.body.innerText : ''");
        return text == null ? "" : text.toString();
    }

    /** Runs {@code javascript} in the page (a function body: {@code return} gives its value). */
    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** {@link #waitFor(String, Duration, BooleanSupplier)} with {@link Await#CHANGE} as the timeout. */
    void waitFor(String what, BooleanSupplier condition) {
        waitFor(what, Await.CHANGE, condition);
    }

    /**
     * Polls {@code condition} until it holds. A condition that throws a {@link WebDriverException} (an element not
     * there yet, or gone stale) counts as not holding. On timeout the failure says what was awaited, the page's
     * address, title and text, and where a screenshot, the page source and the console log were saved.
     */
    void waitFor(String what, Duration timeout, BooleanSupplier condition) {
        waitForValue(what, timeout, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    /** Polls {@code value} until it gives something other than {@code null} and returns that. */
    <T> T waitForValue(String what, Duration timeout, Supplier<T> value) {
        List<T> found = new ArrayList<>(1);
        try {
            Await.until(timeout, () -> what, () -> {
                try {
                    T current = value.get();
                    if (current != null) {
                        found.add(current);
                        return true;
                    }
                    return false;
                } catch (WebDriverException e) {
                    throw new AssertionError(e.getMessage(), e);
                }
            });
            return found.get(0);
        } catch (AssertionError timedOut) {
            AssertionError failure = new AssertionError(timedOut.getMessage() + "\n" + describe("timeout " + what));
            Stream.of(timedOut.getSuppressed()).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /** Waits until the page's text contains {@code text}. */
    void waitForText(String text, Duration timeout) {
        waitFor("the page to show '" + text + "'", timeout, () -> text().contains(text));
    }

    /** Waits until an element matching {@code by} is displayed. */
    void waitForElement(By by, Duration timeout) {
        waitFor("an element " + by + " displayed", timeout, () -> driver.findElement(by).isDisplayed());
    }

    /** Saves a PNG of the viewport as {@code target/screenshots/<test class>/<name>.png} and returns its path. */
    Path screenshot(String name) {
        Path file = artifact(name + ".png");
        try {
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Saves a screenshot, the page source and the console log under {@code name}; returns a description. */
    String dump(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        List<String> saved = new ArrayList<>();
        try {
            saved.add(screenshot(safe).toString());
        } catch (RuntimeException e) {
            saved.add("(no screenshot: " + e.getMessage() + ")");
        }
        try {
            Path source = artifact(safe + ".html");
            Files.writeString(source, driver.getPageSource());
            saved.add(source.toString());
            Path log = artifact(safe + ".console.txt");
            Files.writeString(log, console().stream().map(Browser::format).collect(Collectors.joining("\n")));
            saved.add(log.toString());
        } catch (IOException | RuntimeException e) {
            saved.add("(no page source or console log: " + e.getMessage() + ")");
        }
        return String.join(", ", saved);
    }

    /** Every console message and uncaught error of the browser since it started (all pages). */
    List<LogEntry> console() {
        if (!closed) {
            driver.manage().logs().get(LogType.BROWSER).forEach(console::add); // each read drains the browser's log
        }
        return List.copyOf(console);
    }

    /** The console's errors ({@code console.error}, uncaught exceptions, failed loads), as text. */
    List<String> consoleErrors() {
        return console().stream().filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(Browser::format).toList();
    }

    /** The page's {@code performance.now()}: milliseconds since its navigation started. */
    double now() {
        return ((Number) script("return performance.now()")).doubleValue();
    }

    /** The page's performance entries of {@code type} ("paint", "mark", "navigation", "resource", ...). */
    List<PerformanceEntry> performanceEntries(String type) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) script(
                "return performance.getEntriesByType(arguments[0])"
                        + ".map(e => ({name: e.name, startTime: e.startTime, duration: e.duration}))",
                type);
        return entries.stream().map(entry -> new PerformanceEntry((String) entry.get("name"),
                ((Number) entry.get("startTime")).doubleValue(), ((Number) entry.get("duration")).doubleValue()))
                .toList();
    }

    /** When the page painted: {@code first-paint} and {@code first-contentful-paint}, in ms since navigation. */
    Map<String, Double> paintTimes() {
        Map<String, Double> times = new LinkedHashMap<>();
        performanceEntries("paint").forEach(entry -> times.put(entry.name(), entry.startTime()));
        return times;
    }

    /** The time (ms since navigation) of the page's latest {@code performance.mark(name)}, if it made one. */
    OptionalDouble mark(String name) {
        Object time = script("const marks = performance.getEntriesByName(arguments[0], 'mark');"
                + " return marks.length ? marks[marks.length - 1].startTime : null", name);
        return time == null ? OptionalDouble.empty() : OptionalDouble.of(((Number) time).doubleValue());
    }

    /** Waits until the page has made {@code performance.mark(name)} and returns its time. */
    double awaitMark(String name, Duration timeout) {
        return waitForValue("performance.mark('" + name + "')", timeout, () -> {
            OptionalDouble time = mark(name);
            return time.isPresent() ? time.getAsDouble() : null;
        });
    }

    /** chromedriver and the Chromium processes it started (as found right after the start). */
    List<ProcessHandle> processes() {
        return processes;
    }

    /** Ends the session, chromedriver and every process found for it, and deletes the profile. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        // Chromium's helpers may have started since the start; a process whose parent has gone is not found later.
        List<ProcessHandle> all = new ArrayList<>(processes);
        findProcesses().stream().filter(process -> !all.contains(process)).forEach(all::add);
        try {
            console(); // keep the log readable after the close
        } catch (RuntimeException ignored) {
            // a browser that crashed has no log to give
        }
        closed = true;
        OPEN.remove(this);
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // killed below
        } finally {
            service.stop();
            // Whatever still runs now (nothing, when chromedriver could close Chromium) is killed: the profile it
            // might still write is thrown away.
            all.stream().filter(Browser::running).forEach(ProcessHandle::destroyForcibly);
            all.forEach(process -> awaitEnd(process, 10_000));
            List<Long> survivors = all.stream().filter(Browser::running).map(ProcessHandle::pid).toList();
            if (Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException ignored) {
                    // the JVM is shutting down already
                }
            }
            deleteTree(profile);
            if (!survivors.isEmpty()) {
                throw new IllegalStateException("Chromium processes survived SIGKILL for 10 s: " + survivors);
            }
        }
    }

    /** The chromedriver child of this JVM that listens on this session's port, and all its descendants. */
    private List<ProcessHandle> findProcesses() {
        String port = "--port=" + service.getUrl().getPort();
        List<ProcessHandle> found = new ArrayList<>();
        ProcessHandle.current().children()
                .filter(child -> child.info().arguments().map(List::of).orElse(List.of()).contains(port))
                .forEach(chromedriver -> {
                    found.add(chromedriver);
                    chromedriver.descendants().forEach(found::add);
                });
        // Processes Chromium detached from its tree still name the profile.
        ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(profile.toString()))
                .filter(process -> !found.contains(process))
                .forEach(found::add);
        return found;
    }

    private String describe(String dumpName) {
        try {
            String text = text();
            String url = driver.getCurrentUrl();
            return "The page " + (url.length() > 200 ? url.substring(0, 200) + "[...]" : url)
                    + " (title '" + driver.getTitle() + "') showed:\n"
                    + (text.length() > QUOTED ? text.substring(0, QUOTED) + "\n[...]" : text)
                    + "\nConsole errors: " + consoleErrors()
                    + "\nSaved: " + dump(dumpName);
        } catch (RuntimeException e) {
            return "The page could not be read: " + e;
        }
    }

    private Path artifact(String fileName) {
        Path folder = SCREENSHOTS.resolve(testClass.getSimpleName());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder.resolve(fileName);
    }

    private static String format(LogEntry entry) {
        return entry.getLevel() + " " + entry.getMessage();
    }

    /** Polls, since onExit() of a process that is not this JVM's child notices its end only a second or two late. */
    private static void awaitEnd(ProcessHandle process, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (running(process) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Alive and not a zombie. Chromium's processes outlive chromedriver, their parent, so an ended one waits as a
     * zombie until the machine's init reaps it (over a second here), and {@link ProcessHandle#isAlive} counts it.
     */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record PerformanceEntry(String name, double startTime, double duration) {
    }

    /**
     * With {@code @ExtendWith(Browser.DumpOnFailure.class)}, a failed test leaves a screenshot, the page source and
     * the console log of every browser still open ({@code <test method>-failed.*}); close browsers in
     * {@code @AfterEach}/{@code @AfterAll} for this to see them.
     */
    static final class DumpOnFailure implements AfterTestExecutionCallback {
        @Override
        public void afterTestExecution(ExtensionContext context) {
            if (context.getExecutionException().isEmpty()) {
                return;
            }
            for (Browser browser : OPEN) {
                String saved = browser.dump(context.getRequiredTestMethod().getName() + "-failed");
                context.getExecutionException().get().addSuppressed(new AssertionError("Browser at failure: " + saved));
            }
        }
    }
}
