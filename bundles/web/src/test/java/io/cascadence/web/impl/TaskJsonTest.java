package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRecord.StageRecord;
import io.cascadence.api.TaskInfo;

class TaskJsonTest {

    private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");
    private static final TaskInfo TASK = new TaskInfo("report", false, false, "io.example", "1.0.0", false, false,
            List.of(), true);

    @Test
    void aTaskKeepsItsFieldsAndAddsAsyncRunningPointersAndLastRun() {
        RunRecord run = new RunRecord("r1", "report", null, "api", RunRecord.RUNNING, T, T.plusMillis(5), null, null,
                null, null, null, null, null, null, List.of(
                        new StageRecord("intake", "success", T.plusMillis(5), T.plusMillis(6), null),
                        new StageRecord("run", "started", T.plusMillis(7), null, null)));

        Map<String, Object> body = TaskJson.describe(TASK, run, 2, 3);

        assertThat(body.keySet()).containsExactly("name", "disabled", "paused", "bundle", "version", "manual",
                "pointer", "webhook_sources", "async", "running", "pointers", "last_run");
        assertThat(body).containsEntry("async", true).containsEntry("running", 2).containsEntry("pointers", 3);
        assertThat(lastRun(body)).containsExactly(entry("run_id", "r1"), entry("status", "running"),
                entry("trigger", "api"), entry("submitted_at", "2026-12-05T10:00:00Z"),
                entry("started_at", "2026-12-05T10:00:00.005Z"), entry("finished_at", null),
                entry("duration_ms", null), entry("stage", "run"), entry("stage_status", "started"),
                entry("stage_at", "2026-12-05T10:00:00.007Z"));
    }

    @Test
    void anEndedRunHasItsDurationAndItsLastStageWhenItEnded() {
        RunRecord run = new RunRecord("r2", "report", null, "cron", RunRecord.ERROR, T, T.plusMillis(5),
                T.plusMillis(250), null, null, null, null, null, "boom", "verify", List.of(
                        new StageRecord("verify", "error", T.plusMillis(100), T.plusMillis(249), "boom")));

        Map<String, Object> last = lastRun(TaskJson.describe(TASK, run, 0, 0));

        assertThat(last).containsEntry("duration_ms", 245L).containsEntry("stage", "verify")
                .containsEntry("stage_status", "error").containsEntry("stage_at", "2026-12-05T10:00:00.249Z");
        assertThat(TaskJson.describe(TASK, null, 0, 0)).containsEntry("last_run", null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lastRun(Map<String, Object> task) {
        return (Map<String, Object>) task.get("last_run");
    }

    private static Map.Entry<String, Object> entry(String key, Object value) {
        return new java.util.AbstractMap.SimpleEntry<>(key, value);
    }
}
