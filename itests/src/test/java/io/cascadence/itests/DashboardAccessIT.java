package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The dashboard of an installation with API tokens and the dag backend (the examples/etl plugin: Load needs
 * Transform, Transform needs Extract), in headless Chromium: read-only until a token is given, then in control; the
 * task graph with each node's last status; and, under api_tokens_scope = all, nothing shown without a valid token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(Browser.DumpOnFailure.class)
class DashboardAccessIT {

    private static final String ADMIN = "dashboard-admin-token-0123456789";
    private static final Path ETL = Path.of(System.getProperty("etl.jar"));

    private Installation installation;
    private ContainerProcess container;
    private Browser browser;

    @BeforeAll
    void start() {
        installation = Installation.copy("dashboard-access");
        Installation.writeAtomically(installation.config().resolve("io.cascadence.cfg"), "backend = dag\n");
        Installation.writeAtomically(installation.config().resolve("io.cascadence.web.cfg"),
                "api_tokens = " + ADMIN + "\n");
        Installation.dropInto(ETL, installation.plugins().resolve("etl.jar"));
        container = installation.start();
        browser = Browser.start(DashboardAccessIT.class);
    }

    @AfterAll
    void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (container != null) {
                container.close();
            }
        }
    }

    private void open(String fragment) {
        browser.open(URI.create(installation.baseUrl() + "/" + fragment));
    }

    private WebElement row(String task) {
        return browser.driver().findElement(By.cssSelector("tr[data-task='" + task + "']"));
    }

    private void useToken(String token) {
        WebElement field = browser.driver().findElement(By.cssSelector(".tokenbar input[name='token']"));
        field.clear();
        field.sendKeys(token);
        browser.driver().findElement(By.xpath("//button[text()='Use token']")).click();
    }

    @Test
    @Order(1)
    void withoutATokenThePageIsReadOnlyAndAGivenTokenPutsTheUserInControl() {
        open("");
        browser.waitForElement(By.cssSelector("tr[data-task='Load']"), Duration.ofSeconds(20));
        browser.waitForText("Read-only", Duration.ofSeconds(10));
        assertThat(row("Load").findElements(By.cssSelector("button"))).isNotEmpty()
                .allSatisfy(button -> assertThat(button.isEnabled()).as(button.getText()).isFalse());
        browser.screenshot("read-only");

        useToken("not-" + ADMIN);
        browser.waitForText("That token was refused", Duration.ofSeconds(10));
        assertThat(browser.text()).contains("Read-only");
        assertThat(row("Load").findElement(By.cssSelector("button[data-action='pause']")).isEnabled()).isFalse();

        useToken(ADMIN);
        browser.waitForText("Signed in with an API token", Duration.ofSeconds(10));
        browser.waitFor("Load's controls enabled", () -> row("Load")
                .findElement(By.cssSelector("button[data-action='pause']")).isEnabled());
        row("Load").findElement(By.cssSelector("button[data-action='pause']")).click();
        browser.waitFor("Load paused", () -> "paused".equals(row("Load").getAttribute("data-state")));
        assertThat(container.http.get("/tasks/Load").json().path("paused").asBoolean()).isTrue();

        row("Load").findElement(By.cssSelector("button[data-action='resume']")).click();
        browser.waitFor("Load idle", () -> "idle".equals(row("Load").getAttribute("data-state")));
        browser.screenshot("in-control");
    }

    @Test
    @Order(2)
    void theTaskGraphDrawsEachTaskAfterItsPrerequisitesWithItsLastStatus() {
        Http.Response run = container.http.post("/tasks/Load/run", Map.of("Authorization", "Bearer " + ADMIN));
        assertThat(run.status()).as(run.body()).isEqualTo(200);

        open("#/graph");
        browser.waitForElement(By.cssSelector("svg.dag .node[data-task='Load']"), Duration.ofSeconds(20));
        List<WebElement> edges = browser.driver().findElements(By.cssSelector("svg.dag path.edge"));
        assertThat(edges).extracting(e -> e.getAttribute("data-from") + "->" + e.getAttribute("data-to"))
                .containsExactlyInAnyOrder("Extract->Transform", "Transform->Load");
        for (String task : List.of("Load", "Transform", "Extract")) {
            // Transform and Extract ran only as Load's prerequisites: still their own tasks' last runs.
            By node = By.cssSelector("svg.dag .node[data-task='" + task + "']");
            browser.waitFor(task + "'s node shows its run",
                    () -> "success".equals(browser.driver().findElement(node).getAttribute("data-status")));
        }
        assertThat(container.http.get("/tasks/Extract").json().path("last_run").path("trigger").asText())
                .isEqualTo("dependency");
        assertThat(container.http.get("/tasks/Extract/runs").json()).as("top-level runs only").isEmpty();
        JsonNode nested = container.http.get("/tasks/Extract/runs?nested=true").json();
        assertThat(nested).hasSize(1);
        assertThat(nested.get(0).path("parent_run_id").asText()).isEqualTo(run.json().path("run_id").asText());
        Http.Response bad = container.http.get("/tasks/Extract/runs?nested=maybe");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("detail").asText()).isEqualTo("nested is 'maybe'; expected true or false");
        double extract = x("Extract");
        double transform = x("Transform");
        double load = x("Load");
        assertThat(extract).isLessThan(transform);
        assertThat(transform).isLessThan(load);
        browser.screenshot("graph");

        // Extract's page lists and charts its run as Load's prerequisite, linked to Load's run.
        browser.driver().findElement(By.cssSelector("svg.dag .node[data-task='Extract'] rect")).click();
        By prerequisiteRun = By.cssSelector("section.task[data-task='Extract'] tr[data-run='"
                + nested.get(0).path("run_id").asText() + "']");
        browser.waitForElement(prerequisiteRun, Duration.ofSeconds(10));
        assertThat(browser.driver().findElement(prerequisiteRun).getText()).contains("dependency of");
        assertThat(browser.driver().findElements(By.cssSelector("section.task svg.chart rect.bar.success")))
                .hasSize(1);
        browser.screenshot("prerequisite-task-page");
    }

    private double x(String task) {
        return Double.parseDouble(browser.driver().findElement(By.cssSelector(
                "svg.dag .node[data-task='" + task + "'] rect")).getAttribute("x"));
    }

    @Test
    @Order(3)
    void underScopeAllNothingIsShownUntilAValidTokenIsGiven() {
        Installation.writeAtomically(installation.config().resolve("io.cascadence.web.cfg"),
                "api_tokens = " + ADMIN + "\napi_tokens_scope = all\n");
        Await.until("reads need a token", () -> container.http.get("/tasks").status() == 401);
        browser.script("sessionStorage.clear()");

        open("");
        browser.waitForText("needs an API token to show anything", Duration.ofSeconds(10));
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-task]"))).isEmpty();

        useToken("not-" + ADMIN);
        browser.waitForText("That token was refused", Duration.ofSeconds(10));
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-task]"))).isEmpty();
        browser.screenshot("refused-token");

        useToken(ADMIN);
        browser.waitForElement(By.cssSelector("tr[data-task='Load']"), Duration.ofSeconds(20));
        browser.waitFor("the live feed with the token", () -> "live".equals(browser.driver()
                .findElement(By.cssSelector(".feed")).getAttribute("data-feed")));
    }
}
