package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The run model as a user meets it: input, the bounded worker pool and its queue, sync waits that end in 202,
 * cancellation, timeouts, stops and crashes that leave no run "running", and a backend that is not installed.
 */
class RunsIT {

    private static final Path RUNS = Path.of(System.getProperty("runs.jar"));

    private static Installation withRunsPlugin(String name) {
        Installation installation = Installation.copy(name);
        Installation.dropInto(RUNS, installation.plugins().resolve("runs.jar"));
        return installation;
    }

    private static void awaitTasks(Http http) {
        Await.until("the runs example's tasks", () -> http.get("/tasks").body().contains("\"stubborn\""));
    }

    @Test
    void theRequestBodyIsTheRunsInputAndIsShownInItsRecord() {
        Installation installation = withRunsPlugin("runs-input");
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            awaitTasks(http);

            Http.Response greeted = http.postJson("/tasks/greet/run", "{\"name\": \"Ada\"}");
            assertThat(greeted.status()).as(greeted.body()).isEqualTo(200);
            assertThat(greeted.json().path("result").asText()).isEqualTo("Hello, Ada!");
            JsonNode record = http.get("/runs/" + greeted.json().path("run_id").asText()).json();
            assertThat(record.path("trigger").asText()).isEqualTo("api");
            assertThat(record.path("input").asText()).isEqualTo("{\"name\":\"Ada\"}");
            assertThat(record.path("submitted_at").asText()).isNotEmpty();
            assertThat(http.post("/tasks/greet/run").json().path("result").asText()).isEqualTo("Hello, world!");

            Http.Response malformed = http.postJson("/tasks/greet/run", "{\"name\": ");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().path("detail").asText()).startsWith("the request body is not JSON");

            Http.Response refused = http.postJson("/tasks/greet/run", "[1, 2]");
            assertThat(refused.status()).as("a stage failure is the caller's problem: 400").isEqualTo(400);
            assertThat(refused.json().path("stage").asText()).isEqualTo("intake");
            assertThat(refused.json().path("run_status").asText()).isEqualTo("error");
            assertThat(refused.json().path("detail").asText()).contains("\"name\" string");

            JsonNode listed = http.get("/runs?task=greet&status=success&trigger=api").json();
            assertThat(listed).hasSize(2);

