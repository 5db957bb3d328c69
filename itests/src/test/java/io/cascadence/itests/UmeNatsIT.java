package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cascadence.ume.proto.AuditEvent;
import io.cascadence.ume.proto.IdeaSeed;
import io.cascadence.ume.proto.PointerUpdate;
import io.cascadence.ume.proto.StageUpdate;
import io.cascadence.ume.proto.TaskRun;

/**
 * Events as a consumer on the machine's NATS server (nats://127.0.0.1:4222) sees them: every stage of a run, its
 * audit events and its end, pointers and ideas, decoded with the generated classes, in order, with hashes and
 * never the raw ids; and the transport as an operator sees and changes it ({@code /health}, {@code /metrics}, a
 * cfg edit that moves events to another subject, a bad setting that changes nothing else).
 */
class UmeNatsIT {

    private static final String NATS = "nats://127.0.0.1:4222";
    private static final Path PIPELINE = Path.of(System.getProperty("pipeline.jar"));
    private static final String SUBJECT = "itest.ume." + UUID.randomUUID();

    private static Installation installation;
    private static ContainerProcess container;

    @BeforeAll
    static void start() {
        installation = Installation.copy("ume-nats");
        Installation.dropInto(PIPELINE, installation.plugins().resolve("pipeline.jar"));
        writeTransport(SUBJECT);
        container = installation.start();
        Await.until("the NATS transport connected", () -> transport().contains("\"state\":\"connected\""));
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            container.close();
        }
    }

    private static void writeTransport(String subject) {
        Installation.writeAtomically(installation.config().resolve("io.cascadence.transport.cfg"),
                "ume_transport = nats\nume_nats_conn = " + NATS + "\nume_nats_subject = " + subject + "\n");
    }

    private static String transport() {
        return container.http.get("/health").json().path("transports").toString();
    }

    @Test
    void everyEventOfARunArrivesInOrderDecodesWithTheGeneratedClassesAndCarriesOnlyHashes() throws Exception {
        try (NatsTap tap = NatsTap.on(NATS, SUBJECT)) {
            Http.Response run = container.http.post("/tasks/example/run",
                    Map.of("X-User-ID", "alice-raw-id", "X-Group-ID", "family-raw-group"));
            assertThat(run.status()).isEqualTo(200);
            String runId = run.json().path("run_id").asText();

            Await.until("the run's TaskRun on " + SUBJECT, () -> tap.all().stream()
                    .anyMatch(m -> m.shortType().equals("TaskRun")));
            List<NatsTap.Received> mine = tap.all();
            assertThat(mine).extracting(NatsTap.Received::seq).isSorted().doesNotHaveDuplicates();
            assertThat(mine).allSatisfy(m -> {
                assertThat(m.type()).startsWith("task_cascadence.ume.protos.");
                assertThat(m.id()).isNotEmpty();
                assertThat(new String(m.body(), StandardCharsets.ISO_8859_1)).doesNotContain("alice-raw-id")
                        .doesNotContain("family-raw-group");
            });

            List<String> stages = mine.stream().filter(m -> m.shortType().equals("StageUpdate"))
                    .map(m -> parse(() -> StageUpdate.parseFrom(m.body()))).filter(s -> s.getRunId().equals(runId))
                    .map(StageUpdate::getStage).toList();
            assertThat(stages).containsSubsequence("intake", "run");
            StageUpdate first = StageUpdate.parseFrom(mine.stream().filter(m -> m.shortType().equals("StageUpdate"))
                    .findFirst().orElseThrow().body());
            assertThat(first.getTaskName()).isEqualTo("example");
            assertThat(first.getUserHash()).hasSize(64);
            assertThat(first.getGroupHash()).hasSize(64);
            assertThat(first.getUserId()).isEmpty();
            assertThat(first.hasGroupId()).isFalse();

            assertThat(mine.stream().filter(m -> m.shortType().equals("AuditEvent"))
                    .map(m -> parse(() -> AuditEvent.parseFrom(m.body()))).filter(a -> a.getRunId().equals(runId))
                    .map(AuditEvent::getStatus)).contains("success");
            TaskRun ended = TaskRun.parseFrom(mine.stream().filter(m -> m.shortType().equals("TaskRun"))
                    .reduce((a, b) -> b).orElseThrow().body());
            assertThat(ended.getRunId()).isEqualTo(runId);
            assertThat(ended.getStatus()).isEqualTo("success");
            assertThat(ended.getSpec().getName()).isEqualTo("example");
            assertThat(ended.hasFinishedAt()).isTrue();
        }
    }

    @Test
    void ideasFromTheCommandLineAndPointersFromTheApiTravelTheSameWay() throws Exception {
        try (NatsTap tap = NatsTap.on(NATS, SUBJECT)) {
            Installation.CommandResult idea = installation.task("ai-idea", "sync the family calendar",
                    "--user-id", "alice-raw-id");
            assertThat(idea.exitCode()).as(idea.stderr()).isZero();
            Await.until("family_pointer", () -> container.http.get("/tasks").body().contains("family_pointer"));
            assertThat(container.http.post("/pointers/family_pointer?run_id=run-77",
                    Map.of("X-User-ID", "alice-raw-id")).status()).isEqualTo(200);

            Await.until("the IdeaSeed and the PointerUpdate", () -> tap.all().stream()
                    .anyMatch(m -> m.shortType().equals("PointerUpdate")) && tap.all().stream()
                    .anyMatch(m -> m.shortType().equals("IdeaSeed")));
            IdeaSeed seed = IdeaSeed.parseFrom(tap.matching(m -> m.shortType().equals("IdeaSeed")).get(0).body());
            assertThat(seed.getText()).isEqualTo("sync the family calendar");
            assertThat(seed.getUserHash()).hasSize(64);
            assertThat(seed.getUserId()).isEmpty();
            PointerUpdate pointer = PointerUpdate.parseFrom(
                    tap.matching(m -> m.shortType().equals("PointerUpdate")).get(0).body());
            assertThat(pointer.getTaskName()).isEqualTo("family_pointer");
            assertThat(pointer.getRunId()).isEqualTo("run-77");
            assertThat(pointer.getUserHash()).isEqualTo(seed.getUserHash());
        }
    }

    @Test
    void healthAndMetricsShowTheTransport() {
        assertThat(container.http.post("/tasks/example/run").status()).isEqualTo(200);
        Await.until("a delivered event", () -> container.http.get("/health").json().path("transports")
                .path("nats").path("delivered").asLong() > 0);
        var nats = container.http.get("/health").json().path("transports").path("nats");
        assertThat(nats.path("state").asText()).isEqualTo("connected");
        assertThat(nats.path("target").asText()).contains(NATS).contains(SUBJECT);
        assertThat(nats.path("capacity").asInt()).isEqualTo(10_000);
        assertThat(nats.path("dropped").asLong()).isZero();
        String metrics = container.http.get("/metrics").body();
        assertThat(metrics).contains("cascadence_ume_connected{transport=\"nats\",} 1.0")
                .contains("cascadence_ume_dropped_total{transport=\"nats\",} 0.0")
                .contains("cascadence_ume_backlog{transport=\"nats\",}");
    }

    @Test
    void aCfgEditMovesEventsToAnotherSubjectAndABadSettingChangesNothingElse() {
        String other = "itest.ume.other." + UUID.randomUUID();
        try (NatsTap tap = NatsTap.on(NATS, other)) {
            writeTransport(other);
            Await.until("the transport on " + other, () -> transport().contains(other)
                    && transport().contains("\"state\":\"connected\""));
            assertThat(container.http.post("/tasks/example/run").status()).isEqualTo(200);
            Await.until("events on " + other, () -> tap.all().stream()
                    .anyMatch(m -> m.shortType().equals("TaskRun")));

            Installation.writeAtomically(installation.config().resolve("io.cascadence.transport.cfg"),
                    "ume_transport = carrier-pigeon\nume_nats_subject = " + other + "\n");
            Await.until("the bad setting reported", () -> container.http.get("/health").json().path("warnings")
                    .toString().contains("carrier-pigeon"));
            assertThat(container.http.get("/health").json().path("warnings").toString()).contains("ume_transport");
            int before = tap.matching(m -> m.shortType().equals("TaskRun")).size();
            assertThat(container.http.post("/tasks/example/run").status()).isEqualTo(200);
            Await.until("events still on " + other, () -> tap.matching(m -> m.shortType().equals("TaskRun"))
                    .size() > before);
        } finally {
            writeTransport(SUBJECT);
            Await.until("the transport back on " + SUBJECT, () -> transport().contains(SUBJECT + "\""));
        }
    }

    private interface Parse<T> {
        T get() throws Exception;
    }

    private static <T> T parse(Parse<T> parse) {
        try {
            return parse.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
