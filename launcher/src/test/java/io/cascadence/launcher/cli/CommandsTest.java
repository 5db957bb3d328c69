package io.cascadence.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The requests bin/task sends and what it prints of the answers, against a small local HTTP server. */
class CommandsTest {

    /** What the server received. */
    record Received(String method, String uri, Map<String, String> headers, String body) {
    }

    /** What the server answers for a method and path. */
    record Answer(int status, String json) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new ConcurrentHashMap<>();
        for (String name : List.of("X-User-ID", "X-Group-ID", "Content-Type")) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
        Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                new Answer(404, "{\"status\":404,\"detail\":\"Not found\"}"));
        byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void execute(String... args) {
        execute(false, args);
    }

    private void execute(boolean standalone, String... args) {
        RestClient rest = new RestClient("http://127.0.0.1:" + server.getAddress().getPort());
        new Commands(rest, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), standalone).execute(CommandLine.parse(args));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void identityOptionsAreSentAsHeadersWithEveryCommand() {
        answers.put("GET /tasks", new Answer(200, "[{\"name\":\"report\",\"disabled\":false}]"));
        answers.put("POST /tasks/report/disable", new Answer(200, "{\"status\":\"disabled\",\"name\":\"report\"}"));

        execute("list", "--user-id", "ada", "--group-id", "analysts");
        execute("disable", "report", "--group-id", "analysts");

        assertThat(received).extracting(Received::headers).containsExactly(
                Map.of("X-User-ID", "ada", "X-Group-ID", "analysts"), Map.of("X-Group-ID", "analysts"));
        assertThat(out()).isEqualTo("report\tenabled\nreport disabled\n");
    }

    @Test
    void runSendsTheInputAsAJsonBodyAndPrintsTheRunId() {
        answers.put("POST /tasks/weather/run", new Answer(200, "{\"run_id\":\"r-1\",\"result\":\"sunny\"}"));

        execute("run", "weather", "--input", "{\"city\": \"Lund\"}", "--user-id", "ada");

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.uri()).isEqualTo("/tasks/weather/run");
            assertThat(request.body()).isEqualTo("{\"city\": \"Lund\"}");
            assertThat(request.headers()).containsEntry("Content-Type", "application/json")
                    .containsEntry("X-User-ID", "ada");
        });
        assertThat(out()).isEqualTo("run-id\tr-1\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void runWithoutInputSendsNoBody() {
        answers.put("POST /tasks/weather/run", new Answer(200, "{\"run_id\":\"r-1\",\"result\":null}"));

        execute("run", "weather");

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.body()).isEmpty();
            assertThat(request.headers()).doesNotContainKey("Content-Type");
        });
    }

    @Test
    void aRunThatGoesOnIsPrintedAsUsualAndExplainedOnStderr() {
        answers.put("POST /tasks/slow/run", new Answer(202, "{\"run_id\":\"r-2\",\"status\":\"running\"}"));

        execute("run", "slow");

        assertThat(out()).isEqualTo("run-id\tr-2\n");
        assertThat(err()).isEqualTo("run r-2 goes on in the background; follow it with: task runs slow\n");
    }

    @Test
    void cancelPostsToTheRunAndSaysSo() {
        answers.put("POST /runs/r-3/cancel", new Answer(200, "{\"run_id\":\"r-3\",\"status\":\"cancelled\"}"));

        execute("cancel", "r-3");

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.uri()).isEqualTo("/runs/r-3/cancel");
        });
        assertThat(out()).isEqualTo("r-3 cancelled\n");
    }

    @Test
    void namesAndIdsAreEncodedAsPathSegmentsAndQueryValues() {
        answers.put("POST /tasks/my task/pause", new Answer(200, "{\"status\":\"paused\"}"));

        execute("pause", "my task", "--job-id", "a/b");

        assertThat(received).singleElement().extracting(Received::uri)
                .isEqualTo("/tasks/my%20task/pause?run_id=a%2Fb");
        assertThat(out()).isEqualTo("my task run a/b paused\n");
    }

    @Test
    void aRefusalIsTheContainersDetailAndNothingIsPrinted() {
        answers.put("POST /runs/done/cancel", new Answer(409, "{\"status\":409,\"detail\":\"Run done has ended\"}"));

        assertThatThrownBy(() -> execute("cancel", "done"))
                .isInstanceOf(RestClient.CommandFailedException.class).hasMessage("Run done has ended");
        assertThat(out()).isEmpty();
    }

    @Test
    void aRefusalWithoutADetailNamesTheStatusAndTheRequest() {
        answers.put("POST /runs/x/cancel", new Answer(405, ""));

        assertThatThrownBy(() -> execute("cancel", "x"))
                .isInstanceOf(RestClient.CommandFailedException.class)
                .hasMessageStartingWith("HTTP 405 from POST http://127.0.0.1:").hasMessageEndingWith("/runs/x/cancel");
    }

    @Test
    void configPrintsEveryKeyOfEveryPidWithItsSourceAndWhenItAppliesThenTheProblems() {
        answers.put("GET /config", new Answer(200, """
                {"yaml_file": null, "pids": [
                  {"pid": "io.cascadence", "file": "/c/config/io.cascadence.cfg", "entries": [
                    {"key": "backend", "value": "cron", "source": "cfg", "origin": "/c/config/io.cascadence.cfg",
                     "env": "CASCADENCE_SCHEDULER", "description": "d", "applies": "live"},
                    {"key": "runs_path", "value": "runs.json", "source": "default", "origin": null,
                     "env": "CASCADENCE_RUNS_PATH", "description": "d", "applies": "at start"}]},
                  {"pid": "io.cascadence.web", "file": null, "entries": [
                    {"key": "sync_wait", "value": "1", "source": "env", "origin": "CASCADENCE_SYNC_WAIT",
                     "env": "CASCADENCE_SYNC_WAIT", "description": "d", "applies": "live"}]}],
                 "problems": ["/c/config/io.cascadence.config is a second file for PID io.cascadence"]}
                """));

        execute("config");

        assertThat(out()).isEqualTo("""
                io.cascadence\tbackend\tcron\tcfg (/c/config/io.cascadence.cfg)\tlive
                io.cascadence\truns_path\truns.json\tdefault\tat start
                io.cascadence.web\tsync_wait\t1\tenv (CASCADENCE_SYNC_WAIT)\tlive
                problem\t/c/config/io.cascadence.config is a second file for PID io.cascadence
                """);
    }

    @Test
    void withoutAContainerToKeepItGoingRunWaitsForALongRunToEnd() {
        answers.put("POST /tasks/weather/run", new Answer(202, "{\"run_id\":\"r-9\",\"status\":\"running\"}"));
        answers.put("GET /runs/r-9", new Answer(200, "{\"run_id\":\"r-9\",\"status\":\"success\"}"));

        execute(true, "run", "weather");

        assertThat(out()).isEqualTo("run-id\tr-9\n");
        assertThat(err()).contains("waiting for it");
        assertThat(received).extracting(Received::uri).containsExactly("/tasks/weather/run", "/runs/r-9");
    }

    @Test
    void withoutAContainerARunThatEndsBadlyWhileWaitedForFailsTheCommand() {
        answers.put("POST /tasks/weather/run", new Answer(202, "{\"run_id\":\"r-9\",\"status\":\"queued\"}"));
        answers.put("GET /runs/r-9", new Answer(200, "{\"run_id\":\"r-9\",\"status\":\"timed_out\","
                + "\"failed_stage\":\"run\",\"error\":\"took too long\"}"));

        assertThatThrownBy(() -> execute(true, "run", "weather")).isInstanceOf(RestClient.CommandFailedException.class)
                .hasMessage("run r-9 ended as timed_out at run: took too long");
    }

    @Test
    void aRunThatFailedPrintsItsRunIdBeforeTheError() {
        answers.put("POST /tasks/weather/run", new Answer(400, "{\"status\":400,\"detail\":\"no sun\","
                + "\"run_id\":\"r-3\",\"stage\":\"run\",\"run_status\":\"error\"}"));

        assertThatThrownBy(() -> execute("run", "weather")).hasMessage("no sun");
        assertThat(out()).isEqualTo("run-id\tr-3\n");
    }

    @Test
    void scheduleSendsTheExpressionAndOptionsForTheCallerAndPrintsTheOriginalsLineThenTheNextFire() {
        answers.put("POST /tasks/report/schedule", new Answer(200, "{\"status\":\"scheduled\","
                + "\"expression\":\"0 9 * * MON-FRI\",\"task\":\"report\",\"state\":\"active\","
                + "\"next_fire_at\":\"2026-03-03T08:00:00Z\"}"));

        execute("schedule", "report", "0 9 * * mon-fri", "--timezone", "Europe/Paris", "--misfire", "skip",
                "--overlap", "queue_one", "--user-id", "ada");

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.uri()).isEqualTo("/tasks/report/schedule?expression=0%209%20*%20*%20mon-fri"
                    + "&timezone=Europe%2FParis&misfire=skip&overlap=queue_one");
            assertThat(request.headers()).containsEntry("X-User-ID", "ada");
        });
        assertThat(out()).isEqualTo("report scheduled: 0 9 * * MON-FRI\nnext fire: 2026-03-03T08:00:00Z\n");
    }

    @Test
    void aScheduleThatDoesNotFireNowSaysWhyInsteadOfATime() {
        answers.put("POST /tasks/report/schedule", new Answer(200, "{\"status\":\"scheduled\","
                + "\"expression\":\"@daily\",\"state\":\"not_run_by_backend\",\"next_fire_at\":null}"));

        execute("schedule", "report", "@daily");

        assertThat(received.get(0).uri()).isEqualTo("/tasks/report/schedule?expression=%40daily");
        assertThat(out()).isEqualTo("report scheduled: @daily\nnext fire: - (not_run_by_backend)\n");
    }

    @Test
    void aRefusedScheduleIsTheContainersDetail() {
        answers.put("POST /tasks/report/schedule",
                new Answer(400, "{\"status\":400,\"detail\":\"minute field '61' is not valid\"}"));

        assertThatThrownBy(() -> execute("schedule", "report", "61 * * * *"))
                .isInstanceOf(RestClient.CommandFailedException.class).hasMessage("minute field '61' is not valid");
        assertThat(out()).isEmpty();
    }

    @Test
    void unscheduleSendsDeleteAndPrintsTheOriginalsLine() {
        answers.put("DELETE /tasks/report/schedule", new Answer(200, "{\"status\":\"unscheduled\"}"));

        execute("unschedule", "report");

        assertThat(received).extracting(Received::method, Received::uri)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DELETE", "/tasks/report/schedule"));
        assertThat(out()).isEqualTo("report unscheduled\n");
        assertThatThrownBy(() -> execute("unschedule", "other")).hasMessage("Not found");
    }

    @Test
    void schedulesPrintsTheOriginalsTwoColumnsThenTheNextFireAndAnOwnZone() {
        answers.put("GET /schedules", new Answer(200, "[{\"task\":\"backup\",\"expression\":\"@daily\","
                + "\"timezone\":\"UTC\",\"timezone_source\":\"scheduler\",\"next_fire_at\":\"2026-03-03T00:00:00Z\"},"
                + "{\"task\":\"digest\",\"expression\":\"0 7 * * *\",\"timezone\":\"UTC\","
                + "\"timezone_source\":\"scheduler\",\"next_fire_at\":null},"
                + "{\"task\":\"report\",\"expression\":\"0 9 * * MON-FRI\",\"timezone\":\"Europe/Paris\","
                + "\"timezone_source\":\"schedule\",\"next_fire_at\":\"2026-03-03T08:00:00Z\"}]"));

        execute("schedules");

        assertThat(out()).isEqualTo("backup\t@daily\t2026-03-03T00:00:00Z\n"
                + "digest\t0 7 * * *\t-\n"
                + "report\t0 9 * * MON-FRI\t2026-03-03T08:00:00Z\tEurope/Paris\n");
    }

    @Test
    void triggerAsksForAManualRunAndPrintsTheOriginalsLine() {
        answers.put("POST /tasks/demo/trigger", new Answer(200, "{\"run_id\":\"r-7\",\"result\":\"done\"}"));

        execute("trigger", "demo", "--user-id", "ada");

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.uri()).isEqualTo("/tasks/demo/trigger");
            assertThat(request.headers()).containsEntry("X-User-ID", "ada");
        });
        assertThat(out()).isEqualTo("run id: r-7\n");
    }

    @Test
    void triggerOfATaskThatIsNotManualFailsWithTheContainersWords() {
        answers.put("POST /tasks/report/trigger",
                new Answer(400, "{\"status\":400,\"detail\":\"'report' is not a manual task\"}"));

        assertThatThrownBy(() -> execute("trigger", "report")).isInstanceOf(RestClient.CommandFailedException.class)
                .hasMessage("'report' is not a manual task");
        assertThat(out()).isEmpty();
    }

    @Test
    void exportN8nAsksForTheWorkflowCallingTheContainerAndWritesItToTheFile(@TempDir Path dir) throws IOException {
        answers.put("GET /export/n8n", new Answer(200, "{\"name\":\"Cascadence Export\",\"nodes\":[]}"));
        Path file = dir.resolve("flow.json");
        Files.writeString(file, "old");

        execute("export-n8n", file.toString(), "--user-id", "ada");
        execute("export-n8n", file.toString(), "--base-url", "https://cascadence.example.com/api");

        String port = String.valueOf(server.getAddress().getPort());
        assertThat(received).extracting(Received::uri).containsExactly(
                "/export/n8n?base_url=http%3A%2F%2F127.0.0.1%3A" + port,
                "/export/n8n?base_url=https%3A%2F%2Fcascadence.example.com%2Fapi");
        assertThat(Files.readString(file)).isEqualTo("{\n  \"name\" : \"Cascadence Export\",\n  \"nodes\" : [ ]\n}\n");
        assertThat(out()).isEqualTo("workflow written to " + file + "\nworkflow written to " + file
                + "\n");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void exportN8nToAFolderThatDoesNotExistFailsNamingIt(@TempDir Path dir) {
        answers.put("GET /export/n8n", new Answer(200, "{\"nodes\":[]}"));
        Path file = dir.resolve("missing").resolve("flow.json");

        assertThatThrownBy(() -> execute("export-n8n", file.toString()))
                .isInstanceOf(RestClient.CommandFailedException.class)
                .hasMessage("cannot write " + file + ": the folder " + file.getParent() + " does not exist");
        assertThatThrownBy(() -> execute("export-n8n", "flow.json", "--base-url", "localhost:8000"))
                .isInstanceOf(RestClient.CommandFailedException.class)
                .hasMessageStartingWith("--base-url 'localhost:8000' is not accepted");
        assertThat(received).hasSize(1);
        assertThat(out()).isEmpty();
    }

    @Test
    void pointerAddSendsTheUserItNamesAndTheRunId() {
        answers.put("POST /pointers/family_pointer", new Answer(200, "{\"status\":\"added\"}"));

        execute("pointer-add", "family_pointer", "ada", "run 42", "--group-id", "home");

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.uri()).isEqualTo("/pointers/family_pointer?run_id=run%2042");
            assertThat(request.headers()).isEqualTo(Map.of("X-User-ID", "ada", "X-Group-ID", "home"));
        });
        assertThat(out()).isEqualTo("pointer added\n");
    }

    @Test
    void pointerListPrintsRunIdAndUserHashLinesForTheUser() {
        answers.put("GET /pointers/family_pointer", new Answer(200, "[{\"run_id\":\"r1\",\"user_hash\":\"h1\","
                + "\"group_hash\":null},{\"run_id\":\"r2\",\"user_hash\":\"h1\",\"group_hash\":null}]"));

        execute("pointer-list", "family_pointer", "--user-id", "ada");

        assertThat(received).singleElement().extracting(Received::headers).isEqualTo(Map.of("X-User-ID", "ada"));
        assertThat(out()).isEqualTo("r1\th1\nr2\th1\n");
    }

    @Test
    void pointerListWithoutAUserSaysSoAndSendsNothing() {
        assertThatThrownBy(() -> execute("pointer-list", "family_pointer"))
                .isInstanceOf(RestClient.CommandFailedException.class).hasMessageContaining("needs --user-id");
        assertThat(received).isEmpty();
    }

    @Test
    void pointerReceiveStoresThePointerAsGiven() {
        answers.put("POST /pointers/family_pointer/receive", new Answer(200, "{\"status\":\"stored\"}"));

        execute("pointer-receive", "family_pointer", "r9", "abc123", "--group-id", "home");

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.uri()).isEqualTo("/pointers/family_pointer/receive?run_id=r9&user_hash=abc123");
            assertThat(request.headers()).isEqualTo(Map.of("X-Group-ID", "home"));
        });
        assertThat(out()).isEqualTo("pointer stored\n");
    }

    @Test
    void watchPluginsAddsTheFolderUntilStoppedThenRemovesIt() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("watched");
        String path = dir.toAbsolutePath().normalize().toString();
        answers.put("POST /plugins/folders", new Answer(200, "{\"status\":\"watching\",\"path\":\"x\","
                + "\"added\":true}"));
        answers.put("DELETE /plugins/folders", new Answer(200, "{\"status\":\"unwatched\",\"path\":\"x\"}"));
        StopSignal stop = new StopSignal(false);
        stop.stop(); // as if Ctrl+C came at once

        RestClient rest = new RestClient("http://127.0.0.1:" + server.getAddress().getPort());
        new Commands(rest, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).untilStopped(stop)
                .execute(CommandLine.parse(new String[] {"watch-plugins", path}));

        String query = "?path=" + RestClient.segment(path);
        assertThat(received).extracting(r -> r.method() + " " + r.uri())
                .containsExactly("POST /plugins/folders" + query, "DELETE /plugins/folders" + query);
        assertThat(out()).isEqualTo("watching " + path + "... press Ctrl+C to stop\n");
    }

    @Test
    void watchPluginsLeavesAFolderThatWasWatchedBefore() throws Exception {
        String path = java.nio.file.Files.createTempDirectory("watched").toAbsolutePath().normalize().toString();
        answers.put("POST /plugins/folders", new Answer(200, "{\"status\":\"watching\",\"path\":\"x\","
                + "\"added\":false}"));
        StopSignal stop = new StopSignal(false);
        stop.stop();

        RestClient rest = new RestClient("http://127.0.0.1:" + server.getAddress().getPort());
        new Commands(rest, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).untilStopped(stop)
                .execute(CommandLine.parse(new String[] {"watch-plugins", path}));

        assertThat(received).extracting(Received::method).containsExactly("POST");
        assertThat(err()).contains("was watched before this command and stays watched");
    }

    @Test
    void watchPluginsEndsWithAnErrorWhenTheContainerNoLongerWatchesTheFolder() throws Exception {
        String path = java.nio.file.Files.createTempDirectory("watched").toAbsolutePath().normalize().toString();
        answers.put("POST /plugins/folders", new Answer(200, "{\"status\":\"watching\",\"path\":\"x\","
                + "\"added\":true}"));
        answers.put("GET /plugins/folders", new Answer(200, "[\"/elsewhere/plugins\"]"));

        RestClient rest = new RestClient("http://127.0.0.1:" + server.getAddress().getPort());
        StopSignal stop = new StopSignal(false);
        Commands commands = new Commands(rest, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).untilStopped(stop);

        try {
            assertThatThrownBy(() -> commands.execute(CommandLine.parse(new String[] {"watch-plugins", path})))
                    .isInstanceOf(RestClient.CommandFailedException.class)
                    .hasMessage(path + " is no longer watched: the container stopped or it was unwatched there");
        } finally {
            stop.finished(1); // as TaskCli does: lets go of the shutdown hook
        }
        assertThat(received).extracting(Received::method).containsExactly("POST", "GET");
    }

    @Test
    void aiIdeaSendsTheTextAsJsonWithTheIdentityAndPrintsTheOriginalsLine() {
        answers.put("POST /ideas", new Answer(200, "{\"status\":\"sent\"}"));

        execute("ai-idea", "bake \"bread\" on Sundays", "--user-id", "ada", "--group-id", "family");

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.body()).isEqualTo("{\"text\":\"bake \\\"bread\\\" on Sundays\"}");
            assertThat(request.headers()).containsEntry("X-User-ID", "ada").containsEntry("X-Group-ID", "family")
                    .containsEntry("Content-Type", "application/json");
        });
        assertThat(out()).isEqualTo("idea sent\n");
    }
}
