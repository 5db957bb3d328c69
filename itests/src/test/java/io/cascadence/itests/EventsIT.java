package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a dashboard sees: the live event stream of a run as it happens, and the task list's summary of it
 * afterwards.
 */
class EventsIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> PIPELINE = List.of("intake", "research", "plan", "precheck", "run", "verify");

    /** One message of the stream: its type, its id (or null) and its data. */
    record Message(String event, String id, JsonNode data) {
    }

    @Test
    void aRunOfTheExampleStreamsItsStagesInOrderThenItsEndAndShowsAsTheTasksLastRun() throws Exception {
        Installation installation = Installation.copy("events-example");
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            Await.until("the example task", () -> http.get("/tasks").body().contains("\"example\""));
            assertThat(http.get("/events?types=stage,bogus").json().path("detail").asText())
                    .isEqualTo("types has 'bogus'; expected a comma-separated list of stage, audit, run, spec, note, "
                            + "pointer, idea");

            HttpClient client = HttpClient.newHttpClient();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            HttpResponse<Stream<String>> stream = client.send(HttpRequest.newBuilder(
                    URI.create(installation.baseUrl() + "/events?types=stage,run")).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> stream.body().forEach(lines::add));
            try {
                assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("retry: 2000");
                Message hello = next(lines);
                assertThat(hello.event()).isEqualTo("hello");
                assertThat(hello.data().path("time").asText()).endsWith("Z");

                Http.Response ran = http.post("/tasks/example/run");
                assertThat(ran.status()).as(ran.body()).isEqualTo(200);
                String runId = ran.json().path("run_id").asText();

                List<String> stages = new ArrayList<>();
                List<Long> ids = new ArrayList<>();
                Message end = null;
                while (end == null) {
                    Message message = next(lines);
                    assertThat(message.data().path("run_id").asText()).isEqualTo(runId);
                    assertThat(message.data().path("task").asText()).isEqualTo("example");
                    ids.add(Long.parseLong(message.id()));
                    if (message.event().equals("stage")) {
                        stages.add(message.data().path("stage").asText());
                    } else {
                        assertThat(message.event()).isEqualTo("run");
                        end = message;
                    }
                }
                assertThat(ids).isSorted().doesNotHaveDuplicates();
                assertThat(stages).contains("run").isSubsetOf(PIPELINE);
                assertThat(stages).isSortedAccordingTo((a, b) -> PIPELINE.indexOf(a) - PIPELINE.indexOf(b));
                assertThat(end.data().path("status").asText()).isEqualTo("success");
                assertThat(end.data().path("finished_at").asText()).isEqualTo(end.data().path("time").asText());
                JsonNode record = http.get("/runs/" + runId).json();
                List<String> recorded = new ArrayList<>();
                record.path("stages").forEach(s -> recorded.add(s.path("stage").asText()));
                assertThat(stages).as("the stages the run's record lists").isEqualTo(recorded);

                JsonNode example = find(http.get("/tasks").json(), "example");
                assertThat(example.path("async").asBoolean(true)).isFalse();
                assertThat(example.path("running").asInt(-1)).isZero();
                assertThat(example.path("pointers").asInt(-1)).isZero();
                JsonNode last = example.path("last_run");
                assertThat(last.path("run_id").asText()).isEqualTo(runId);
                assertThat(last.path("status").asText()).isEqualTo("success");
                assertThat(last.path("trigger").asText()).isEqualTo("api");
                JsonNode lastStage = record.path("stages").get(recorded.size() - 1);
                assertThat(last.path("stage").asText()).isEqualTo(lastStage.path("stage").asText());
                assertThat(last.path("stage_status").asText()).isEqualTo(lastStage.path("status").asText());
                assertThat(last.path("stage_at").asText()).isEqualTo(lastStage.path("finished_at").asText());
                assertThat(http.get("/tasks/example").json()).isEqualTo(example);
                assertThat(http.get("/tasks/nope").json().path("detail").asText()).isEqualTo("Unknown task: nope");
            } finally {
                reader.cancel(true);
                stream.body().close();
            }
        }
    }

    /** The next message of the stream, skipping keep-alive comments. */
    private static Message next(BlockingQueue<String> lines) throws Exception {
        String event = null;
        String id = null;
        String data = null;
        while (true) {
            String line = lines.poll(20, TimeUnit.SECONDS);
            assertThat(line).as("a line of the event stream within 20 s").isNotNull();
            if (line.isEmpty()) {
                if (event != null) {
                    return new Message(event, id, MAPPER.readTree(data));
                }
            } else if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("data: ")) {
                assertThat(data).as("one data line per message").isNull();
                data = line.substring(6);
            }
        }
    }

    private static JsonNode find(JsonNode tasks, String name) {
        for (JsonNode task : tasks) {
            if (task.path("name").asText().equals(name)) {
                return task;
            }
        }
        throw new AssertionError("no task " + name + " in " + tasks);
    }
}
