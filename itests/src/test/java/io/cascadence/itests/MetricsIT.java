package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prometheus metrics as a scraper and an operator see them: {@code /metrics} on the HTTP port and on the second
 * port, counted from real runs of the runs example's tasks, checked by {@code promtool}, and {@code --metrics-port}
 * of {@code bin/task}. One container serves the whole class; a second installation is used where none may run.
 */
class MetricsIT {

    private static final Path RUNS = Path.of(System.getProperty("runs.jar"));
    private static final List<String> ORIGINAL_BUCKETS = List.of("0.005", "0.01", "0.025", "0.05", "0.075", "0.1",
            "0.25", "0.5", "0.75", "1.0", "2.5", "5.0", "7.5", "10.0", "+Inf");

    private static Installation installation;
    private static ContainerProcess container;
    /** Held by the test, so that the container finds the metrics_port it was given in use. */
    private static ServerSocket taken;

    @BeforeAll
    static void start() throws IOException {
        installation = Installation.copy("metrics");
        Installation.dropInto(RUNS, installation.plugins().resolve("runs.jar"));
        taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Installation.writeAtomically(installation.config().resolve("io.cascadence.metrics.cfg"),
                "metrics_port = " + taken.getLocalPort() + "\n");
        container = installation.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (container != null) {
            container.close();
        }
        taken.close();
    }

    @Test
    void runsAreCountedByRegisteredNameWithTheOriginalsBucketsAndPromtoolAcceptsTheOutput() {
        Http http = container.http;
        assertThat(http.post("/tasks?path=io.cascadence.examples.runs:io.cascadence.examples.runs.GreetTask"
                + "&name=greet.v2-beta_1").status()).isEqualTo(200);
        assertThat(http.postJson("/tasks/greet/run", "{\"name\":\"Ada\"}").status()).isEqualTo(200);
        assertThat(http.postJson("/tasks/greet/run", "42").status()).isEqualTo(400); // fails in its intake
        assertThat(http.post("/tasks/greet.v2-beta_1/run").status()).isEqualTo(200);
        String sleeping = http.postJson("/tasks/sleep/run-async", "{\"seconds\":600}").json().path("run_id")
                .asText();
        awaitSample("cascadence_runs_in_flight", 1);
        assertThat(http.post("/runs/" + sleeping + "/cancel").status()).isEqualTo(200);

        awaitSample("task_failure_total{task_name=\"sleep\",}", 1);
        awaitSample("task_latency_seconds_count{task_name=\"greet\",}", 2);
        awaitSample("task_success_total{task_name=\"greet.v2-beta_1\",}", 1);
        Http.Response scrape = http.get("/metrics");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        String text = scrape.body();
        assertThat(sample(text, "task_success_total{task_name=\"greet\",}")).hasValue(1);
        assertThat(sample(text, "task_failure_total{task_name=\"greet\",}")).hasValue(1);
        assertThat(sample(text, "cascadence_task_runs_total{task_name=\"greet\",status=\"error\",}")).hasValue(1);
        assertThat(sample(text, "cascadence_task_runs_total{task_name=\"sleep\",status=\"cancelled\",}"))
                .hasValue(1);
        assertThat(sample(text, "task_success_total{task_name=\"sleep\",}")).isEmpty();
        assertThat(text.lines().filter(l -> l.startsWith("task_latency_seconds_bucket{task_name=\"greet\","))
                .map(l -> l.replaceAll(".*le=\"([^\"]+)\".*", "$1"))).containsExactlyElementsOf(ORIGINAL_BUCKETS);
        assertThat(sample(text, "task_latency_seconds_bucket{task_name=\"greet\",le=\"+Inf\",}")).hasValue(2);
        assertThat(sample(text, "cascadence_stage_latency_seconds_count{task_name=\"greet\",stage=\"run\",}"))
                .hasValue(1);
        assertThat(sample(text, "cascadence_stage_latency_seconds_count{task_name=\"greet\",stage=\"intake\",}"))
                .hasValue(2);
        assertThat(sample(text, "cascadence_runs_in_flight")).hasValue(0);
        assertThat(sample(text, "cascadence_runs_queued")).hasValue(0);
        assertThat(text).contains("cascadence_events_dropped_total{listener=\"io.cascadence.metrics-")
                .contains("jvm_memory_bytes_used{area=\"heap\",}").contains("process_cpu_seconds_total ")
                .doesNotContain("task_name=\"greet/").doesNotContain("_created");

        promtoolAccepts(text);
    }

