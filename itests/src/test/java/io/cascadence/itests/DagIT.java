package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code dag} backend with the examples/etl plugin (Load needs Transform, Transform needs Extract): a run of Load
 * is one tree of runs, its prerequisites first, and a cycle is refused before anything is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DagIT {

    private static final Path ETL = Path.of(System.getProperty("etl.jar"));

    private Installation installation;
    private ContainerProcess container;

    @BeforeAll
    void start() {
        installation = Installation.copy("dag");
        Installation.writeAtomically(installation.config().resolve("io.cascadence.cfg"), "backend = dag\n");
        Installation.dropInto(ETL, installation.plugins().resolve("etl.jar"));
        container = installation.start();
    }

    @AfterAll
    void stop() {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void runningLoadRunsExtractThenTransformAsItsChildrenFirst() {
        Http.Response run = container.http.post("/tasks/Load/run");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().path("result").asText()).isEqualTo("loaded 3 records into the warehouse");
        String id = run.json().path("run_id").asText();

        JsonNode record = record(id);
        assertThat(record.path("task").asText()).isEqualTo("Load");
        assertThat(record.path("status").asText()).isEqualTo("success");
        assertThat(record.path("trigger").asText()).isEqualTo("api");
        JsonNode children = record.path("children");
        assertThat(children).hasSize(2);
        JsonNode extract = children.get(0);
        JsonNode transform = children.get(1);
        assertThat(extract.path("task").asText()).isEqualTo("Extract");
        assertThat(transform.path("task").asText()).isEqualTo("Transform");
        for (JsonNode child : children) {
            assertThat(child.path("parent_run_id").asText()).as(child.toString()).isEqualTo(id);
            assertThat(child.path("trigger").asText()).as(child.toString()).isEqualTo("dependency");
            assertThat(child.path("status").asText()).as(child.toString()).isEqualTo("success");
        }
        assertThat(extract.path("result").asText()).isEqualTo("extracted 3 records: ada, grace, linus");
        assertThat(transform.path("result").asText()).isEqualTo("transformed 3 records: ADA, GRACE, LINUS");
        assertThat(time(transform, "started_at")).as("Transform after Extract")
                .isAfterOrEqualTo(time(extract, "finished_at"));

        List<String> stages = stageNames(record);
        assertThat(stages.get(0)).isEqualTo("dependency");
        assertThat(stages).contains("run");
        JsonNode ownRun = stage(record, "run");
        assertThat(ownRun.path("status").asText()).isEqualTo("success");
        assertThat(time(ownRun, "started_at")).as("Load's own run stage after its prerequisites")
                .isAfterOrEqualTo(time(transform, "finished_at"));
    }

    @Test
    void aFailedPrerequisiteFailsLoadNamingItAndNothingAfterItRuns() {
        Http.Response run = container.http.postJson("/tasks/Load/run", "{\"fail\":\"Extract\"}");
        assertThat(run.status()).as(run.body()).isEqualTo(400);
        JsonNode answer = run.json();
        assertThat(answer.path("detail").asText()).startsWith("prerequisite 'Extract' failed: ");
        assertThat(answer.path("stage").asText()).isEqualTo("dependency");
        assertThat(answer.path("run_status").asText()).isEqualTo("error");

        JsonNode record = record(answer.path("run_id").asText());
        assertThat(record.path("status").asText()).isEqualTo("error");
        assertThat(record.path("failed_stage").asText()).isEqualTo("dependency");
        assertThat(record.path("error").asText()).contains("Extract");
        assertThat(record.path("children")).as("Transform never ran").singleElement().satisfies(child -> {
            assertThat(child.path("task").asText()).isEqualTo("Extract");
            assertThat(child.path("status").asText()).isEqualTo("error");
        });
        assertThat(stageNames(record)).doesNotContain("run");
    }

    @Test
    void aDependencyThatClosesACycleIsRefusedNamingItAndNothingIsWritten() throws IOException {
        Path file = ScheduleIT.schedulesYml(installation);
        String before = ScheduleIT.read(file);

        Http.Response refused = container.http.postJson("/tasks/Extract/dependencies", "[\"Transform\"]");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText())
                .containsAnyOf("Extract -> Transform -> Extract", "Transform -> Extract -> Transform");
        Http.Response viaQuery = container.http.post("/tasks/Extract/dependencies?deps=Load");
        assertThat(viaQuery.status()).as(viaQuery.body()).isEqualTo(400);
        assertThat(viaQuery.json().path("detail").asText()).contains("Extract -> Load -> Transform -> Extract");

        assertThat(ScheduleIT.read(file)).isEqualTo(before);
        Http.Response run = container.http.post("/tasks/Load/run");
        assertThat(run.status()).as("the graph is as it was: " + run.body()).isEqualTo(200);
        assertThat(record(run.json().path("run_id").asText()).path("children")).hasSize(2);
    }

    private JsonNode record(String runId) {
        Http.Response response = container.http.get("/runs/" + runId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> stageNames(JsonNode record) {
        List<String> names = new ArrayList<>();
        record.path("stages").forEach(s -> names.add(s.path("stage").asText()));
        return names;
    }

    private static JsonNode stage(JsonNode record, String name) {
        for (JsonNode stage : record.path("stages")) {
            if (stage.path("stage").asText().equals(name)) {
                return stage;
            }
        }
        throw new AssertionError("no stage " + name + " in " + record);
    }

    private static Instant time(JsonNode node, String field) {
        return Instant.parse(node.path(field).asText());
    }
}