            Installation.CommandResult cli = installation.task("run", "greet", "--input", "{\"name\": \"Bob\"}");
            assertThat(cli.exitCode()).as(cli.stderr()).isZero();
            String cliRun = cli.stdout().strip().split("\t")[1];
            JsonNode cliRecord = http.get("/runs/" + cliRun).json();
            assertThat(cliRecord.path("result").asText()).isEqualTo("Hello, Bob!");
            assertThat(cliRecord.path("input").asText()).isEqualTo("{\"name\":\"Bob\"}");
            assertThat(cliRecord.path("trigger").asText()).isEqualTo("cli");
            assertThat(http.get("/runs?status=nonsense").status()).isEqualTo(400);
            assertThat(http.get("/runs?since=yesterday").json().path("detail").asText()).contains("ISO-8601");
        }
    }

    @Test
    void hangingRunsNeverTakeTheHttpThreadsAndAFullQueueIsRefusedNamingTheLimit() throws Exception {
        Installation installation = withRunsPlugin("runs-hang");
        installation.environment.put("CASCADENCE_SYNC_WAIT", "1");
        installation.environment.put("CASCADENCE_MAX_CONCURRENT_RUNS", "4");
        installation.environment.put("CASCADENCE_RUN_QUEUE_CAPACITY", "300");
        installation.environment.put("CASCADENCE_SHUTDOWN_GRACE", "1");
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            awaitTasks(http);

            // Far more synchronous requests for a task that hangs than Jetty has threads.
            ExecutorService clients = Executors.newFixedThreadPool(64);
            List<CompletableFuture<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                answers.add(CompletableFuture.supplyAsync(
                        () -> http.postJson("/tasks/stubborn/run", "{\"seconds\": 600}"), clients));
            }
            Http.Response health = http.get("/health");
            assertThat(health.status()).as("GET /health while 250 runs hang: " + health.body()).isEqualTo(200);
            List<String> statuses = new ArrayList<>();
            for (CompletableFuture<Http.Response> answer : answers) {
                Http.Response response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isEqualTo(202);
                statuses.add(response.json().path("status").asText());
            }
            // Four run, the rest wait for a worker, and each answer says which.
            assertThat(statuses).containsOnly("running", "queued");
            assertThat(statuses.stream().filter("running"::equals).count()).isLessThanOrEqualTo(4);
            clients.shutdown();

            Http.Response async = http.postJson("/tasks/stubborn/run-async", "{\"seconds\": 600}");
            assertThat(async.status()).isEqualTo(202);
            for (int i = 0; i < 60; i++) {
                http.postJson("/tasks/stubborn/run-async", "{\"seconds\": 600}");
            }
            Http.Response full = http.postJson("/tasks/stubborn/run-async", "{}");
            assertThat(full.status()).as(full.body()).isEqualTo(429);
            assertThat(full.json().path("detail").asText()).contains("max_concurrent_runs = 4")
                    .contains("run_queue_capacity = 300");
            assertThat(http.get("/health").status()).isEqualTo(200);
            assertThat(http.get("/tasks").status()).isEqualTo(200);
            JsonNode queued = http.get("/runs?task=stubborn&status=queued&limit=1000").json();
            assertThat(queued.size()).isGreaterThan(250);
        }
    }

    @Test
    void aRunCanBeCancelledAndARunPastItsTimeoutIsEnded() {
        Installation installation = withRunsPlugin("runs-cancel");
        installation.environment.put("CASCADENCE_TASK_TIMEOUTS", "stubborn=1");
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            awaitTasks(http);

            Http.Response started = http.postJson("/tasks/sleep/run-async", "{\"seconds\": 600}");
            assertThat(started.status()).isEqualTo(202);
            String runId = started.json().path("run_id").asText();
            assertThat(started.json().path("status").asText()).isEqualTo("running");
            Await.until("the sleep run running", () -> "running".equals(status(http, runId)));

            Http.Response cancelled = http.post("/runs/" + runId + "/cancel");
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
            assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
            Await.until("the run recorded as cancelled", () -> "cancelled".equals(status(http, runId)));
            assertThat(http.get("/runs/" + runId).json().path("failed_stage").asText()).isEqualTo("run");
            JsonNode stages = http.get("/runs/" + runId).json().path("stages");
            assertThat(stages.get(stages.size() - 1).path("stage").asText()).isEqualTo("run");
            assertThat(stages.get(stages.size() - 1).path("status").asText()).as("the stage the run was in")
                    .isEqualTo("cancelled");
            assertThat(http.post("/runs/" + runId + "/cancel").status()).isEqualTo(409);
            assertThat(http.post("/runs/nope/cancel").json().path("detail").asText()).isEqualTo("Unknown run: nope");

            String second = http.postJson("/tasks/sleep/run-async", "{\"seconds\": 600}").json().path("run_id")
                    .asText();
            Installation.CommandResult cancelled2 = installation.task("cancel", second);
            assertThat(cancelled2.stdout()).isEqualTo(second + " cancelled\n");
            Await.until("the second run cancelled from bin/task", () -> "cancelled".equals(status(http, second)));
            assertThat(installation.task("cancel", second).exitCode()).isEqualTo(1);

            Http.Response timedOut = http.postJson("/tasks/stubborn/run", "{\"seconds\": 30}");
            assertThat(timedOut.status()).as(timedOut.body()).isEqualTo(400);
            assertThat(timedOut.json().path("run_status").asText()).isEqualTo("timed_out");
            assertThat(timedOut.json().path("detail").asText()).contains("timeout of 1 s");
            Await.until("/health naming the stubborn run's thread", () -> http.get("/health").body()
                    .contains("ignores interruption"));
        }
    }

    @Test
    void aStopEndsRunsInProgressAsInterruptedWithinTheGraceEvenWhenATaskIgnoresInterruption() {
        Installation installation = withRunsPlugin("runs-stop");
        installation.environment.put("CASCADENCE_SHUTDOWN_GRACE", "2");
        String stubborn;
        String sleeping;
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            awaitTasks(http);
            stubborn = http.postJson("/tasks/stubborn/run-async", "{\"seconds\": 600}").json().path("run_id")
                    .asText();
            sleeping = http.postJson("/tasks/sleep/run-async", "{\"seconds\": 600}").json().path("run_id")
                    .asText();
            Await.until("both runs running", () -> "running".equals(status(http, stubborn))
                    && "running".equals(status(http, sleeping)));

            long before = System.nanoTime();
            container.terminate();
            assertThat(container.awaitExit(Duration.ofSeconds(30))).as("stopped in time; log:\n" + container.log())
                    .isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(30));
            assertThat(container.log()).contains("ended as interrupted");
        }
        try (ContainerProcess container = installation.start()) {
            for (String runId : List.of(stubborn, sleeping)) {
                JsonNode record = container.http.get("/runs/" + runId).json();
                assertThat(record.path("status").asText()).isEqualTo("interrupted");
                assertThat(record.path("error").asText()).isEqualTo("Cascadence stopped while the run was in "
                        + "progress");
                assertThat(record.path("finished_at").asText()).isNotEmpty();
            }
        }
    }

    @Test
    void runsThatEndWithinTheGraceOfAStopAreRecordedAsTheyEndedAndTheApiAnswersMeanwhile() throws Exception {
        Installation installation = withRunsPlugin("runs-grace");
        installation.environment.put("CASCADENCE_SHUTDOWN_GRACE", "20");
        String async;
        Http.Response sync;
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            awaitTasks(http);
            async = http.postJson("/tasks/sleep/run-async", "{\"seconds\": 3}").json().path("run_id").asText();
            CompletableFuture<Http.Response> waiting = CompletableFuture.supplyAsync(
                    () -> http.postJson("/tasks/sleep/run", "{\"seconds\": 2}"));
            Await.until("both runs running", () -> http.get("/runs?task=sleep&status=running").json().size() == 2);

            container.terminate();
            Await.until("new runs refused as Cascadence stops", () -> http.post("/tasks/greet/run").status() == 503);
            Http.Response refused = http.post("/tasks/greet/run");
            assertThat(refused.contentType()).startsWith("application/json");
            assertThat(refused.json().path("detail").asText()).contains("stopping");
            assertThat(http.get("/tasks").status()).as("the rest of the API answers during the grace")
                    .isEqualTo(200);
            sync = waiting.get(30, TimeUnit.SECONDS);
            assertThat(container.awaitExit(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(sync.status()).as(sync.body()).isEqualTo(200);
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            assertThat(http.get("/runs/" + async).json().path("status").asText()).isEqualTo("success");
            assertThat(http.get("/runs/" + sync.json().path("run_id").asText()).json().path("status").asText())
                    .isEqualTo("success");
        }
    }

    @Test
    void aCrashLeavesNoRunRunningAfterTheNextStart() {
        Installation installation = withRunsPlugin("runs-crash");
        String runId;
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            awaitTasks(http);
            runId = http.postJson("/tasks/sleep/run-async", "{\"seconds\": 600}").json().path("run_id").asText();
            Await.until("the run running", () -> "running".equals(status(http, runId)));
            container.kill();
        }
        try (ContainerProcess container = installation.start()) {
            JsonNode record = container.http.get("/runs/" + runId).json();
            assertThat(record.path("status").asText()).isEqualTo("interrupted");
            assertThat(record.path("error").asText()).contains("crash");
            assertThat(container.log()).contains("1 runs were left queued or running");
        }
    }

    @Test
    void aConfiguredBackendThatIsNotInstalledRefusesRunsNamingItUntilTheConfigurationNamesOneThatIs() {
        Installation installation = Installation.copy("runs-backend");
        Installation.writeAtomically(installation.config().resolve("io.cascadence.cfg"), "backend = cronyx\n");
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            Http.Response refused = http.post("/tasks/example/run");
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().path("detail").asText()).contains("'cronyx' is not available")
                    .contains("installed: base, cron, dag, temporal");
            Http.Response health = http.get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).contains("'cronyx' is configured but not installed");
            assertThat(http.get("/runs?task=example").json()).isEmpty();

            Installation.writeAtomically(installation.config().resolve("io.cascadence.cfg"), "backend = base\n");
            Await.until("runs accepted on the base backend", () -> http.post("/tasks/example/run").status() == 200);
            assertThat(http.get("/health").body()).doesNotContain("not installed");
        }
    }

    private static String status(Http http, String runId) {
        return http.get("/runs/" + runId).json().path("status").asText();
    }
}
