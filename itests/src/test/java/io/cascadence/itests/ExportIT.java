package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The n8n export and ideas in the real container, with the examples/etl plugin (Extract, then Transform, then Load)
 * beside the example task: over HTTP and through bin/task as a process, as a user drives them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportIT {

    private static final Path ETL = Path.of(System.getProperty("etl.jar"));
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Installation installation;
    private ContainerProcess container;

    @BeforeAll
    void start() {
        installation = Installation.copy("export");
        Installation.dropInto(ETL, installation.plugins().resolve("etl.jar"));
        container = installation.start();
        Await.until(Duration.ofSeconds(30), () -> "the etl tasks are registered",
                () -> container.http.get("/tasks").body().contains("\"Load\""));
        Installation.CommandResult scheduled = installation.task("schedule", "Extract", "0 2 * * MON-FRI");
        assertThat(scheduled.exitCode()).as(scheduled.stderr()).isZero();
        scheduled = installation.task("schedule", "Transform", "30 1 * * *", "--timezone", "America/New_York");
        assertThat(scheduled.exitCode()).as(scheduled.stderr()).isZero();
    }

    @AfterAll
    void stop() {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void theExportIsAnN8nWorkflowWhoseNodesCallThisContainerInDependencyOrder() {
        Http.Response export = container.http.get("/export/n8n");
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/json");
        JsonNode workflow = export.json();

        assertThat(workflow.path("settings").path("timezone").asText()).isEqualTo("UTC");
        for (String task : List.of("example", "Extract", "Transform", "Load")) {
            JsonNode node = node(workflow, task);
            assertThat(node.path("type").asText()).isEqualTo("n8n-nodes-base.httpRequest");
            assertThat(node.path("parameters").path("url").asText())
                    .isEqualTo(installation.baseUrl() + "/tasks/" + task + "/run");
        }
        JsonNode extractTrigger = node(workflow, "Schedule Extract");
        assertThat(extractTrigger.path("type").asText()).isEqualTo("n8n-nodes-base.scheduleTrigger");
        assertThat(extractTrigger.path("parameters").path("rule").path("interval").path(0).path("expression")
                .asText()).isEqualTo("0 2 * * 1-5");
        assertThat(extractTrigger.has("disabled")).isFalse();
        assertThat(targets(workflow, "Schedule Extract")).containsExactly("Extract");
        assertThat(node(workflow, "Schedule example").path("parameters").toString()).contains("0 12 * * *");
        JsonNode newYork = node(workflow, "Schedule Transform");
        assertThat(newYork.path("disabled").asBoolean()).as("fires in New York, the workflow reads UTC").isTrue();
        assertThat(newYork.path("notes").asText()).contains("America/New_York");
        assertThat(workflow.path("nodes").path(0).path("type").asText()).isEqualTo("n8n-nodes-base.manualTrigger");
        assertThat(targets(workflow, "Run manually")).containsExactly("Extract", "example");
        assertThat(targets(workflow, "Extract")).containsExactly("Transform");
        assertThat(targets(workflow, "Transform")).containsExactly("Load");

        // What n8n does with the Extract node: POST its URL.
        Http.Response run = container.http.post(node(workflow, "Extract").path("parameters").path("url").asText()
                .substring(installation.baseUrl().length()));
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().path("result").asText()).startsWith("extracted 3 records");
    }

    @Test
    void theExportIsAnAttachmentAndABaseUrlIsCheckedBeforeUse() throws Exception {
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(installation.baseUrl() + "/export/n8n")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"cascadence-n8n.json\"");

        Http.Response export = container.http.get("/export/n8n?base_url="
                + "https%3A%2F%2Fcascadence.example.com%2Fapi%2F");
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(node(export.json(), "Load").path("parameters").path("url").asText())
                .isEqualTo("https://cascadence.example.com/api/tasks/Load/run");

        Http.Response refused = container.http.get("/export/n8n?base_url=ftp%3A%2F%2Fhost");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).startsWith("base_url 'ftp://host' is not accepted");
        assertThat(container.http.post("/export/n8n").status()).isEqualTo(405);
    }

    @Test
    void bin_task_exportN8nWritesTheSameWorkflowToTheFileAndRefusesAFolderThatIsNotThere() throws IOException {
        Path file = Installation.tempFile("workflow", ".json");

        Installation.CommandResult written = installation.task("export-n8n", file.toString());

        assertThat(written.exitCode()).as(written.stderr()).isZero();
        assertThat(written.stdout()).isEqualTo("workflow written to " + file + "\n");
        assertThat(MAPPER.readTree(Files.readString(file))).isEqualTo(container.http.get("/export/n8n").json());

        Path missing = file.resolveSibling("no-such-folder").resolve("workflow.json");
        Installation.CommandResult refused = installation.task("export-n8n", missing.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).isEqualTo("error: cannot write " + missing + ": the folder "
                + missing.getParent() + " does not exist\n");
    }

    @Test
    void anIdeaIsKeptHashedInIdeasYmlAndListedForItsUserOnly() throws IOException {
        Installation.CommandResult sent = installation.task("ai-idea", "bake bread on Sundays", "--user-id", "ada",
                "--group-id", "family");
        assertThat(sent.exitCode()).as(sent.stderr()).isZero();
        assertThat(sent.stdout()).isEqualTo("idea sent\n");

        Path ideas = installation.home.resolve("data/ideas.yml");
        String kept = Files.readString(ideas);
        assertThat(kept).contains("text: bake bread on Sundays", "user_hash: ", "group_hash: ")
                .doesNotContain("ada", "family");

        Http.Response mine = container.http.get("/ideas", Map.of("X-User-ID", "ada"));
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(texts(mine.json())).containsExactly("bake bread on Sundays");
        assertThat(texts(container.http.get("/ideas", Map.of("X-User-ID", "grace")).json())).isEmpty();

        Http.Response empty = container.http.postJson("/ideas", "{\"text\": \"  \"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("detail").asText()).contains("needs a text");
        Http.Response viaQuery = container.http.post("/ideas?text=plant%20tomatoes");
        assertThat(viaQuery.status()).as(viaQuery.body()).isEqualTo(200);
        assertThat(viaQuery.json().path("status").asText()).isEqualTo("sent");
        assertThat(Files.readString(ideas)).startsWith(kept).contains("text: plant tomatoes");
    }

    private static List<String> texts(JsonNode ideas) {
        List<String> texts = new ArrayList<>();
        ideas.forEach(idea -> texts.add(idea.path("text").asText()));
        return texts;
    }

    private static JsonNode node(JsonNode workflow, String name) {
        for (JsonNode node : workflow.path("nodes")) {
            if (node.path("name").asText().equals(name)) {
                return node;
            }
        }
        throw new AssertionError("no node named '" + name + "' in " + workflow.path("nodes"));
    }

    private static List<String> targets(JsonNode workflow, String name) {
        List<String> targets = new ArrayList<>();
        workflow.path("connections").path(name).path("main").path(0)
                .forEach(link -> targets.add(link.path("node").asText()));
        return targets;
    }
}