    @Test
    void metricsAnswerLikeEveryOtherRouteToWhatIsNotAScrape() {
        Http.Response post = container.http.post("/metrics");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.json().path("detail").asText())
                .isEqualTo("Method POST is not allowed on /metrics; it accepts GET, HEAD, OPTIONS");
        assertThat(container.http.get("/metrics/x").json().path("status").asInt()).isEqualTo(404);
        assertThat(container.http.get("/metrics?name=%00").status()).isEqualTo(400);
    }

    @Test
    void aMetricsPortInUseIsAHealthWarningAndAFreeOneServesOnceTheCfgSaysSo() {
        int port = taken.getLocalPort();
        assertThat(container.http.get("/health").json().path("warnings").toString())
                .contains("metrics_port " + port + ": cannot serve /metrics on 127.0.0.1:" + port);

        int free = Installation.freePort();
        Installation.writeAtomically(installation.config().resolve("io.cascadence.metrics.cfg"),
                "metrics_port = " + free + "\n");

        Http second = new Http("http://127.0.0.1:" + free);
        Await.until("GET /metrics on metrics_port " + free, () -> second.get("/metrics").status() == 200);
        String text = second.get("/metrics").body();
        assertThat(text).contains("# TYPE task_latency_seconds histogram").contains("cascadence_runs_in_flight ");
        promtoolAccepts(text);
        assertThat(second.get("/tasks").status()).isEqualTo(404);
        assertThat(container.http.get("/health").json().path("warnings").toString()).doesNotContain("metrics_port");
    }

    @Test
    void binTaskWithAMetricsPortSaysWhereTheRunningContainerServesItsMetrics() {
        Installation.CommandResult list = installation.task("--metrics-port", "1", "list");

        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(list.stdout()).contains("example\tenabled");
        assertThat(list.stderr()).contains("note: --metrics-port 1 is not used: the running Cascadence (pid ")
                .contains("serves its metrics at " + installation.baseUrl() + "/metrics");

        Installation.CommandResult bad = installation.task("--metrics-port", "99999", "list");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr()).contains("error: Invalid value for '--metrics-port': '99999' is not a port number");
        Installation.CommandResult badStart = installation.run("bin/cascadence", "--metrics-port", "x");
        assertThat(badStart.exitCode()).isEqualTo(2);
        assertThat(badStart.stderr()).startsWith("Usage: cascadence [--metrics-port PORT]");
    }

    @Test
    void aCommandWithoutAContainerServesMetricsOnItsPortWhileItRuns() throws Exception {
        Installation alone = Installation.copy("metrics-cli");
        Installation.dropInto(RUNS, alone.plugins().resolve("runs.jar"));
        int port = Installation.freePort();
        Process command = startTask(alone, "--metrics-port", Integer.toString(port), "run", "sleep", "--input",
                "{\"seconds\":600}");
        try {
            Http metrics = new Http("http://127.0.0.1:" + port);
            Await.until(Await.CHANGE.multipliedBy(3), () -> "the command's metrics show its run in flight",
                    () -> sample(metrics.get("/metrics").body(), "cascadence_runs_in_flight").orElse(0) == 1);

            Installation.CommandResult runs = alone.task("runs", "sleep");
            assertThat(runs.exitCode()).as(runs.stderr()).isZero();
            String runId = runs.stdout().lines().findFirst().orElseThrow().split("\t")[0];
            assertThat(alone.task("cancel", runId).exitCode()).isZero();

            assertThat(command.waitFor(60, TimeUnit.SECONDS)).as("the command ends with its run").isTrue();
            assertThat(command.exitValue()).isEqualTo(1);
            assertThat(metrics.get("/metrics").status()).as("no metrics once the command is done").isZero();
        } finally {
            command.destroyForcibly();
        }
    }

    /** Starts {@code bin/task ARGS} without waiting for it. */
    private static Process startTask(Installation where, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(where.home.resolve("bin/task").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(where.home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true)
                .redirectOutput(Installation.tempFile("task-metrics", ".txt").toFile());
        builder.environment().putAll(where.environment);
        return builder.start();
    }

    private static void awaitSample(String name, double value) {
        Await.until(Await.CHANGE, () -> name + " = " + value + " in\n" + container.http.get("/metrics").body(),
                () -> sample(container.http.get("/metrics").body(), name).orElse(Double.NaN) == value);
    }

    /** The value of the sample line that starts with {@code name} and a space. */
    private static OptionalDouble sample(String text, String name) {
        return text.lines().filter(l -> l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(name.length() + 1).strip())).findFirst();
    }

    /** {@code promtool check metrics} (Debian package prometheus) reads the text on stdin; exit 0 means valid. */
    private static void promtoolAccepts(String text) {
        Path input = Installation.tempFile("metrics", ".txt");
        try {
            Files.writeString(input, text);
            Path output = Installation.tempFile("promtool", ".txt");
            Process promtool;
            try {
                promtool = new ProcessBuilder("promtool", "check", "metrics").redirectInput(input.toFile())
                        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            } catch (IOException e) {
                fail("promtool is missing (" + e.getMessage() + "): install the Debian package prometheus, "
                        + "apt-get install prometheus, which ships /usr/bin/promtool");
                return;
            }
            assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
            assertThat(promtool.exitValue()).as("promtool check metrics:\n" + Files.readString(output)).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
