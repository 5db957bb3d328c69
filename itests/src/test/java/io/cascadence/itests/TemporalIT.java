package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * backend = temporal against Temporal's own test server over gRPC: runs become workflows that this container's
 * worker executes, recorded like local runs; a Temporal service that does not answer is reported and refused.
 * The tests share one server (each on task queues of its own), except the one that needs it down.
 */
class TemporalIT {

    private static final Path RUNS = Path.of(System.getProperty("runs.jar"));
    private static TemporalServerProcess server;

    @BeforeAll
    static void startServer() {
        server = TemporalServerProcess.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static Installation temporal(String name, String server) {
        return temporal(name, server, name);
    }

    private static Installation temporal(String name, String server, String queue) {
        Installation installation = Installation.copy(name);
        Installation.dropInto(RUNS, installation.plugins().resolve("runs.jar"));
        installation.environment.put("CASCADENCE_SCHEDULER", "temporal");
        if (server != null) {
            installation.environment.put("TEMPORAL_SERVER", server);
        }
        installation.environment.put("CASCADENCE_TEMPORAL_TASK_QUEUE", queue);
        return installation;
    }

    private static void awaitTasks(Http http) {
        Await.until("the runs example's tasks", () -> http.get("/tasks").body().contains("\"greet\""));
    }

    @Test
    void aRunGoesThroughTemporalAndIsRecordedLikeALocalRunAndItsHistoryReplays() throws Exception {
        Installation installation = temporal("temporal-run", null);
        try (ContainerProcess container = withServer(installation).start()) {
            Http http = container.http;
            awaitTasks(http);
            Await.until("the worker connected", () -> container.log().contains("Temporal backend: connected to "
                    + server.address()));

            Http.Response greeted = http.postJson("/tasks/greet/run", "{\"name\": \"Ada\"}");

            assertThat(greeted.status()).as(greeted.body()).isEqualTo(200);
            assertThat(greeted.json().path("result").asText()).isEqualTo("Hello, Ada!");
            String runId = greeted.json().path("run_id").asText();
            JsonNode record = http.get("/runs/" + runId).json();
            assertThat(record.path("status").asText()).isEqualTo("success");
            assertThat(record.path("task").asText()).isEqualTo("greet");
            assertThat(record.path("trigger").asText()).isEqualTo("api");
            assertThat(record.path("input").asText()).isEqualTo("{\"name\":\"Ada\"}");
            assertThat(http.get("/health").body()).doesNotContain("Temporal");

            // Its workflow's history, exported, replays against this code; an edited one does not.
            Http.Response history = http.get("/temporal/history/" + runId);
            assertThat(history.status()).as(history.body()).isEqualTo(200);
            assertThat(history.body()).contains("\"CascadenceRun\"").contains("\"RunTask\"");
            Path file = Installation.tempFile("history", ".json");
            Files.writeString(file, history.body());
            Installation.CommandResult replayed = installation.task("replay-history", file.toString());
            assertThat(replayed.exitCode()).as(replayed.stderr()).isZero();
            assertThat(replayed.stdout()).matches("replayed " + file + ": deterministic \\(\\d+ events\\)\\n");
            Path edited = Installation.tempFile("edited", ".json");
            Files.writeString(edited, history.body().replace("\"RunTask\"", "\"Renamed\""));
            Installation.CommandResult differs = installation.task("replay-history", edited.toString());
            assertThat(differs.exitCode()).isEqualTo(1);
            assertThat(differs.stderr()).startsWith("error: " + edited + " is not deterministic for this code: ");
            Installation.CommandResult notAHistory = installation.task("replay-history", installation.config()
                    .resolve("io.cascadence.web.cfg").toString());
            assertThat(notAHistory.exitCode()).isEqualTo(1);
            assertThat(notAHistory.stderr()).contains("not a Temporal workflow history");
            assertThat(http.get("/temporal/history/no-such-run").status()).isEqualTo(404);
        }
        // Without a running container, bin/task's own container connects for the run it is asked for (and only then).
        Installation.CommandResult offline = installation.task("run", "greet");
        assertThat(offline.exitCode()).as(offline.stderr()).isZero();
        assertThat(offline.stdout()).startsWith("run-id\t");
    }

    private static Installation withServer(Installation installation) {
        installation.environment.put("TEMPORAL_SERVER", server.address());
        return installation;
    }

    @Test
    void underAnotherBackendTemporalTrueSendsOneRunToTemporal() {
        Installation installation = temporal("temporal-query", null);
        installation.environment.put("CASCADENCE_SCHEDULER", "cron");
        try (ContainerProcess container = withServer(installation).start()) {
            Http http = container.http;
            awaitTasks(http);
            Http.Response sent = http.postJson("/tasks/greet/run?temporal=true", "{\"name\": \"Ada\"}");

            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            assertThat(sent.json().path("result").asText()).isEqualTo("Hello, Ada!");
            Http.Response history = http.get("/temporal/history/" + sent.json().path("run_id").asText());
            assertThat(history.status()).as(history.body()).isEqualTo(200);
            assertThat(history.body()).contains("\"CascadenceRun\"");
            String local = http.post("/tasks/greet/run").json().path("run_id").asText();
            Http.Response none = http.get("/temporal/history/" + local);
            assertThat(none.status()).as("a local run has no workflow").isEqualTo(404);
            assertThat(none.json().path("detail").asText()).contains("No workflow of a run on Temporal");
            Http.Response wrong = http.post("/tasks/greet/run?temporal=maybe");
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.json().path("detail").asText()).isEqualTo("temporal is 'maybe'; expected true or false");
            assertThat(http.post("/tasks/greet/run?temporal=").json().path("detail").asText())
                    .isEqualTo("temporal is ''; expected true or false");
            Http.Response twice = http.post("/tasks/greet/run?temporal=true&temporal=false");
            assertThat(twice.status()).isEqualTo(400);
            assertThat(twice.json().path("detail").asText()).isEqualTo("temporal is given 2 times; give it once");

            Installation.CommandResult cli = installation.task("run", "greet", "--temporal");
            assertThat(cli.exitCode()).as(cli.stderr()).isZero();
            String cliRun = cli.stdout().strip().replace("run-id\t", "");
            assertThat(http.get("/temporal/history/" + cliRun).status()).isEqualTo(200);
            assertThat(http.get("/runs/" + cliRun).json().path("trigger").asText()).isEqualTo("cli");
        }
    }

