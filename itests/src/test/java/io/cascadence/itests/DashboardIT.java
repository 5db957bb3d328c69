package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The dashboard as a user sees it in a real headless Chromium: the example task in the table, Pause and Resume that
 * the API agrees with, a run started from the page appearing and finishing without a reload, its run page with its
 * stages, runs started elsewhere showing up live, and a refusal shown with the API's own message. Screenshots of each
 * step are saved under itests/target/screenshots/DashboardIT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(Browser.DumpOnFailure.class)
class DashboardIT {

    private Installation installation;
    private ContainerProcess container;
    private Browser browser;
    /** How many console errors the browser had logged when the test began (a refusal logs its 4xx there). */
    private int errorsBefore;

    @BeforeAll
    void start() {
        installation = Installation.copy("dashboard");
        Installation.dropInto(Path.of(System.getProperty("runs.jar")), installation.plugins().resolve("runs.jar"));
        container = installation.start();
        browser = Browser.start(DashboardIT.class);
    }

    @AfterAll
    void stop() {
        List<ProcessHandle> processes = browser == null ? List.of() : browser.processes();
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (container != null) {
                container.close();
            }
        }
        assertThat(processes).as("Chromium and chromedriver end with the tests").noneMatch(Browser::running);
    }

    @BeforeEach
    void openThePage() {
        errorsBefore = browser.consoleErrors().size();
        browser.open(URI.create(installation.baseUrl() + "/"));
        browser.waitForElement(By.cssSelector("tr[data-task='example']"), Duration.ofSeconds(20));
        browser.waitFor("the live feed", () -> "live".equals(feed()));
    }

    /** The script errors of this test's page views. */
    private List<String> newConsoleErrors() {
        List<String> all = browser.consoleErrors();
        return all.subList(errorsBefore, all.size());
    }

    private String feed() {
        return browser.driver().findElement(By.cssSelector(".feed")).getAttribute("data-feed");
    }

    private WebElement exampleRow() {
        return browser.driver().findElement(By.cssSelector("tr[data-task='example']"));
    }

    private void click(WebElement row, String action) {
        row.findElement(By.cssSelector("button[data-action='" + action + "']")).click();
    }

    private JsonNode example() {
        Http.Response task = container.http.get("/tasks/example");
        assertThat(task.status()).as(task.body()).isEqualTo(200);
        return task.json();
    }

    @Test
    void thePageListsTheExampleTaskWithItsScheduleAndNoScriptError() {
        WebElement row = exampleRow();
        assertThat(row.getAttribute("data-state")).isEqualTo("idle");
        assertThat(row.getText()).contains("example", "idle", "sync", "0 12 * * *", "UTC");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Cascadence Dashboard");
        assertThat(browser.text()).contains("Queued Tasks", "Recent runs");
        assertThat(browser.awaitMark("cascadence:first-useful-paint", Duration.ofSeconds(10))).isPositive();
        browser.screenshot("tasks");
        assertThat(newConsoleErrors()).isEmpty();
    }

    @Test
    void thePageComesFromTheBundleUnframeableAndItsScriptIsRevalidatedNotFetchedAgain() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(installation.baseUrl() + "/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html").contains("utf-8"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.body()).contains("/ui/app.js").doesNotContain("http://", "https://");

        URI script = URI.create(installation.baseUrl() + "/ui/app.js");
        HttpResponse<String> first = client.send(HttpRequest.newBuilder(script).build(),
                HttpResponse.BodyHandlers.ofString());
        String tag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = client.send(HttpRequest.newBuilder(script).header("If-None-Match", tag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void pauseOnThePageIsWhatTheApiSaysAndResumeUndoesIt() {
        click(exampleRow(), "pause");
        browser.waitFor("the example paused on the page", () -> "paused".equals(exampleRow().getAttribute("data-state")));
        assertThat(example().path("paused").asBoolean()).isTrue();
        browser.screenshot("paused");

        click(exampleRow(), "resume");
        browser.waitFor("the example idle again", () -> "idle".equals(exampleRow().getAttribute("data-state")));
        assertThat(example().path("paused").asBoolean()).isFalse();
    }

    @Test
    void aRunStartedOnThePageAppearsAndFinishesLiveAndItsPageShowsItsStages() {
        browser.script("window.cascadenceNotReloaded = true");
        click(exampleRow(), "run");
        WebElement input = browser.driver().findElement(By.cssSelector("textarea[name='input']"));
        input.sendKeys("{\"greeting\": \"hello\"}");
        browser.driver().findElement(By.xpath("//button[text()='Start run']")).click();

        browser.waitFor("the page's own run finished in the runs table", () -> !browser.driver()
                .findElements(By.cssSelector("#runs tr[data-status='success']")).isEmpty());
        String runId = example().path("last_run").path("run_id").asText();
        browser.waitFor("run " + runId + " in the table", () -> !browser.driver()
                .findElements(By.cssSelector("#runs tr[data-run='" + runId + "'][data-status='success']")).isEmpty());
        browser.waitFor("its status in the task row", () -> "success".equals(exampleRow()
                .findElement(By.cssSelector("td.last a")).getAttribute("data-status")));
        assertThat(browser.script("return window.cascadenceNotReloaded === true")).isEqualTo(true);
        assertThat(container.http.get("/runs/" + runId).json().path("input").asText()).contains("hello");
        // The example task has no verify stage: its last stage is verify, skipped, and the row says so.
        assertThat(example().path("last_run").path("stage_status").asText()).isEqualTo("skipped");
        browser.waitFor("the skipped verify stage in the row", () -> exampleRow().findElement(By.cssSelector(
                "td.stage")).getText().startsWith("verify (skipped)"));
        browser.screenshot("run-finished");

        exampleRow().findElement(By.cssSelector("td.last a")).click();
        browser.waitForElement(By.cssSelector(".timeline .lane[data-stage='run'][data-status='success']"),
                Duration.ofSeconds(10));
        assertThat(browser.driver().findElement(By.id("run-status")).getText()).isEqualTo("success");
        assertThat(browser.driver().findElements(By.cssSelector(".timeline .lane"))).extracting(
                lane -> lane.getAttribute("data-stage")).contains("intake", "research", "plan", "run", "verify");
        browser.screenshot("run-page");
        assertThat(newConsoleErrors()).isEmpty();
    }

    @Test
    void runsStartedElsewhereShowUpLiveAndTheTaskEndsIdleWithTheNewestRun() throws Exception {
        browser.script("window.cascadenceNotReloaded = true");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Http.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                sent.add(clients.submit(() -> container.http.post("/tasks/example/run-async")));
            }
            for (Future<Http.Response> answer : sent) {
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(202);
            }
        } finally {
            clients.shutdown();
        }
        Await.until("the API's example idle", () -> example().path("running").asInt() == 0);
        String newest = example().path("last_run").path("run_id").asText();

        browser.waitFor("the page catching up with 200 runs", () -> "idle".equals(exampleRow().getAttribute("data-state"))
                && newest.equals(browser.script("var a = document.querySelector(\"tr[data-task='example'] td.last a\");"
                        + " return a ? decodeURIComponent(a.getAttribute('href').slice(7)) : null")));
        assertThat(browser.script("return window.cascadenceNotReloaded === true")).isEqualTo(true);
        browser.screenshot("after-200-runs");
    }

    @Test
    void theRunFiltersAreInTheAddressSoAReloadKeepsThem() {
        Http.Response run = container.http.post("/tasks/example/run");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        By taskOption = By.cssSelector("select[aria-label='Filter runs by task'] option[value='example']");
        browser.waitForElement(taskOption, Duration.ofSeconds(10));
        browser.driver().findElement(taskOption).click();
        browser.waitFor("the task filter in the address", () -> currentHash().contains("task=example"));
        browser.driver().findElement(By.cssSelector(
                "select[aria-label='Filter runs by status'] option[value='success']")).click();
        browser.waitFor("the status filter in the address", () -> currentHash().contains("status=success"));

        browser.driver().navigate().refresh();
        browser.waitForElement(By.cssSelector("#runs tr[data-run]"), Duration.ofSeconds(20));
        assertThat(currentHash()).contains("task=example").contains("status=success");
        assertThat(selected("Filter runs by task")).isEqualTo("example");
        assertThat(selected("Filter runs by status")).isEqualTo("success");
        assertThat(browser.driver().findElements(By.cssSelector("#runs tr[data-run]")))
                .isNotEmpty().allSatisfy(row -> assertThat(row.getAttribute("data-status")).isEqualTo("success"));
        browser.screenshot("filters-after-reload");
        assertThat(newConsoleErrors()).isEmpty();

        // A filter the API refuses, typed into the address: said in the runs table, the tasks still shown.
        browser.open(URI.create(installation.baseUrl() + "/#/?status=bogus"));
        browser.waitForElement(By.cssSelector("#runs td.error"), Duration.ofSeconds(20));
        assertThat(browser.driver().findElement(By.cssSelector("#runs td.error")).getText())
                .startsWith("These filters were refused: status 'bogus' is not a run status");
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-task='example']"))).hasSize(1);
        assertThat(selected("Filter runs by status")).isEqualTo("bogus");
    }

    @Test
    void aTaskPageShowsNothingOfTheTaskPageBeforeIt() {
        browser.script("location.hash = '#/tasks/example'");
        browser.waitForElement(By.cssSelector("section.task[data-task='example'] h3"), Duration.ofSeconds(10));
        browser.waitFor("example's runs or none", () -> !browser.driver().findElements(By.cssSelector(
                "section.task[data-task='example'] table, section.task[data-task='example'] p.muted")).isEmpty());

        browser.script("location.hash = '#/tasks/nosuch'");
        browser.waitForText("Unknown task: nosuch", Duration.ofSeconds(10));
        assertThat(browser.driver().findElements(By.cssSelector("section.task table, section.task svg.chart")))
                .as("nothing of example's page").isEmpty();
    }

    private String currentHash() {
        return String.valueOf(browser.script("return location.hash"));
    }

    private String selected(String label) {
        return browser.driver().findElement(By.cssSelector("select[aria-label='" + label + "']")).getAttribute("value");
    }

    /**
     * A container killed under the page (kill -9, a run in progress): the page says it is no longer live rather than
     * showing the dead run as running without a word, and once the container is back it shows the run as the
     * restart recorded it (interrupted) without a reload.
     */
    @Test
    void whenTheContainerDiesThePageSaysItIsNotLiveAndCatchesUpWhenItIsBack() {
        Await.until("the runs example's tasks", () -> container.http.get("/tasks/sleep").status() == 200);
        String runId = container.http.postJson("/tasks/sleep/run-async", "{\"seconds\": 600}").json()
                .path("run_id").asText();
        By sleepRow = By.cssSelector("tr[data-task='sleep']");
        browser.waitForElement(sleepRow, Duration.ofSeconds(20));
        browser.waitFor("the sleep run shown running",
                () -> "running".equals(browser.driver().findElement(sleepRow).getAttribute("data-state")));
        // It sleeps in its run stage: the page says so while it lasts, as the API does, not the last stage ended.
        browser.waitFor("the run stage shown", () -> browser.driver().findElement(sleepRow)
                .findElement(By.cssSelector("td.stage")).getText().startsWith("run"));
        assertThat(container.http.get("/tasks/sleep").json().path("last_run").path("stage").asText()).isEqualTo("run");
        // Paused while its run goes on: the row says paused, and that a run is still in progress.
        Http.Response paused = container.http.post("/tasks/sleep/pause");
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        browser.waitFor("the sleep task paused with its run held", () -> "paused".equals(browser.driver()
                .findElement(sleepRow).getAttribute("data-state")) && browser.driver().findElement(sleepRow)
                .findElements(By.cssSelector("[data-held='1']")).stream()
                .anyMatch(held -> "1 run in progress".equals(held.getText())));
        assertThat(container.http.post("/tasks/sleep/resume").status()).isEqualTo(200);
        By trigger = By.cssSelector("#runs tr[data-run='" + runId + "'] td:nth-child(4)");
        browser.waitFor("the run's trigger, which the feed does not carry", () -> browser.driver()
                .findElements(trigger).stream().anyMatch(cell -> "api".equals(cell.getText())));
        assertThat(browser.driver().findElements(By.cssSelector(".banner.stale"))).isEmpty();

        container.kill();
        browser.waitFor("the page saying it is not live", Duration.ofSeconds(30),
                () -> !browser.driver().findElements(By.cssSelector(".banner.stale")).isEmpty());
        assertThat(browser.driver().findElement(By.cssSelector(".banner.stale")).getText()).startsWith("Not live");
        browser.screenshot("not-live");

        container = installation.start();
        browser.waitFor("the page live again", Duration.ofSeconds(40), () -> "live".equals(feed())
                && browser.driver().findElements(By.cssSelector(".banner.stale")).isEmpty());
        browser.waitFor("the killed run shown interrupted", Duration.ofSeconds(20), () -> {
            WebElement row = browser.driver().findElement(sleepRow);
            List<WebElement> last = row.findElements(By.cssSelector("td.last a"));
            return "idle".equals(row.getAttribute("data-state")) && !last.isEmpty()
                    && "interrupted".equals(last.get(0).getAttribute("data-status"));
        });
        assertThat(container.http.get("/runs/" + runId).json().path("status").asText()).isEqualTo("interrupted");
        browser.screenshot("live-again");
    }

    @Test
    void aRefusedControlShowsTheApisMessageAndChangesNothing() {
        click(exampleRow(), "schedule");
        WebElement expression = browser.driver().findElement(By.cssSelector("input[name='expression']"));
        assertThat(expression.getAttribute("value")).as("the current schedule, to edit").isEqualTo("0 12 * * *");
        expression.clear();
        expression.sendKeys("every full moon");
        browser.driver().findElement(By.xpath("//button[text()='Save schedule']")).click();

        browser.waitForElement(By.cssSelector(".notice.error"), Duration.ofSeconds(10));
        String notice = browser.driver().findElement(By.cssSelector(".notice.error")).getText();
        assertThat(notice).startsWith("Schedule example refused: ").contains("every full moon");
        browser.screenshot("refused");
        Http.Response schedules = container.http.get("/schedules/example");
        assertThat(schedules.json().path("expression").asText()).isEqualTo("0 12 * * *");
    }
}
