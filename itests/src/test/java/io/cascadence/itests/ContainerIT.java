package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/** The container as a user meets it: health, the task list, running tasks, over HTTP and through bin/task. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerIT {

    private Installation installation;
    private ContainerProcess container;

    @BeforeAll
    void start() {
        installation = Installation.copy("container");
        container = installation.start();
    }

    @AfterAll
    void stop() {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void healthIsUpAndListsEveryCascadenceBundleAsActive() {
        Http.Response health = container.http.get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.contentType()).startsWith("application/json");
        JsonNode body = health.json();
        assertThat(body.path("status").asText()).isEqualTo("UP");
        List<String> bundles = new ArrayList<>();
        body.path("bundles").forEach(b -> bundles.add(b.path("name").asText() + " " + b.path("state").asText()));
        assertThat(bundles).contains("io.cascadence.api ACTIVE", "io.cascadence.core ACTIVE",
                "io.cascadence.web ACTIVE", "io.cascadence.metrics ACTIVE", "io.cascadence.shell ACTIVE");
        assertThat(body.path("plugins").toString()).contains("io.cascadence.plugins.example");
        assertThat(body.path("warnings").isArray()).isTrue();
        assertThat(HealthWarnings.besidesUnauthenticatedWebhooks(body)).isEmpty();
    }

    @Test
    void theExampleTaskIsListedEnabled() {
        Http.Response tasks = container.http.get("/tasks");

        assertThat(tasks.status()).isEqualTo(200);
        JsonNode example = find(tasks.json(), "example");
        assertThat(example).as("example in %s", tasks.body()).isNotNull();
        assertThat(example.path("disabled").isBoolean()).isTrue();
        assertThat(example.path("disabled").asBoolean()).isFalse();
    }

    @Test
    void runningTheExampleTaskAnswersARunIdAndLogsTheRun() {
        Http.Response run = container.http.post("/tasks/example/run");

        assertThat(run.status()).isEqualTo(200);
        String runId = run.json().path("run_id").asText();
        assertThat(runId).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(run.json().has("result")).isTrue();
        Await.until("the example task's log line for run " + runId,
                () -> container.log().contains("Example task executed (run " + runId + ")"));
    }

    @Test
    void runningAnUnknownTaskIs404NamingIt() {
        Http.Response run = container.http.post("/tasks/no-such-task/run");

        assertThat(run.status()).isEqualTo(404);
        assertThat(run.json().path("detail").asText()).isEqualTo("Unknown task: no-such-task");
    }

    @Test
    void unknownRoutesAnswerJson404() {
        Http.Response response = container.http.post("/tasks/example/explode");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("detail").asText()).contains("/tasks/example/explode");
    }

    @Test
    void anEmptyRunIdIsABadRequestNamingItNotAPauseOfTheWholeTask() {
        try {
            for (String parameter : List.of("run_id", "job_id")) {
                Http.Response pause = container.http.post("/tasks/example/pause?" + parameter + "=");

                assertThat(pause.status()).as(pause.body()).isEqualTo(400);
                assertThat(pause.json().path("detail").asText()).startsWith(parameter + " query parameter is empty");
                assertThat(find(container.http.get("/tasks").json(), "example").path("paused").asBoolean()).isFalse();
            }
            Http.Response resume = container.http.post("/tasks/example/resume?run_id=");
            assertThat(resume.status()).isEqualTo(400);
            Installation.CommandResult cli = installation.task("pause", "example", "--run-id", "");
            assertThat(cli.exitCode()).isEqualTo(1);
            assertThat(cli.stderr()).contains("error: run_id query parameter is empty");
            assertThat(find(container.http.get("/tasks").json(), "example").path("paused").asBoolean()).isFalse();
        } finally {
            container.http.post("/tasks/example/resume"); // should this fail, the other tests still find it running
        }
    }

    @Test
    void everyBinTaskCommandTakesTheIdentityOptions() {
        for (List<String> command : List.of(List.of("list"), List.of("runs", "example"), List.of("config"),
                List.of("disable", "example"), List.of("enable", "example"))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--user-id", "ada", "--group-id", "analysts"));

            Installation.CommandResult result = installation.task(args.toArray(String[]::new));

            assertThat(result.exitCode()).as("%s: %s", args, result.stderr()).isZero();
        }
    }

    @Test
    void binTaskActsOnTheRunningContainer() {
        Installation.CommandResult list = installation.task("list");
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(list.stdout().lines()).contains("example\tenabled");

        Installation.CommandResult run = installation.task("run", "example");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).matches("run-id\t[0-9a-f-]{36}\n");
        String runId = run.stdout().strip().split("\t")[1];
        // The run happened inside the container, not in a second process.
        Await.until("run " + runId + " in the container's log",
                () -> container.log().contains("Example task executed (run " + runId + ")"));
    }

    @Test
    void binTaskReportsAnUnknownTaskAndFails() {
        Installation.CommandResult run = installation.task("run", "no-such-task");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("error: Unknown task: no-such-task");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void aSecondContainerOnTheSameInstallationIsRefused() {
        Installation.CommandResult second = runSecondContainer();

        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.stderr()).contains("already running from " + installation.home);
        assertThat(container.http.get("/health").status()).isEqualTo(200);
    }

    private Installation.CommandResult runSecondContainer() {
        Map<String, String> saved = Map.copyOf(installation.environment);
        installation.environment.put("CASCADENCE_HTTP_PORT", Integer.toString(Installation.freePort()));
        try {
            return installation.run("bin/cascadence");
        } finally {
            installation.environment.clear();
            installation.environment.putAll(saved);
        }
    }

    static JsonNode find(JsonNode tasks, String name) {
        for (JsonNode task : tasks) {
            if (name.equals(task.path("name").asText())) {
                return task;
            }
        }
        return null;
    }
}