    @Test
    void aRunCancelledThroughTheApiEndsAsCancelledAndItsWorkflowIsClosed() {
        try (ContainerProcess container = temporal("temporal-cancel", server.address()).start()) {
            Http http = container.http;
            awaitTasks(http);
            Await.until("the worker connected", () -> container.log().contains("Temporal backend: connected"));

            Http.Response started = http.postJson("/tasks/sleep/run-async", "{\"seconds\": 600}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            String runId = started.json().path("run_id").asText();
            Await.until("the run running", () -> "running".equals(http.get("/runs/" + runId).json()
                    .path("status").asText()));

            Http.Response cancel = http.post("/runs/" + runId + "/cancel");
            assertThat(cancel.status()).as(cancel.body()).isIn(200, 202);
            Await.until("the run cancelled", () -> "cancelled".equals(http.get("/runs/" + runId).json()
                    .path("status").asText()));
            String[] last = {null};
            // Cancelled where it runs, its workflow fails with the run's cancellation; cancelled through Temporal,
            // it ends cancelled: which one the API's cancel takes depends on where the run is when it arrives.
            Await.until(Await.CHANGE, () -> "its workflow closed; its last event: " + last[0], () -> {
                String history = http.get("/temporal/history/" + runId).body();
                last[0] = history.substring(Math.max(0, history.lastIndexOf("\"eventType\"")));
                String events = history.toLowerCase().replace("_", "");
                return events.contains("workflowexecutionfailed") || events.contains("workflowexecutioncanceled");
            });

            // A stop with a run in progress: the worker and the SDK's threads end before the bundle does.
            String another = http.postJson("/tasks/sleep/run-async", "{\"seconds\": 600}").json().path("run_id")
                    .asText();
            Await.until("the second run running", () -> "running".equals(http.get("/runs/" + another).json()
                    .path("status").asText()));
            assertThat(container.stop()).isEqualTo(143);
            assertThat(container.log()).contains("Temporal backend: disconnected from")
                    .doesNotContain("NoClassDefFoundError").doesNotContain("[BUG]");
        }
    }

    /**
     * A switch away from temporal while this installation's worker runs a run: the worker stops taking runs and
     * lets that one finish here, longer than the 10 s a stop waits, so that its workflow completes and no other
     * worker runs it again.
     */
    @Test
    void switchingAwayFromTemporalLetsTheRunInProgressHereFinishAndCompleteItsWorkflow() {
        Installation installation = temporal("temporal-switch", server.address());
        installation.environment.remove("CASCADENCE_SCHEDULER"); // the backend comes from io.cascadence.cfg
        setBackend(installation, "temporal");
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            awaitTasks(http);
            Await.until("the worker connected", () -> container.log().contains("Temporal backend: connected"));
            Http.Response started = http.postJson("/tasks/sleep/run-async", "{\"seconds\": 14}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            String runId = started.json().path("run_id").asText();
            Await.until("the run running", () -> "running".equals(http.get("/runs/" + runId).json()
                    .path("status").asText()));

            setBackend(installation, "cron");

            Await.until(java.time.Duration.ofSeconds(60), () -> "the run finished here; log:\n" + container.log(),
                    () -> "success".equals(http.get("/runs/" + runId).json().path("status").asText()));
            Await.until("the worker disconnected after it", () -> container.log()
                    .contains("Temporal backend: disconnected from"));
            assertThat(container.log()).doesNotContain("interrupting the runs");
            // Its workflow completed: GET /temporal/history connects under cron for the asking.
            assertThat(http.get("/temporal/history/" + runId).body().toLowerCase().replace("_", ""))
                    .contains("workflowexecutioncompleted");
            Http.Response local = http.post("/tasks/greet/run");
            assertThat(local.status()).as(local.body()).isEqualTo(200);
            assertThat(http.get("/temporal/history/" + local.json().path("run_id").asText()).status())
                    .as("a run after the switch is local").isEqualTo(404);
        }
    }

    /** Sets {@code backend} in the installation's io.cascadence.cfg, keeping its other lines. */
    private static void setBackend(Installation installation, String backend) {
        Path file = installation.config().resolve("io.cascadence.cfg");
        String kept = Installation.read(file).lines().filter(line -> !line.strip().startsWith("backend"))
                .collect(java.util.stream.Collectors.joining("\n"));
        Installation.writeAtomically(file, kept + "\nbackend = " + backend + "\n");
    }

    @Test
    void aTemporalServiceThatDoesNotAnswerIsReportedRunsAreRefusedAndItIsRetried() {
        int port = Installation.freePort();
        Installation installation = temporal("temporal-down", "127.0.0.1:" + port);
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            awaitTasks(http);
            Await.until("the outage on /health", () -> http.get("/health").body()
                    .contains("cannot reach Temporal at 127.0.0.1:" + port));

            Http.Response refused = http.post("/tasks/greet/run");
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().path("detail").asText()).contains("Temporal").contains("127.0.0.1:" + port);
            assertThat(http.get("/runs?task=greet").json().size()).isZero();
            Http.Response unknowable = http.get("/runs/no-such-run");
            assertThat(unknowable.status()).as("whether another installation ran it cannot be told")
                    .isEqualTo(503);

            try (TemporalServerProcess late = TemporalServerProcess.start(port)) {
                Await.until("reconnected", () -> container.log().contains("Temporal backend: connected to "
                        + late.address()));
                Http.Response greeted = http.post("/tasks/greet/run");
                assertThat(greeted.status()).as(greeted.body()).isEqualTo(200);
                assertThat(http.get("/health").body()).doesNotContain("cannot reach Temporal");
                assertThat(container.log()).as("the failed attempts left no channel behind to panic")
                        .doesNotContain("Panic!");
            }
        }
    }

    @Test
    void twoInstallationsShareTheQueueAndWhenTheOneRunningARunIsKilledTheOtherFinishesIt() throws Exception {
        // Both have the same schedule and both missed its fire of 1 January: they catch it up together, and
        // Temporal runs it once.
        Installation one = withMissedFire(temporal("temporal-first", null, "shared"));
        Installation two = withMissedFire(temporal("temporal-second", null, "shared"));
        try (ContainerProcess first = withServer(one).start();
                ContainerProcess second = withServer(two).start()) {
            for (ContainerProcess container : new ContainerProcess[] {first, second}) {
                awaitTasks(container.http);
                Await.until("the worker connected", () -> container.log().contains("Temporal backend: connected"));
            }
            String fire = "cron-greet-20260101T000000Z";
            Await.until("the caught-up fire run once", () -> "success".equals(status(first, fire))
                    || "success".equals(status(second, fire)));
            Await.until("the other installation following the same fire", () -> (first.log() + second.log())
                    .contains("another installation started it as run " + fire));
            assertThat(first.http.get("/runs?task=greet&trigger=cron").json().size()
                    + second.http.get("/runs?task=greet&trigger=cron").json().size()).isEqualTo(1);

            // A run is cancelled through the installation that does not run it: through its workflow.
            String longRun = first.http.postJson("/tasks/sleep/run-async", "{\"seconds\": 600}").json()
                    .path("run_id").asText();
            Await.until("the long run running on one of them", () -> running(first, longRun)
                    || running(second, longRun));
            ContainerProcess runner = running(first, longRun) ? first : second;
            ContainerProcess other = runner == first ? second : first;
            // The other has no record of it, and describes it from its workflow: task, status, stage in progress.
            String[] seen = {null};
            Await.until(Await.CHANGE, () -> "the other installation describing the run from its workflow, in its "
                    + "stage run; it answered: " + seen[0], () -> {
                        Http.Response described = other.http.get("/runs/" + longRun);
                        seen[0] = described.status() + " " + described.body();
                        JsonNode run = described.json();
                        return "temporal".equals(run.path("source").asText())
                                && "running".equals(run.path("status").asText())
                                && "run".equals(run.path("stages").path(0).path("stage").asText());
                    });
            assertThat(other.http.get("/runs/" + longRun).json().path("task").asText()).isEqualTo("sleep");
            Http.Response cancel = other.http.post("/runs/" + longRun + "/cancel");
            assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
            Await.until("the run cancelled where it ran", () -> "cancelled".equals(runner.http.get("/runs/" + longRun)
                    .json().path("status").asText()));
            Await.until("the other installation seeing it cancelled", () -> "cancelled".equals(other.http
                    .get("/runs/" + longRun).json().path("status").asText()));
            assertThat(other.http.post("/runs/no-such-run/cancel").status()).isEqualTo(404);

            Http.Response started = first.http.postJson("/tasks/sleep/run-async", "{\"seconds\": 8}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            String runId = started.json().path("run_id").asText();
            Await.until("the run running on one of them", () -> running(first, runId) || running(second, runId));
            ContainerProcess running = running(first, runId) ? first : second;
            ContainerProcess survivor = running == first ? second : first;

            running.kill();

            // Temporal gives the run's activity to the survivor once the killed worker's heartbeats stop (10 s);
            // it runs it as attempt 2.
            Await.until(java.time.Duration.ofSeconds(90), () -> "the run finished by the survivor; its log:\n"
                    + survivor.log(), () -> "success".equals(survivor.http.get("/runs/" + runId + "@2").json()
                            .path("status").asText()));
            JsonNode record = survivor.http.get("/runs/" + runId + "@2").json();
            assertThat(record.path("task").asText()).isEqualTo("sleep");
            assertThat(record.path("result").asText()).contains("slept 8");
            // The run id its caller was given answers, from the workflow, how the run ended.
            Await.until("the run id answering success from its workflow", () -> "success".equals(survivor.http
                    .get("/runs/" + runId).json().path("status").asText()));
            JsonNode asked = survivor.http.get("/runs/" + runId).json();
            assertThat(asked.path("source").asText()).isEqualTo("temporal");
            assertThat(asked.path("failed_stage").isNull()).as(asked.toString()).isTrue();
            assertThat(survivor.http.get("/temporal/history/" + runId).body())
                    .as("the sleep task's cascadence.task.attempts = 2 in its activity's retry policy")
                    .containsPattern("\"maximumAttempts\"\\s*:\\s*2\\b");
        }
    }

    private static Installation withMissedFire(Installation installation) throws java.io.IOException {
        Path data = installation.home.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("schedules.yml"), "greet: '0 0 1 1 *'\n");
        Files.writeString(data.resolve("schedules.state"), "last_checked: 2025-12-31T00:00:00Z\n");
        return installation;
    }

    private static String status(ContainerProcess container, String runId) {
        Http.Response record = container.http.get("/runs/" + runId);
        return record.status() == 200 ? record.json().path("status").asText() : null;
    }

    /** Whether the run is running in this container: on its record, not as its workflow describes it. */
    private static boolean running(ContainerProcess container, String runId) {
        Http.Response record = container.http.get("/runs/" + runId);
        return record.status() == 200 && "running".equals(record.json().path("status").asText())
                && record.json().path("source").isMissingNode();
    }
}

