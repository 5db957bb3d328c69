package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The browser harness the web dashboard's tests use: headless Chromium opens a page of a running installation,
 * saves a screenshot, and leaves no process behind once closed.
 */
class BrowserIT {

    @Test
    void chromiumShowsTheHealthReportAndClosingEndsItsProcesses() {
        Installation installation = Installation.copy("browser");
        try (ContainerProcess container = installation.start()) {
            long started = System.nanoTime();
            Browser browser = Browser.start(BrowserIT.class);
            List<ProcessHandle> processes;
            try {
                long opening = System.nanoTime();
                browser.open(URI.create(installation.baseUrl() + "/health"));
                browser.waitForText("\"status\":\"UP\"", Duration.ofSeconds(10));
                assertThat(browser.screenshot("health")).isNotEmptyFile();
                assertThat(browser.now()).isPositive();
                System.out.printf("Browser: started in %d ms, /health shown in %d ms%n",
                        (opening - started) / 1_000_000, (System.nanoTime() - opening) / 1_000_000);
                processes = browser.processes();
                assertThat(processes).anySatisfy(process -> assertThat(process.info().command())
                        .hasValueSatisfying(command -> assertThat(command).contains("chromium/chromium")));
            } finally {
                long closing = System.nanoTime();
                browser.close();
                System.out.printf("Browser: closed in %d ms%n", (System.nanoTime() - closing) / 1_000_000);
            }
            assertThat(processes).noneMatch(Browser::running);
        }
    }
}
