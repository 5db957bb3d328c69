package io.cascadence.core.impl.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRecord.StageRecord;

class RunRecordsJsonTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456789Z");

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static RunRecord full() {
        return legacy("9b2e.1", "report/1", "9b2e", "u".repeat(64), "g".repeat(64), RunRecord.ERROR, T0,
                T0.plusMillis(1500),
                List.of(new StageRecord("intake", "success", T0, T0.plusMillis(10), null),
                        new StageRecord("research", "skipped", T0.plusMillis(20), T0.plusMillis(20), "no provider"),
                        new StageRecord("run", "error", T0.plusMillis(30), T0.plusMillis(1500), "boom: \"quoted\"")),
                "partial ✓ résumé", "boom: \"quoted\"\nsecond line", "run");
    }

    private static RunRecord sparse() {
        return legacy("c0ffee", "ping", null, null, null, RunRecord.RUNNING, T0, null,
                List.of(new StageRecord("run", "started", T0, null, null)), null, null, null);
    }

    private static RunRecord noStages() {
        return legacy("d00d", "ping", null, null, null, RunRecord.SUCCESS, T0.plusSeconds(5),
                T0.plusSeconds(6), List.of(), "", null, null);
    }

    @Test
    void writeThenReadGivesBackEveryFieldIncludingNullsAndTimelines() throws IOException {
        List<RunRecord> records = List.of(full(), sparse(), noStages());

        List<RunRecord> read = RunRecordsJson.read(RunRecordsJson.write(records));

        assertThat(read).containsExactlyElementsOf(records);
        assertThat(read.get(0).stages()).hasSize(3);
        assertThat(read.get(1).finishedAt()).isNull();
        assertThat(read.get(1).parentRunId()).isNull();
        assertThat(read.get(1).stages().get(0).finishedAt()).isNull();
        assertThat(read.get(1).stages().get(0).reason()).isNull();
        assertThat(read.get(2).result()).isEmpty();
    }

    @Test
    void anEmptyHistoryRoundTrips() throws IOException {
        assertThat(RunRecordsJson.read(RunRecordsJson.write(List.of()))).isEmpty();
    }

    @Test
    void theDocumentHasAVersionAndTheRestApiFieldNames() throws IOException {
        JsonNode document = new ObjectMapper().readTree(RunRecordsJson.write(List.of(sparse(), full())));

        assertThat(document.get("version").asInt()).isEqualTo(1);
        assertThat(document.get("runs").isArray()).isTrue();
        assertThat(document.get("runs")).hasSize(2);
        JsonNode first = document.get("runs").get(0);
        assertThat(first.get("run_id").asText()).isEqualTo("c0ffee"); // oldest first, as given
        assertThat(first.has("parent_run_id")).isTrue();
        assertThat(first.get("parent_run_id").isNull()).isTrue();
        JsonNode second = document.get("runs").get(1);
        assertThat(second.get("task").asText()).isEqualTo("report/1");
        assertThat(second.get("parent_run_id").asText()).isEqualTo("9b2e");
        assertThat(second.get("status").asText()).isEqualTo("error");
        assertThat(second.get("started_at").asText()).isEqualTo("2024-05-01T10:00:00.123456789Z");
        assertThat(second.get("failed_stage").asText()).isEqualTo("run");
        assertThat(second.get("stages").get(1).get("reason").asText()).isEqualTo("no provider");
        List<String> names = new java.util.ArrayList<>();
        second.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("run_id", "task", "parent_run_id", "trigger", "status",
                "submitted_at", "started_at", "finished_at", "due_at", "user_hash", "group_hash", "input", "result",
                "error", "failed_stage", "stages");
    }

    @Test
    void aHandWrittenDocumentWithMissingOptionalFieldsAndExtraFieldsIsRead() throws IOException {
        String json = """
                {"version": 1, "runs": [
                  {"run_id": "r1", "task": "ping", "status": "success", "started_at": "2024-05-01T10:00:00Z",
                   "duration_ms": 12, "children": []}
                ]}
                """;

        List<RunRecord> read = RunRecordsJson.read(utf8(json));

        assertThat(read).containsExactly(legacy("r1", "ping", null, null, null, "success",
                Instant.parse("2024-05-01T10:00:00Z"), null, List.of(), null, null, null));
    }

    @Test
    void garbageIsRefusedWithAnIOException() {
        assertThatThrownBy(() -> RunRecordsJson.read(utf8("this is not json at all")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("this");
    }

    @Test
    void truncatedJsonIsRefusedWithAnIOException() {
        byte[] whole = RunRecordsJson.write(List.of(full()));
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> RunRecordsJson.read(half)).isInstanceOf(IOException.class);
    }

    @Test
    void aDocumentWithoutRunsIsRefusedSayingWhatIsExpected() {
        for (String json : List.of("{\"version\": 1}", "[]", "{\"runs\": {}}", "{\"runs\": \"none\"}", "42",
                "null")) {
            assertThatThrownBy(() -> RunRecordsJson.read(utf8(json)))
                    .as(json)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("\"runs\"");
        }
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> RunRecordsJson.read(new byte[0])).isInstanceOf(IOException.class);
    }

    @Test
    void aBadTimestampNamesTheFieldAndTheValue() {
        String json = """
                {"runs": [{"run_id": "r1", "task": "t", "status": "success", "started_at": "yesterday"}]}
                """;

        assertThatThrownBy(() -> RunRecordsJson.read(utf8(json)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("started_at")
                .hasMessageContaining("yesterday");
    }

    @Test
    void aBadStageTimestampNamesTheField() {
        String json = """
                {"runs": [{"run_id": "r1", "task": "t", "status": "success", "started_at": "2024-05-01T10:00:00Z",
                  "stages": [{"stage": "run", "status": "success", "started_at": "2024-05-01T10:00:00Z",
                              "finished_at": "2024-13-45 25:61"}]}]}
                """;

        assertThatThrownBy(() -> RunRecordsJson.read(utf8(json)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("finished_at")
                .hasMessageContaining("2024-13-45 25:61");
    }

    @Test
    void aRunWithoutARunIdIsRefusedNamingTheField() {
        String json = """
                {"version": 1, "runs": [{"task": "t", "status": "success", "started_at": "2024-05-01T10:00:00Z"}]}
                """;

        assertThatThrownBy(() -> RunRecordsJson.read(utf8(json)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("run_id");
    }

    @Test
    void aRunWithoutATaskIsRefusedNamingTheField() {
        String json = """
                {"version": 1, "runs": [{"run_id": "r1", "status": "success", "started_at": "2024-05-01T10:00:00Z"}]}
                """;

        assertThatThrownBy(() -> RunRecordsJson.read(utf8(json)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("task");
    }

    /** A record in the shape of runs.json before triggers and inputs: submitted when it started. */
    private static RunRecord legacy(String runId, String task, String parent, String user, String group, String status,
            Instant startedAt, Instant finishedAt, List<StageRecord> stages, String result, String error,
            String failedStage) {
        return new RunRecord(runId, task, parent, null, status, startedAt, startedAt, finishedAt, null, user, group,
                null, result, error, failedStage, stages);
    }
}
