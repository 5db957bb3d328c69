package io.cascadence.core.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.StageUpdate;
import io.cascadence.core.impl.store.StageLog;

class StageStoreComponentParseTest {

    private static Map<String, List<Map<String, Object>>> parse(String yaml) {
        return StageStoreComponent.parse(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEmptyFileIsAnEmptyStore() {
        assertThat(StageStoreComponent.parse(new byte[0])).isEmpty();
        assertThat(parse("# nothing yet\n")).isEmpty();
    }

    @Test
    void readsTheOriginalShape() {
        Map<String, List<Map<String, Object>>> stages = parse("""
                report:
                - stage: intake
                  time: '2024-05-01T10:00:00Z'
                  run_id: r1
                report:audit:
                - stage: run
                  time: '2024-05-01T10:00:01Z'
                  status: error
                  reason: boom
                empty: []
                """);

        assertThat(stages).containsOnlyKeys("report", "report:audit", "empty");
        assertThat(stages.keySet()).containsExactly("report", "report:audit", "empty");
        assertThat(stages.get("report")).containsExactly(
                Map.of("stage", "intake", "time", "2024-05-01T10:00:00Z", "run_id", "r1"));
        assertThat(stages.get("report:audit").get(0)).containsEntry("reason", "boom").containsEntry("status", "error");
        assertThat(stages.get("empty")).isEmpty();
    }

    @Test
    void aListAtTopLevelIsRefusedAskingForAMapping() {
        assertThatThrownBy(() -> parse("- stage: intake\n- stage: run\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mapping");
    }

    @Test
    void aScalarAtTopLevelIsRefusedAskingForAMapping() {
        assertThatThrownBy(() -> parse("just some text\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mapping");
    }

    @Test
    void aKeyWhoseValueIsNotAListOfMappingsIsNamed() {
        for (String yaml : List.of(
                "good: []\nbroken-task: 42\n",
                "good: []\nbroken-task:\n  stage: intake\n",
                "good: []\nbroken-task:\n- intake\n- run\n",
                "good: []\nbroken-task:\n- stage: intake\n- just a string\n")) {
            assertThatThrownBy(() -> parse(yaml))
                    .as(yaml)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("broken-task");
        }
    }

    @Test
    void malformedYamlIsRefused() {
        assertThatThrownBy(() -> parse("report: [\n  - stage: intake\n")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aStageLogSnapshotIsReadBackToTheSameKeysAndEntries() {
        StageLog log = new StageLog(100, () -> { });
        Instant t0 = Instant.parse("2024-05-01T10:00:00Z");
        String user = "ab".repeat(32);
        log.accept(new StageUpdate("report", "intake", "r1", user, null, t0));
        log.accept(new AuditEvent("report", "intake", "success", null, "3 rows", "r1", user, null,
                t0.plusSeconds(1)));
        log.accept(new AuditEvent("report", "research", "skipped", "no provider", null, "r1", user, null,
                t0.plusSeconds(2)));
        log.accept(new StageUpdate("nightly", "paused", null, null, null, t0.plusSeconds(3)));

        Map<String, List<Map<String, Object>>> parsed = StageStoreComponent.parse(log.snapshot());

        assertThat(parsed.keySet()).containsExactly("report", "report:audit", "nightly");
        for (String key : parsed.keySet()) {
            assertThat(parsed.get(key)).as(key).isEqualTo(log.events(key));
        }
    }

    @Test
    void parsedContentRestoredIntoAStageLogSnapshotsToTheSameDocument() {
        String yaml = """
                report:
                - stage: intake
                  time: '2024-05-01T10:00:00Z'
                  run_id: r1
                report:audit:
                - stage: run
                  time: '2024-05-01T10:00:01Z'
                  status: error
                  reason: boom
                """;
        StageLog log = new StageLog(100, () -> { });

        log.restore(parse(yaml));

        Map<String, List<Map<String, Object>>> again = StageStoreComponent.parse(log.snapshot());
        assertThat(again).isEqualTo(new LinkedHashMap<>(parse(yaml)));
    }
}
